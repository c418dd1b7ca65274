import { describe, expect, it } from "vitest";
import { WorkerHandler } from "../worker/handler";
import { applyDelta } from "../worker/delta";
import type { Snapshot } from "../worker/protocol";
import { toFlow, type Flow, type ViewOptions } from "./toFlow";
import { routesYaml } from "../../bench/fixtures";

/** Snapshots as the app holds them: the first in full, then rebuilt from deltas (unchanged objects kept). */
class AppSide {
  private h = new WorkerHandler();
  private id = 0;
  s: Snapshot | null = null;
  load(text: string, collapsed: string[] = []): Snapshot {
    const a = structuredClone(this.h.handle({ id: ++this.id, type: "load", text, fileName: "w.yaml", collapsed, base: this.s?.version }));
    if (a.type === "loaded") this.s = a.snapshot;
    else if (a.type === "patched") this.s = applyDelta(this.s!, a.delta);
    else throw new Error(a.type);
    return this.s;
  }
}

/** What a flow draws. A node's source location is not drawn: a kept node may hold an older one. */
const drawn = (f: Flow) => {
  const nodes = f.nodes.map((n) => (n.type === "nsgroup" || n.type === "summary" ? n : { ...n, data: { ...n.data, g: { ...n.data.g, source: undefined } } }));
  return { nodes, edges: f.edges, byId: new Map(nodes.map((n) => [n.id, n])), edgeIndex: f.edgeIndex, rep: f.rep, bounds: f.bounds, fans: f.fans, ids: [...f.byId.keys()] };
};

// 15 routes per namespace on one listener: their lines are bundled.
const BASE = routesYaml(30, 2);
const VIEWS: { name: string; view: ViewOptions }[] = [
  { name: "everything", view: { hiddenNamespaces: [], hiddenKinds: [], collapsed: [] } },
  { name: "team-1 collapsed", view: { hiddenNamespaces: [], hiddenKinds: [], collapsed: ["team-1"] } },
  { name: "Services hidden, a route in focus", view: { hiddenNamespaces: [], hiddenKinds: ["Service"], collapsed: [], focus: ["HTTPRoute/team-0/app-0"] } },
];
const EDITS: { name: string; text: string; patched: boolean }[] = [
  { name: "a weight (an edge's label)", text: BASE.replace("      weight: 10\n", "      weight: 30\n"), patched: true },
  { name: "a hostname (a route node's data)", text: BASE.replace('"app-3.example.com"', '"app-3b.example.com"'), patched: true },
  { name: "a path in team-1 (collapsed there)", text: BASE.replace("name: app-1\n  namespace: team-1", "name: app-1\n  namespace: team-1").replace("value: /api/v1\n", "value: /api/v7\n"), patched: true },
  { name: "a comment only", text: BASE.replace("# route 4:", "# the route 4:"), patched: true },
  { name: "a backend renamed (an edge's end moves)", text: BASE.replace("- name: app-2-canary", "- name: app-2-blue"), patched: false },
  { name: "a route removed", text: BASE.split("\n---\n").filter((d) => !d.includes("name: app-5\n")).join("\n---\n"), patched: false },
];

describe("patchFlow: an edit patches the previous flow, drawing exactly what a fresh build draws", () => {
  for (const v of VIEWS) {
    for (const e of EDITS) {
      it(`${v.name}: ${e.name}`, () => {
        const app = new AppSide();
        const s1 = app.load(BASE, v.view.collapsed as string[]);
        const f1 = toFlow({ graph: s1.graph, positions: s1.positions, view: v.view });
        const s2 = app.load(e.text, v.view.collapsed as string[]);
        const view = { ...v.view, collapsed: s2.collapsed ?? [] };
        const input = { graph: s2.graph, positions: s2.positions, view };
        const patched = toFlow(input, f1);
        expect(drawn(patched)).toEqual(drawn(toFlow(input)));
        const wasPatched = patched === f1 || patched.memo?.shared === f1.memo?.shared;
        if (s2.positions === s1.positions && e.patched) expect(wasPatched).toBe(true);
        if (!e.patched) expect(wasPatched).toBe(false);
      });
    }
  }

  it("rebuilds only the changed edge, keeping every other object", () => {
    const app = new AppSide();
    const view: ViewOptions = { hiddenNamespaces: [], hiddenKinds: [], collapsed: [] };
    const s1 = app.load(routesYaml(8, 2));
    const f1 = toFlow({ graph: s1.graph, positions: s1.positions, view });
    const s2 = app.load(routesYaml(8, 2).replace("      weight: 10\n", "      weight: 30\n"));
    const f2 = toFlow({ graph: s2.graph, positions: s2.positions, view }, f1);
    // The weight is drawn on the edges of its rule only.
    expect(f2.nodes).toBe(f1.nodes);
    const changedEdges = f2.edges.filter((x, i) => x !== f1.edges[i]);
    expect(changedEdges.map((x) => x.data!.label).sort()).toEqual(["w30 · 25%", "w90 · 75%"]);
  });

  it("a reference inside a bundle (15 routes of a box onto one Service) updates the bundle", () => {
    const shared = BASE.replace(/- name: app-\d+-canary/g, "- name: shared");
    const app = new AppSide();
    const view: ViewOptions = { hiddenNamespaces: [], hiddenKinds: [], collapsed: [] };
    const s1 = app.load(shared);
    const f1 = toFlow({ graph: s1.graph, positions: s1.positions, view });
    const bundle = f1.edges.find((e) => e.data!.to === "Service/team-0/shared" && e.data!.members);
    expect(bundle?.data!.from).toBe("group:Namespace/team-0@3");
    const s2 = app.load(shared.replace("      weight: 10\n", "      weight: 30\n"));
    expect(s2.positions).toBe(s1.positions);
    const input = { graph: s2.graph, positions: s2.positions, view };
    const patched = toFlow(input, f1);
    expect(patched.memo?.shared).toBe(f1.memo?.shared);
    expect(drawn(patched)).toEqual(drawn(toFlow(input)));
    const after = patched.edges.find((e) => e.id === bundle!.id)!;
    expect(after).not.toBe(bundle);
    expect(after.data!.refs.some((r) => r.weight === 30)).toBe(true);
  });

  it("a health change inside a collapsed namespace rebuilds its summary", () => {
    const app = new AppSide();
    const view: ViewOptions = { hiddenNamespaces: [], hiddenKinds: [], collapsed: ["team-1"] };
    const s1 = app.load(BASE, ["team-1"]);
    const f1 = toFlow({ graph: s1.graph, positions: s1.positions, view });
    // A parentRef to a listener that does not exist: the route is not accepted.
    const s2 = app.load(BASE.replace("name: app-1\n  namespace: team-1\n", "name: app-1\n  namespace: team-1\n").replace(/(name: app-1\n[\s\S]*?sectionName: )http/, "$1nope"), ["team-1"]);
    const input = { graph: s2.graph, positions: s2.positions, view };
    expect(drawn(toFlow(input, f1))).toEqual(drawn(toFlow(input)));
  });

  it("a change of focus patches when it touches no line of a large fan, and rebuilds when it does", () => {
    const app = new AppSide();
    const s1 = app.load(BASE);
    const cls = s1.graph.nodes.find((n) => n.kind === "GatewayClass")!.id;
    const route = "HTTPRoute/team-0/app-0";
    const base: ViewOptions = { hiddenNamespaces: [], hiddenKinds: [], collapsed: [], focus: [route] };
    const f1 = toFlow({ graph: s1.graph, positions: s1.positions, view: base });
    expect(f1.fans).toBe(true);
    const s2 = app.load(BASE.replace("      weight: 10\n", "      weight: 30\n"));
    for (const [focus, patched] of [
      [[route, cls], true], // the class is no end of a fan's line
      [[cls], false], // the route's lines go back into their bundle
      [[route, "HTTPRoute/team-0/app-2"], false], // another route's lines come out of it
    ] as const) {
      const input = { graph: s2.graph, positions: s2.positions, view: { ...base, focus: [...focus] } };
      const f2 = toFlow(input, f1);
      expect(drawn(f2)).toEqual(drawn(toFlow(input)));
      expect(f2.memo?.shared === f1.memo?.shared).toBe(patched);
    }
  });
});
