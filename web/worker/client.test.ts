import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EngineClient, type Simulated } from "./client";
import type { SimRequest } from "../../src/model/request";
import { WorkerHandler } from "./handler";
import type { FromWorker, Snapshot, ToWorker } from "./protocol";
import { routesYaml } from "../../bench/fixtures";

/** An in-process Worker: the real handler, answers after a tick, messages structured-cloned both ways. */
class FakeWorker {
  static last: FakeWorker | null = null;
  handler = new WorkerHandler();
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  sent: ToWorker[] = [];
  /** Rewrites answers (to test a delta that does not fit). */
  tamper: ((m: FromWorker) => FromWorker) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: ToWorker) {
    const msg = structuredClone(m);
    this.sent.push(msg);
    setTimeout(() => {
      let a = structuredClone(this.handler.handle(msg));
      if (this.tamper) a = this.tamper(a);
      this.onmessage?.({ data: a });
    }, 0);
  }
}

const saved = (globalThis as { Worker?: unknown }).Worker;
beforeEach(() => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = saved;
});

const A = routesYaml(20, 2);
const B = A.replace("      weight: 10\n", "      weight: 30\n");
const C = A.replace("      weight: 10\n", "      weight: 40\n");

function collect(c: EngineClient): { s: Snapshot; tag: number | undefined; loaded: boolean; simulated?: Simulated }[] {
  const got: { s: Snapshot; tag: number | undefined; loaded: boolean; simulated?: Simulated }[] = [];
  c.onSnapshot((s, info) => got.push({ s, ...info }));
  return got;
}

describe("EngineClient", () => {
  it("simulates a load's requests with it: the outcomes come with the snapshot, for the requests of the time of sending", async () => {
    const c = new EngineClient();
    const got = collect(c);
    const req = (path: string): SimRequest => ({ gateway: "infra/edge", request: { protocol: "HTTP", host: "app-0.example.com", path, headers: { "x-canary": "true" } } });
    let wanted = [req("/api/v0/x")];
    await c.request({ text: A, fileName: "w.yaml", tag: 1, requests: () => wanted });
    // Without requests: nothing simulated.
    await c.request({ text: C, fileName: "w.yaml", tag: 2 });
    wanted = [req("/api/v0/x"), req("/healthz")];
    await c.request({ text: B, fileName: "w.yaml", tag: 3, requests: () => wanted });
    expect(got.map((g) => g.simulated?.requests)).toEqual([[req("/api/v0/x")], undefined, wanted]);
    // The outcomes are those of a separate run on the same configuration.
    const again = await c.simulate(wanted);
    expect(got[2].simulated!.outcomes).toEqual(again);
    expect(again[0].backends.map((b) => b.weight)).toEqual([30, 90]);
    expect(again[1].route).toBe("HTTPRoute/team-0/app-0");
  });

  it("rebuilds whole snapshots from deltas, in order, with their text's tag", async () => {
    const c = new EngineClient();
    const got = collect(c);
    const s1 = await c.request({ text: A, fileName: "w.yaml", tag: 1 });
    const s2 = await c.request({ text: B, fileName: "w.yaml", tag: 2 });
    expect(FakeWorker.last!.sent.map((m) => (m.type === "simulate" ? undefined : m.base))).toEqual([undefined, s1!.version]);
    expect(got.map((g) => [g.tag, g.loaded])).toEqual([
      [1, true],
      [2, true],
    ]);
    // What a fresh worker sends in full for the same history.
    const ref = new WorkerHandler();
    ref.handle({ id: 1, type: "load", text: A, fileName: "w.yaml" });
    const full = structuredClone(ref.handle({ id: 2, type: "load", text: B, fileName: "w.yaml" }));
    expect(full.type).toBe("loaded");
    if (full.type === "loaded") expect({ ...s2, timings: {} }).toEqual({ ...full.snapshot, timings: {} });
  });

  it("loads only the newest of texts typed while the worker is busy", async () => {
    const c = new EngineClient();
    const got = collect(c);
    const p1 = c.request({ text: A, fileName: "w.yaml", tag: 1 });
    const p2 = c.request({ text: B, fileName: "w.yaml", tag: 2 });
    const p3 = c.request({ text: C, fileName: "w.yaml", tag: 3 });
    const [s1, s2, s3] = await Promise.all([p1, p2, p3]);
    expect(s1).not.toBeNull();
    expect(s2).toBeNull();
    expect(s3).not.toBeNull();
    expect(got.map((g) => g.tag)).toEqual([1, 3]);
  });

  it("merges a collapse into a waiting load and lays out again for a collapse alone", async () => {
    const c = new EngineClient();
    const got = collect(c);
    const p1 = c.request({ text: A, fileName: "w.yaml", tag: 1 });
    const p2 = c.request({ text: B, fileName: "w.yaml", tag: 2 });
    const p3 = c.request({ collapsed: ["team-1"] });
    const [, s2, s3] = await Promise.all([p1, p2, p3]);
    expect(s3).toBe(s2);
    expect(s2!.collapsed).toEqual(["team-1"]);
    const s4 = await c.request({ collapsed: [] });
    expect(s4!.collapsed).toBeUndefined();
    expect(s4!.graph).toBe(s2!.graph);
    expect(got.map((g) => [g.tag, g.loaded])).toEqual([
      [1, true],
      [2, true],
      [2, false],
    ]);
  });

  it("asks again for a full snapshot when a delta does not fit", async () => {
    const c = new EngineClient();
    await c.request({ text: A, fileName: "w.yaml", tag: 1 });
    const w = FakeWorker.last!;
    w.tamper = (m) => {
      w.tamper = null;
      return m.type === "patched" ? { ...m, delta: { ...m.delta, base: -5 } } : m;
    };
    const s = await c.request({ text: B, fileName: "w.yaml", tag: 2 });
    expect(s).not.toBeNull();
    expect(w.sent.at(-1)).toMatchObject({ type: "load", base: undefined });
    expect(c.snapshot()).toBe(s);
  });

  it("sends an edit as the change of the text the worker holds; the whole text when the worker does not hold it", async () => {
    const c = new EngineClient();
    await c.request({ text: A, fileName: "w.yaml", tag: 1 });
    const w = FakeWorker.last!;
    const s2 = await c.request({ text: B, fileName: "w.yaml", tag: 2 });
    expect(w.sent.map((m) => (m.type === "load" ? typeof m.text : m.type))).toEqual(["string", "object"]);
    expect(w.sent[1]).toMatchObject({ text: { text: "3", length: B.length } });
    // The same snapshot as the whole text gives.
    const ref = new WorkerHandler();
    const full = structuredClone(ref.handle({ id: 1, type: "load", text: B, fileName: "w.yaml" }));
    expect(full.type).toBe("loaded");
    if (full.type === "loaded") expect({ ...s2!, version: 0, timings: {} }).toEqual({ ...full.snapshot, version: 0, timings: {} });
    // A worker that lost the text answers "stale": the client sends the whole text again.
    w.handler = new WorkerHandler();
    const s3 = await c.request({ text: C, fileName: "w.yaml", tag: 3 });
    expect(w.sent.slice(2).map((m) => (m.type === "load" ? typeof m.text : m.type))).toEqual(["object", "string"]);
    expect(s3!.graph.nodes.length).toBe(s2!.graph.nodes.length);
    expect(c.snapshot()).toBe(s3);
  });

  it("sends a new configuration whole", async () => {
    const c = new EngineClient();
    await c.request({ text: A, fileName: "w.yaml", tag: 1 });
    await c.request({ text: routesYaml(3, 1), fileName: "w.yaml", tag: 2 });
    expect(FakeWorker.last!.sent.map((m) => (m.type === "load" ? typeof m.text : m.type))).toEqual(["string", "string"]);
  });

  it("adopts the namespaces the worker collapsed in a new picture, so the next load keeps them", async () => {
    const c = new EngineClient();
    const big = routesYaml(200, 5);
    const s1 = await c.request({ text: big, fileName: "w.yaml", tag: 1, collapsed: [], autoCollapse: true });
    expect(s1!.collapsed?.length).toBeGreaterThan(0);
    const s2 = await c.request({ text: big.replace("      weight: 10\n", "      weight: 20\n"), fileName: "w.yaml", tag: 2, autoCollapse: true });
    expect(s2!.collapsed).toEqual(s1!.collapsed);
    expect(FakeWorker.last!.sent.at(-1)).toMatchObject({ type: "load", collapsed: s1!.collapsed });
  });

  it("waits for a text before laying out", async () => {
    const c = new EngineClient();
    expect(await c.request({ collapsed: ["x"] })).toBeNull();
  });
});
