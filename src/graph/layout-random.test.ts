import { describe, expect, it } from "vitest";
import { layoutGraph, type LayoutNode, type LayoutResult } from "./layout";
import { groupsOf, prng, sampleEdge, sampleGraph, sampleNode } from "./layoutSample";
import { overlaps } from "./layoutTestkit";
import type { Graph, GraphNode } from "./types";

/** What must hold for any layout: boxes apart, ports inside their owner, every drawn edge between drawn nodes. */
function invariants(l: LayoutResult): string[] {
  const at = new Map(l.nodes.map((n) => [n.id, n]));
  const inside = (n: LayoutNode, o: LayoutNode) => n.x >= o.x && n.y >= o.y && n.x + n.width <= o.x + o.width && n.y + n.height <= o.y + o.height;
  return [
    ...overlaps(l),
    ...l.nodes.filter((n) => n.type === "port" && !inside(n, at.get(n.parent!)!)).map((n) => `port outside: ${n.id}`),
    ...l.edges.filter((e) => !at.has(e.source) || !at.has(e.target)).map((e) => `dangling: ${e.id}`),
    ...l.nodes.filter((n) => !(n.y >= 0) || !(n.x >= 0)).map((n) => `off the canvas: ${n.id}`),
  ];
}

describe("layoutGraph on random graphs", () => {
  const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
  it.each(seeds)("seed %i: invariants hold for full and incremental layouts, collapsed or not, any node sizes", (seed) => {
    const r = prng(seed);
    const int = (n: number) => Math.floor(r() * n);
    const g = sampleGraph({ routes: 1 + int(80), gateways: 1 + int(4), listenersPerGateway: int(4), namespaces: 1 + int(8), backendsPerRoute: int(3), sharedServices: int(5), seed });
    const collapsedNamespaces = new Set(["team-0", "team-1", "infra-0", "shared-1"].filter(() => r() < 0.3));
    const nodeSize = r() < 0.5 ? undefined : (n: GraphNode) => ({ width: 100 + ((n.name.length * 37) % 200), height: 20 + ((n.name.length * 13) % 60) });
    const full = layoutGraph(g, { collapsedNamespaces, nodeSize });
    expect(invariants(full)).toEqual([]);
    if (!collapsedNamespaces.size) expect(full.nodes.length).toBe(g.nodes.length);
    // An edit: a few routes gone, one added.
    const nodes = g.nodes.filter((n) => !(n.role === "route" && r() < 0.05));
    const ids = new Set(nodes.map((n) => n.id));
    const added = sampleNode("HTTPRoute", "route", `team-${int(3)}`, "zz-added");
    nodes.push(added);
    const edges = g.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
    const listener = nodes.find((n) => n.role === "listener");
    if (listener) edges.push(sampleEdge("parentRef", added.id, listener.id, ["spec", "parentRefs", 0]));
    const edited: Graph = { nodes, edges, groups: groupsOf(nodes) };
    expect(invariants(layoutGraph(edited, { previous: full, collapsedNamespaces, nodeSize }))).toEqual([]);
  });
});
