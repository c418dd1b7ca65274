import { describe, expect, it } from "vitest";
import { WorkerHandler } from "./handler";
import { applyDelta, PatchMismatch } from "./delta";
import type { FromWorker, Snapshot, SnapshotDelta, ToWorker } from "./protocol";
import { routesYaml } from "../../bench/fixtures";

type Msg = ToWorker extends infer T ? (T extends unknown ? Omit<T, "id"> : never) : never;

/** The app's side: holds the snapshot it rebuilt and asks for deltas against it. */
class App {
  handler = new WorkerHandler();
  current: Snapshot | null = null;
  last: FromWorker | null = null;
  private id = 0;
  send(m: Msg, base = this.current?.version): Snapshot {
    // Messages cross a structured clone both ways, as between the worker and the app.
    const a = structuredClone(this.handler.handle(structuredClone({ ...m, base, id: ++this.id } as ToWorker)));
    this.last = a;
    if (a.type === "loaded") this.current = a.snapshot;
    else if (a.type === "patched") this.current = applyDelta(this.current!, a.delta);
    else throw new Error(a.type === "error" ? a.message : "unexpected answer");
    return this.current;
  }
  load(text: string, collapsed?: string[]): Snapshot {
    return this.send({ type: "load", text, fileName: "w.yaml", collapsed });
  }
  delta(): SnapshotDelta {
    if (this.last?.type !== "patched") throw new Error(`expected a delta, got ${this.last?.type}`);
    return this.last.delta;
  }
}

/** What a fresh engine computes for the same text and layout wishes, as the app would receive it in full. */
function reference(steps: ((a: App) => void)[]): Snapshot {
  const a = new App();
  for (const s of steps) s(a);
  return a.current!;
}

const BASE = routesYaml(60, 3);
const edits: { name: string; text: string; sent: "patched" | "loaded" }[] = [
  { name: "a backend's weight", text: BASE.replace("      weight: 10\n", "      weight: 20\n"), sent: "patched" },
  { name: "a route added", text: BASE + "---\n" + routesYaml(61, 3).split("\n---\n").at(-1), sent: "patched" },
  { name: "a route removed", text: BASE.split("\n---\n").filter((d) => !d.includes("name: app-7\n")).join("\n---\n"), sent: "patched" },
  { name: "a hostname typed", text: BASE.replace('"app-3.example.com"', '"app-3x.example.com"'), sent: "patched" },
  { name: "a syntax error", text: BASE + "---\nkind: [unclosed\n", sent: "patched" },
  { name: "a namespace renamed", text: BASE.replace(/namespace: team-1\n/g, "namespace: other\n"), sent: "patched" },
];

describe("snapshot deltas", () => {
  for (const e of edits) {
    it(`rebuild the worker's snapshot exactly: ${e.name}`, () => {
      const app = new App();
      app.load(BASE);
      const s = app.load(e.text);
      expect(app.last?.type).toBe(e.sent);
      // The same steps without deltas: a full snapshot of the same state.
      const full = reference([(a) => a.load(BASE), (a) => a.send({ type: "load", text: e.text, fileName: "w.yaml" }, undefined)]);
      expect({ ...s, timings: {} }).toEqual({ ...full, timings: {} });
    });
  }

  it("carry only what a one-line edit changed", () => {
    const app = new App();
    const before = app.load(BASE);
    const after = app.load(edits[0].text);
    const d = app.delta();
    expect(d.nodes.fresh.length).toBeLessThanOrEqual(2);
    expect(d.edges.fresh.length).toBeLessThanOrEqual(4);
    expect(d.edges.fresh.length).toBeGreaterThan(0); // the weight is on the edge
    expect(Object.keys(d.positions.set)).toEqual([]);
    expect(d.spans.fresh).toEqual([]);
    expect(d.status.fresh.length).toBeLessThanOrEqual(1);
    expect(d.assumptions.fresh).toEqual([]);
    // Unchanged parts are the previous objects.
    expect(after.positions).toBe(before.positions);
    expect(after.spans).toBe(before.spans);
    expect(after.assumptions).toBe(before.assumptions);
    const same = after.graph.nodes.filter((n, i) => n === before.graph.nodes[i]).length;
    expect(same).toBeGreaterThanOrEqual(before.graph.nodes.length - 2);
  });

  it("send the spans a keystroke moved as one shift", () => {
    const app = new App();
    const before = app.load(BASE);
    const after = app.load(edits[3].text); // a character typed in app-3's hostname
    const d = app.delta();
    expect(d.spans.shift?.[1]).toBe(1);
    expect(d.spans.shift?.[2]).toBe(0);
    expect(d.spans.shift![0]).toBeGreaterThan(50);
    expect(d.spans.fresh.length).toBeLessThanOrEqual(1);
    const moved = after.spans.at(-1)!;
    expect(moved.start).toBe(before.spans.at(-1)!.start + 1);
    // A new line moves lines too.
    app.load(edits[3].text.replace("# route 10:", "# route 10:\n#"));
    expect(app.delta().spans.shift?.[2]).toBe(1);
  });

  it("lay out collapsed namespaces and tidy in the worker, keeping the graph object", () => {
    const app = new App();
    const s0 = app.load(BASE);
    const s1 = app.send({ type: "layout", collapsed: ["team-1", "nowhere"], tidy: false });
    expect(app.last?.type).toBe("patched");
    expect(s1.graph).toBe(s0.graph);
    expect(s1.collapsed).toEqual(["team-1"]);
    expect(s1.positions["Namespace/team-1@3"]).toBeDefined();
    expect(s1.positions["HTTPRoute/team-1/app-1"]).toBeUndefined();
    expect(s1.positions["HTTPRoute/team-0/app-0"]).toBeDefined();
    // An edit while collapsed stays collapsed.
    const s2 = app.load(edits[0].text);
    expect(s2.collapsed).toEqual(["team-1"]);
    const s3 = app.send({ type: "layout", collapsed: [], tidy: true });
    expect(s3.collapsed).toBeUndefined();
    expect(Object.keys(s3.positions).sort()).toEqual(s3.graph.nodes.map((n) => n.id).sort());
  });

  it("send a full snapshot when the app holds another version, or when most of it changed", () => {
    const app = new App();
    app.load(BASE);
    app.send({ type: "load", text: BASE, fileName: "w.yaml" }, 12345);
    expect(app.last?.type).toBe("loaded");
    app.load(routesYaml(40, 5).replace(/app-/g, "svc-"));
    expect(app.last?.type).toBe("loaded");
  });

  it("refuse to apply a delta to another version", () => {
    const app = new App();
    const s0 = app.load(BASE);
    app.load(edits[0].text);
    const d = app.delta();
    expect(() => applyDelta({ ...s0, version: s0.version - 1 }, d)).toThrow(PatchMismatch);
  });
});
