import { describe, expect, it } from "vitest";
import { layoutGraph, type LayoutOptions, type LayoutResult } from "./layout";
import { groupsOf, sampleEdge, sampleGraph, sampleNode } from "./layoutSample";
import { byId, FIXTURE, graphOf, overlaps } from "./layoutTestkit";
import type { Graph, GraphEdge, GraphNode } from "./types";

const BASE = sampleGraph({ routes: 150, seed: 3 });
const ROUTE = "HTTPRoute/team-4/r-40";
const LISTENER = "Listener/infra-0/gw-0/l1";

function edit(g: Graph, f: (nodes: GraphNode[], edges: GraphEdge[]) => void): Graph {
  const nodes = g.nodes.slice();
  const edges = g.edges.slice();
  f(nodes, edges);
  return { nodes, edges, groups: groupsOf(nodes) };
}

function renameRoute(g: Graph, from: string, to: string): Graph {
  return edit(g, (nodes, edges) => {
    const i = nodes.findIndex((n) => n.id === from);
    nodes[i] = { ...nodes[i], id: to, name: to.split("/")[2] };
    edges.forEach((e, k) => {
      if (e.from === from) edges[k] = { ...e, from: to };
    });
  });
}

/** Kept nodes whose position changed, and the largest move. */
function moves(before: LayoutResult, after: LayoutResult): { moved: string[]; max: number; columns: Set<number> } {
  const prev = byId(before);
  const moved: string[] = [];
  const columns = new Set<number>();
  let max = 0;
  for (const n of after.nodes) {
    const p = prev.get(n.id);
    if (!p) continue;
    const d = Math.abs(p.x - n.x) + Math.abs(p.y - n.y);
    if (d > 0) {
      moved.push(n.id);
      columns.add(n.column);
      max = Math.max(max, d);
    }
  }
  return { moved, max, columns };
}

/** Whether kept nodes keep their top-to-bottom order in every column. */
function orderKept(before: LayoutResult, after: LayoutResult): boolean {
  const now = byId(after);
  const kept = before.nodes.filter((n) => n.type !== "port" && now.has(n.id) && now.get(n.id)!.column === n.column);
  kept.sort((a, b) => a.column - b.column || a.y - b.y);
  for (let k = 1; k < kept.length; k++) if (kept[k].column === kept[k - 1].column && now.get(kept[k].id)!.y < now.get(kept[k - 1].id)!.y) return false;
  return true;
}

describe("layoutGraph with previous: small edits keep the picture", () => {
  const before = layoutGraph(BASE);
  const row = 48 + 8;
  it.each<{ name: string; graph: Graph; options?: LayoutOptions; still: number[]; maxMove: number; placed?: [string, string] }>([
    {
      name: "add a route and its Service",
      graph: edit(BASE, (nodes, edges) => {
        const r = sampleNode("HTTPRoute", "route", "team-4", "added");
        const s = sampleNode("Service", "service", "team-4", "added-svc");
        nodes.push(r, s);
        edges.push(sampleEdge("parentRef", r.id, LISTENER, ["spec", "parentRefs", 0]), sampleEdge("backendRef", r.id, s.id, ["spec", "rules", 0]));
      }),
      still: [0, 1],
      maxMove: row,
      placed: ["HTTPRoute/team-4/added", "Namespace/team-4@3"],
    },
    { name: "remove a route", graph: edit(BASE, (nodes, edges) => nodes.splice(nodes.findIndex((n) => n.id === ROUTE), 1) && edges.splice(0, edges.length, ...edges.filter((e) => e.from !== ROUTE))), still: [0, 1, 4], maxMove: row },
    { name: "rename a route", graph: renameRoute(BASE, ROUTE, "HTTPRoute/team-4/r-40-renamed"), still: [0, 1, 4], maxMove: row, placed: ["HTTPRoute/team-4/r-40-renamed", "Namespace/team-4@3"] },
    { name: "move a route to another listener", graph: edit(BASE, (_, edges) => edges.forEach((e, k) => e.from === ROUTE && e.type === "parentRef" && (edges[k] = { ...e, to: LISTENER }))), still: [0, 1, 3, 4, 5], maxMove: 0 },
    { name: "add a backendRef to a shared Service", graph: edit(BASE, (_, edges) => edges.push(sampleEdge("backendRef", ROUTE, "Service/shared-1/shared-1", ["spec", "rules", 3]))), still: [0, 1, 3, 4, 5], maxMove: 0 },
    {
      name: "add a route in a new namespace",
      graph: edit(BASE, (nodes, edges) => {
        const r = sampleNode("HTTPRoute", "route", "zz-new", "fresh");
        nodes.push(r);
        edges.push(sampleEdge("parentRef", r.id, LISTENER, ["spec", "parentRefs", 0]));
      }),
      still: [0, 1, 4],
      maxMove: 48 + 24 + 10 + 16,
      placed: ["HTTPRoute/zz-new/fresh", "Namespace/zz-new@3"],
    },
  ])("$name", ({ graph, options, still, maxMove, placed }) => {
    const after = layoutGraph(graph, { ...options, previous: before });
    expect(after.stats).toEqual({ incremental: true, sweeps: 0 });
    expect(overlaps(after)).toEqual([]);
    expect(orderKept(before, after)).toBe(true);
    const m = moves(before, after);
    for (const c of still) expect(m.columns.has(c), `column ${c} moved: ${m.moved.slice(0, 3)}`).toBe(false);
    expect(m.max).toBeLessThanOrEqual(maxMove);
    if (placed) expect(byId(after).get(placed[0])?.group).toBe(placed[1]);
    // Nothing unrelated is dropped: every node of the new graph is drawn.
    expect(after.nodes.length).toBe(graph.nodes.length);
  });

  it("a renamed route takes the old one's place", () => {
    const after = layoutGraph(renameRoute(BASE, ROUTE, "HTTPRoute/team-4/r-40-renamed"), { previous: before });
    expect(byId(after).get("HTTPRoute/team-4/r-40-renamed")!.y).toBe(byId(before).get(ROUTE)!.y);
  });

  it("collapsing a namespace closes its gap; expanding it again reopens it where it was", () => {
    const collapsed = layoutGraph(BASE, { collapsedNamespaces: new Set(["team-4"]), previous: before });
    expect(collapsed.stats.incremental).toBe(true);
    expect(overlaps(collapsed)).toEqual([]);
    expect(orderKept(before, collapsed)).toBe(true);
    const box = before.groups.find((g) => g.id === "Namespace/team-4@3")!;
    const summary = byId(collapsed).get("Namespace/team-4@3:summary")!;
    expect(summary.y).toBe(box.y);
    // Boxes below move up by what the namespace no longer takes; boxes above stay.
    const below = before.groups.find((g) => g.column === 3 && g.y > box.y)!;
    const belowNow = collapsed.groups.find((g) => g.id === below.id)!;
    expect(below.y - belowNow.y).toBe(box.height - summary.height);
    const expanded = layoutGraph(BASE, { previous: collapsed });
    expect(moves(before, expanded).moved).toEqual([]);
  });

  it("the same graph again moves nothing", () => {
    const again = layoutGraph(BASE, { previous: before });
    expect(moves(before, again).moved).toEqual([]);
    expect(again.groups).toEqual(before.groups);
  });

  it("falls back to a full layout when most of the picture is new", () => {
    const other = layoutGraph(sampleGraph({ routes: 20, seed: 1 }));
    expect(layoutGraph(BASE, { previous: other }).stats.incremental).toBe(false);
    expect(layoutGraph(BASE, { previous: { nodes: [], groups: [], edges: [], columns: [], width: 0, height: 0, stats: { incremental: false, sweeps: 0 } } }).stats.incremental).toBe(false);
  });

  it("follows a text edit through parse, controller and graph", () => {
    const prev = layoutGraph(graphOf(FIXTURE));
    const added = `${FIXTURE}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: docs, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: http }]
  rules:
  - backendRefs: [{ name: web, port: 80 }]
`;
    const after = layoutGraph(graphOf(added), { previous: prev });
    expect(after.stats.incremental).toBe(true);
    expect(overlaps(after)).toEqual([]);
    expect(orderKept(prev, after)).toBe(true);
    expect(moves(prev, after).columns.has(1)).toBe(false);
    expect(byId(after).get("HTTPRoute/apps/docs")?.group).toBe("Namespace/apps@3");
  });
});
