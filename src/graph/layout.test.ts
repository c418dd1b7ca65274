import { describe, expect, it } from "vitest";
import { countCrossings, layoutGraph, suggestCollapsed, ownerHeight, BLOCK_GAP, COLUMN_GAP, GROUP_PAD, PORT_GAP, PORT_PAD, PORT_ROW, SUMMARY_SIZE, type LayoutResult } from "./layout";
import { groupsOf, sampleEdge, sampleGraph, sampleNode } from "./layoutSample";
import type { Graph } from "./types";
import { byId, FIXTURE, graphOf, overlaps } from "./layoutTestkit";

/** Reference crossing count, O(E²), straight from the definition. */
function bruteCrossings(l: LayoutResult): number {
  const at = byId(l);
  const segs = l.edges.map((e) => [at.get(e.source)!, at.get(e.target)!]).map(([s, t]) => (s.column <= t.column ? [s, t] : [t, s]));
  let n = 0;
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const [a1, b1] = segs[i];
      const [a2, b2] = segs[j];
      if (a1.column === b1.column || a1.column !== a2.column || b1.column !== b2.column) continue;
      const dl = a1.y + a1.handleY - (a2.y + a2.handleY);
      const dr = b1.y + b1.handleY - (b2.y + b2.handleY);
      if ((dl < 0 && dr > 0) || (dl > 0 && dr < 0)) n++;
    }
  return n;
}

describe("layoutGraph: columns from ranks", () => {
  const layout = layoutGraph(graphOf(FIXTURE));
  const at = byId(layout);
  it.each([
    { id: "GatewayClass/cls", column: 0, type: "node" },
    { id: "Gateway/infra/edge", column: 1, type: "node" },
    { id: "SecurityPolicy/infra/sp", column: 1, type: "node" },
    { id: "Listener/infra/edge/https", column: 1, type: "port" },
    { id: "HTTPRoute/apps/web", column: 3, type: "node" },
    { id: "HTTPRoute/billing/pay", column: 3, type: "node" },
    { id: "Service/billing/billing", column: 4, type: "node" },
    { id: "Service/apps/gone", column: 4, type: "node" },
    { id: "ReferenceGrant/billing/from-apps", column: 5, type: "node" },
    { id: "Secret/infra/cert", column: 5, type: "node" },
  ])("$id → column $column ($type)", ({ id, column, type }) => {
    const n = at.get(id)!;
    expect(n).toBeDefined();
    expect(n.column).toBe(column);
    expect(n.type).toBe(type);
    const col = layout.columns.find((c) => c.index === column)!;
    expect(n.x).toBeGreaterThanOrEqual(col.x);
    expect(n.x + n.width).toBeLessThanOrEqual(col.x + col.width);
  });

  it("reads left to right: columns in rank order, COLUMN_GAP apart; every node is placed", () => {
    expect(layout.columns.map((c) => c.index)).toEqual([0, 1, 3, 4, 5]);
    for (let k = 1; k < layout.columns.length; k++) expect(layout.columns[k].x).toBe(layout.columns[k - 1].x + layout.columns[k - 1].width + COLUMN_GAP);
    expect(layout.nodes.length).toBe(graphOf(FIXTURE).nodes.length);
    expect(overlaps(layout)).toEqual([]);
  });

  it("draws listeners as rows inside their Gateway, in declaration order, at fixed offsets", () => {
    const gw = at.get("Gateway/infra/edge")!;
    expect(gw.height).toBe(ownerHeight(48, 3));
    expect(gw.handleY).toBe(24);
    ["http", "https", "admin"].forEach((name, i) => {
      const l = at.get(`Listener/infra/edge/${name}`)!;
      expect(l).toMatchObject({ parent: gw.id, offset: { x: PORT_PAD, y: 48 + i * PORT_ROW }, width: gw.width - 2 * PORT_PAD, height: PORT_ROW - PORT_GAP });
      expect([l.x - gw.x, l.y - gw.y]).toEqual([l.offset!.x, l.offset!.y]);
      expect(l.y + l.height).toBeLessThanOrEqual(gw.y + gw.height);
    });
    // Containment shows Gateway → Listener: no edge is drawn for it.
    expect(layout.edges.filter((e) => e.source === gw.id && e.target.startsWith("Listener/"))).toEqual([]);
  });

  it("uses nodeSize for boxes (a Gateway's is its header) and ignores sizes that are not positive numbers", () => {
    const l = layoutGraph(graphOf(FIXTURE), { nodeSize: (n) => (n.role === "gateway" ? { width: 300, height: 60 } : n.role === "service" ? { width: NaN, height: 10 } : { width: 200, height: 40 }) });
    const m = byId(l);
    expect(m.get("Gateway/infra/edge")).toMatchObject({ width: 300, height: ownerHeight(60, 3), handleY: 30 });
    expect(m.get("Listener/infra/edge/http")).toMatchObject({ width: 300 - 2 * PORT_PAD, offset: { x: PORT_PAD, y: 60 } });
    expect(m.get("Service/apps/web")).toMatchObject({ width: 220, height: 36 });
    expect(m.get("HTTPRoute/apps/web")).toMatchObject({ width: 200, height: 40 });
    expect(overlaps(l)).toEqual([]);
  });
});

describe("layoutGraph: edges", () => {
  const layout = layoutGraph(graphOf(FIXTURE));
  it.each([
    { id: "HTTPRoute/apps/web>Service/apps/web", count: 3, broken: 0, handles: ["right", "left"] },
    { id: "HTTPRoute/apps/web>Service/apps/gone", count: 2, broken: 2, handles: ["right", "left"] },
    { id: "HTTPRoute/apps/web>Service/apps/web-canary", count: 1, broken: 0, handles: ["right", "left"] },
    { id: "HTTPRoute/apps/web>Listener/infra/edge/http", count: 1, broken: 0, handles: ["left", "right"] },
    { id: "Gateway/infra/edge>GatewayClass/cls", count: 1, broken: 0, handles: ["left", "right"] },
    { id: "SecurityPolicy/infra/sp>Gateway/infra/edge", count: 1, broken: 0, handles: ["right", "right"] },
  ])("$id: $count merged, $broken broken, handles $handles", ({ id, count, broken, handles }) => {
    const e = layout.edges.find((x) => x.id === id)!;
    expect(e).toBeDefined();
    expect([e.count, e.edgeIds.length, e.broken, e.ok]).toEqual([count, count, broken, broken === 0]);
    expect([e.sourceHandle, e.targetHandle]).toEqual(handles);
    expect(new Set(e.edgeIds).size).toBe(count);
  });

  it("accounts for every graph edge once (merged, or hidden as a Gateway → own listener edge)", () => {
    const g = graphOf(FIXTURE);
    const hidden = g.edges.filter((e) => e.type === "listener").length;
    expect(layout.edges.reduce((s, e) => s + e.count, 0) + hidden).toBe(g.edges.length);
  });
});

describe("layoutGraph: namespaces", () => {
  it.each([{ routes: 40 }, { routes: 150, namespaces: 5 }, { routes: 300, gateways: 5, seed: 7 }])("boxes hold exactly their namespace's nodes, contiguous: %o", (o) => {
    const g = sampleGraph(o);
    const l = layoutGraph(g);
    const nsOf = new Map(g.nodes.map((n) => [n.id, n.namespace]));
    expect(overlaps(l)).toEqual([]);
    for (const box of l.groups) {
      const inside = l.nodes.filter((n) => n.type !== "port" && n.column === box.column && n.y >= box.y && n.y + n.height <= box.y + box.height);
      expect(inside.map((n) => nsOf.get(n.id))).toEqual(inside.map(() => box.namespace));
      expect(inside.length).toBe(box.members);
      expect(l.nodes.filter((n) => n.group === box.id).length).toBe(box.members);
      for (const n of inside) expect(n.x).toBe(box.x + GROUP_PAD);
    }
  });

  it("collapses a namespace into one summary per column, re-pointing and merging its edges", () => {
    const g = graphOf(FIXTURE);
    const l = layoutGraph(g, { collapsedNamespaces: new Set(["apps", "infra"]) });
    const at = byId(l);
    expect(l.nodes.filter((n) => n.id.includes("/apps/") || n.id.includes("/infra/"))).toEqual([]);
    expect(at.get("Namespace/infra@1:summary")).toMatchObject({ type: "summary", column: 1, namespace: "infra", members: 5, kinds: { Gateway: 1, Listener: 3, SecurityPolicy: 1 }, ...SUMMARY_SIZE });
    expect(at.get("Namespace/apps@3:summary")).toMatchObject({ members: 2, kinds: { HTTPRoute: 2 } });
    expect(at.get("Namespace/apps@4:summary")).toMatchObject({ members: 4, kinds: { Service: 4 } });
    expect(l.groups.map((b) => b.id).sort()).toEqual(["Namespace/billing@3", "Namespace/billing@4", "Namespace/billing@5"]);
    const count = (id: string) => l.edges.find((e) => e.id === id)?.count;
    // web: 3 → web, 1 → canary, 2 → gone; api: 1 → api. Its edge to billing's Service stays its own.
    expect(count("Namespace/apps@3:summary>Namespace/apps@4:summary")).toBe(7);
    expect(count("Namespace/apps@3:summary>Service/billing/billing")).toBe(1);
    expect(count("Namespace/apps@3:summary>Namespace/infra@1:summary")).toBe(2);
    expect(count("HTTPRoute/billing/pay>Namespace/infra@1:summary")).toBe(2);
    expect(count("Namespace/infra@1:summary>Namespace/infra@5:summary")).toBe(1);
    // The policy's edge to the gateway is inside the summary: gone.
    expect(l.edges.some((e) => e.source === e.target)).toBe(false);
    expect(overlaps(l)).toEqual([]);
  });

  it.each([
    { routes: 100, maxHeight: 4000 },
    { routes: 300, maxHeight: 2500, namespaces: 30 },
    { routes: 100, maxHeight: 4000, keep: "team-3" },
  ])("suggestCollapsed picks namespaces so the tallest column fits: %o", ({ maxHeight, keep, ...o }) => {
    const g = sampleGraph(o);
    expect(layoutGraph(g).height).toBeGreaterThan(maxHeight);
    const chosen = suggestCollapsed(g, { maxHeight, keep: keep ? new Set([keep]) : undefined });
    expect(chosen.size).toBeGreaterThan(0);
    if (keep) expect(chosen.has(keep)).toBe(false);
    const l = layoutGraph(g, { collapsedNamespaces: chosen });
    expect(l.height).toBeLessThanOrEqual(maxHeight);
    // Not more than needed: expanding the last one chosen would not fit.
    const fewer = new Set([...chosen].slice(0, -1));
    expect(layoutGraph(g, { collapsedNamespaces: fewer }).height).toBeGreaterThan(maxHeight * 0.9);
  });

  it("suggestCollapsed leaves a picture that already fits alone", () => {
    expect(suggestCollapsed(graphOf(FIXTURE))).toEqual(new Set());
  });

  it("expanding again gives back the uncollapsed layout", () => {
    const g = graphOf(FIXTURE);
    layoutGraph(g, { collapsedNamespaces: new Set(["apps"]) });
    expect(layoutGraph(g, { collapsedNamespaces: new Set() })).toEqual(layoutGraph(g));
  });
});

describe("layoutGraph: crossings", () => {
  it.each([
    { routes: 30, seed: 1 },
    { routes: 60, seed: 2, namespaces: 4 },
    { routes: 120, seed: 3, gateways: 4, listenersPerGateway: 2 },
    { routes: 200, seed: 4, namespaces: 20, sharedServices: 20 },
  ])("sweeps reduce crossings below the initial order: %o", (o) => {
    const g = sampleGraph(o);
    const initial = layoutGraph(g, { sweeps: 0 });
    const swept = layoutGraph(g);
    const [c0, c1] = [countCrossings(initial), countCrossings(swept)];
    expect(c1).toBeLessThan(c0 * 0.85);
    expect([swept.stats.initialCrossings, swept.stats.crossings]).toEqual([c0, c1]);
    expect(swept.stats.sweeps).toBeGreaterThan(0);
  });

  it.each([{ routes: 25, seed: 5 }, { routes: 50, seed: 6, gateways: 2 }])("countCrossings agrees with the O(E²) definition: %o", (o) => {
    const g = sampleGraph(o);
    for (const l of [layoutGraph(g, { sweeps: 0 }), layoutGraph(g)]) expect(countCrossings(l)).toBe(bruteCrossings(l));
  });

  it("a configuration with no necessary crossing is drawn with none", () => {
    const nodes = [sampleNode("Gateway", "gateway", "infra", "gw")];
    const edges = [];
    for (const [i, name] of ["b", "a", "c"].entries()) {
      const l = sampleNode("Listener", "listener", "infra", name, { gateway: "Gateway/infra/gw" }, `Listener/infra/gw/${name}`);
      const r = sampleNode("HTTPRoute", "route", "apps", `r-${name}`);
      const s = sampleNode("Service", "service", "apps", `s-${2 - i}`);
      nodes.push(l, r, s);
      edges.push(sampleEdge("parentRef", r.id, l.id, ["spec"]), sampleEdge("backendRef", r.id, s.id, ["spec"]));
    }
    const l = layoutGraph({ nodes, edges, groups: groupsOf(nodes) });
    expect(l.stats.initialCrossings).toBeGreaterThan(0);
    expect(countCrossings(l)).toBe(0);
  });
});

describe("layoutGraph: compactness, determinism, bad input", () => {
  it("100 routes: width bounded by the columns, height = the tallest column stacked, no gap in it", () => {
    const g = sampleGraph({ routes: 100, namespaces: 20 });
    const l = layoutGraph(g);
    expect(l.width).toBeLessThanOrEqual(6 * (240 + 2 * GROUP_PAD) + 5 * COLUMN_GAP);
    const byCol = (c: number) => l.groups.filter((b) => b.column === c).sort((a, b) => a.y - b.y);
    const tallest = [0, 1, 2, 3, 4, 5].map((c) => byCol(c)).sort((a, b) => b.length - a.length)[0];
    for (let k = 1; k < tallest.length; k++) expect(tallest[k].y - (tallest[k - 1].y + tallest[k - 1].height)).toBeLessThanOrEqual(BLOCK_GAP + 1);
    expect(l.height).toBeLessThanOrEqual(tallest.reduce((h, b) => h + b.height + BLOCK_GAP, 0));
  });

  it("is deterministic, whatever the order of the graph's nodes and edges", () => {
    const g = sampleGraph({ routes: 80, seed: 9 });
    const a = layoutGraph(g);
    expect(layoutGraph(g)).toEqual(a);
    const pos = (l: LayoutResult) => l.nodes.map((n) => `${n.id}@${n.x},${n.y}`).sort();
    expect(pos(layoutGraph({ ...g, nodes: g.nodes.slice().reverse() }))).toEqual(pos(a));
    expect(pos(layoutGraph({ ...g, edges: g.edges.slice().reverse() }))).toEqual(pos(a));
  });

  it("never throws on bad input and leaves out what it cannot place", () => {
    const node = { ...sampleNode("HTTPRoute", "route", "a", "r"), rank: NaN };
    const g = { nodes: [node, node, sampleNode("Service", "service", "a", "s")], edges: [sampleEdge("backendRef", node.id, "Service/a/missing", ["spec"]), sampleEdge("backendRef", node.id, node.id, ["spec"])], groups: [] } as Graph;
    const l = layoutGraph(g, { nodeSize: () => { throw new Error("boom"); } });
    expect(l.nodes.map((n) => [n.id, n.column])).toEqual([["Service/a/s", 4], ["HTTPRoute/a/r", 5]]);
    expect(l.edges).toEqual([]);
    expect(layoutGraph({ nodes: [], edges: [], groups: [] })).toMatchObject({ nodes: [], edges: [], width: 0, height: 0 });
  });
});
