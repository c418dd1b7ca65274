/**
 * The worker's rehearsal of an edit after a large load (rehearsal.ts): the edit it makes, and that
 * it leaves no trace in what the app sees — answers between and after its steps are the ones a
 * worker without it gives.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parse";
import { simulate } from "../../src/controller";
import { applyDelta } from "./delta";
import { WorkerHandler } from "./handler";
import { REHEARSALS, REHEARSE_FROM, rehearsalEdit } from "./rehearsal";
import { routesYaml } from "../../bench/fixtures";
import type { FromWorker, Snapshot } from "./protocol";
import type { SimRequest } from "../../src/model/request";

const modelOf = (text: string) => {
  const p = parse({ name: "w.yaml", text });
  return simulate(p.resources, { lines: p.lines });
};

function changedLines(a: string, b: string): [string, string][] {
  const x = a.split("\n");
  const y = b.split("\n");
  expect(y.length).toBe(x.length);
  return x.flatMap((l, i) => (l === y[i] ? [] : [[l, y[i]] as [string, string]]));
}

describe("rehearsalEdit", () => {
  it("changes the first weight of a rule of a route from the middle, and nothing else", () => {
    const text = routesYaml(10, 2);
    const edited = rehearsalEdit(modelOf(text), text, 0)!;
    expect(changedLines(text, edited)).toEqual([["      weight: 10", "      weight: 11"]]);
    // Route app-5 of 10 (the middle one) holds the line that changed.
    const at = edited.indexOf("weight: 11");
    expect(edited.slice(edited.lastIndexOf("kind: HTTPRoute", at), at)).toContain("  name: app-5\n");
    // The next rehearsal's edit is another one.
    expect(changedLines(text, rehearsalEdit(modelOf(text), text, 1)!)).toEqual([["      weight: 10", "      weight: 12"]]);
  });

  it("gives a weight to backendRefs that have none, and null when no route has backendRefs", () => {
    const bare = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs:
    - name: a
      port: 80
`;
    const edited = rehearsalEdit(modelOf(bare), bare, 0)!;
    expect(modelOf(edited).routes[0].resource.obj.spec.rules[0].backendRefs[0].weight).toBe(2);
    const none = bare.replace(/  - backendRefs:[\s\S]*$/, "  - matches: [{path: {value: /}}]\n");
    expect(rehearsalEdit(modelOf(none), none, 0)).toBeNull();
  });
});

describe("WorkerHandler rehearsal", () => {
  const text = routesYaml(REHEARSE_FROM, 4);
  const samples: SimRequest[] = [150, 151, 3].map((i) => ({ gateway: "infra/edge", request: { protocol: "HTTP", host: `app-${i}.example.com`, path: `/api/v${i % 3}/x`, headers: { "x-canary": "true" } } }));
  const edited = text.replace("      weight: 10\n", "      weight: 20\n");

  function snapshotOf(m: FromWorker, held: Snapshot | null): Snapshot {
    if (m.type === "loaded") return m.snapshot;
    if (m.type === "patched") return applyDelta(held!, m.delta);
    throw new Error(`unexpected ${m.type}`);
  }
  const plain = (s: Snapshot) => ({ ...s, version: 0, timings: {} });

  it("is due after a new large configuration only, and runs in steps", () => {
    const h = new WorkerHandler();
    h.handle({ id: 1, type: "load", text: routesYaml(REHEARSE_FROM - 1, 4), fileName: "w.yaml" });
    expect(h.rehearsalDue).toBe(false);
    h.handle({ id: 2, type: "load", text, fileName: "w.yaml" });
    let steps = 0;
    while (h.rehearsalDue) {
      h.rehearse();
      steps++;
    }
    expect(steps).toBe(REHEARSALS * 2);
    // An edit is not a new configuration.
    h.handle({ id: 3, type: "load", text: edited, fileName: "w.yaml", base: 2 });
    expect(h.rehearsalDue).toBe(false);
  });

  it("answers between and after its steps as a worker without it does", () => {
    const h = new WorkerHandler();
    const ref = new WorkerHandler();
    /** What the app holds, from each answer of `h` in order; the same for `ref`. */
    let held: Snapshot | null = null;
    let refHeld: Snapshot | null = null;
    const send = (m: Parameters<WorkerHandler["handle"]>[0]) => {
      const a = structuredClone(h.handle({ ...m, ...("base" in m ? { base: held?.version } : {}) } as typeof m));
      const b = structuredClone(ref.handle({ ...m, ...("base" in m ? { base: refHeld?.version } : {}) } as typeof m));
      if (a.type === "loaded" || a.type === "patched") held = snapshotOf(a, held);
      if (b.type === "loaded" || b.type === "patched") refHeld = snapshotOf(b, refHeld);
      return [a, b] as const;
    };
    send({ id: 1, type: "load", text, fileName: "w.yaml", requests: samples, base: undefined });
    expect(h.rehearsalDue).toBe(true);
    // After the rehearsal's edit step, before the step that loads the text again.
    h.rehearse();
    const [sa, sb] = send({ id: 2, type: "simulate", requests: samples, trace: true });
    expect(sa).toEqual(sb);
    const [la] = send({ id: 3, type: "layout", collapsed: ["team-1"], tidy: false, base: undefined });
    expect(la.type).toBe("patched");
    expect(plain(held!)).toEqual(plain(refHeld!));
    while (h.rehearsalDue) h.rehearse();
    // The user's edit: the same snapshot and outcomes as without the rehearsal.
    const [a, b] = send({ id: 4, type: "load", text: edited, fileName: "w.yaml", collapsed: ["team-1"], requests: samples, base: undefined });
    expect(a.type).toBe("patched");
    expect(plain(held!)).toEqual(plain(refHeld!));
    expect(a.type !== "error" && a.outcomes).toEqual(b.type !== "error" && b.outcomes);
    expect(a.type !== "error" && a.outcomes?.length).toBe(samples.length);
  });
});
