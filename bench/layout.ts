/**
 * Layout benchmarks: the ranked layout of generated configurations (~1,000 and ~5,000 nodes),
 * crossings before and after the sweeps, an incremental relayout after a one-document edit at
 * 2,000 routes, and the size of the picture at 100 routes.
 * References: elkjs and dagre as measured on this machine (shared/STACK.md), not re-run here.
 */
import { routesYaml, routeDoc } from "./fixtures";
import { fmtMs, timeMs, type Row } from "./table";
import { parse, ParseCache } from "../src/parse";
import { simulate } from "../src/controller";
import { buildGraph, type Graph } from "../src/graph";
import { countCrossings, layoutGraph, suggestCollapsed, type LayoutResult } from "../src/graph/layout";
import { sampleGraph } from "../src/graph/layoutSample";

function graphOf(text: string, cache = new ParseCache()): Graph {
  const p = parse(text, cache);
  return buildGraph(simulate(p.resources, { lines: p.lines }));
}

const STACK_REFS: Record<number, string> = {
  1000: "elkjs layered 4.8 s (tuned 1.3 s), dagre 1.4–21 s (STACK.md)",
  5000: "elkjs layered 176 s (tuned 4.6 s), dagre 17.6 s–>600 s (STACK.md)",
};

/** Full layout of `graph`: time, and crossings of the initial order vs after the sweeps. */
function fullRow(label: string, graph: Graph, target: { nodes: number; ms: number }, runs: number): Row {
  const ms = timeMs(() => layoutGraph(graph), runs);
  const l = layoutGraph(graph);
  const initial = countCrossings(layoutGraph(graph, { sweeps: 0 }));
  return {
    name: `layout ${label}: ${graph.nodes.length} nodes, ${graph.edges.length} edges`,
    value: `${fmtMs(ms)} · crossings ${initial} → ${countCrossings(l)} (${l.stats.sweeps} half-sweeps) · ${l.width}×${l.height} px`,
    reference: STACK_REFS[target.nodes],
    target: `< ${fmtMs(target.ms)}`,
    met: ms < target.ms,
  };
}

/** Routes of routesYaml and sample graphs chosen to give ~1,000 and ~5,000 nodes (3 nodes per route). */
const SIZES = [
  { nodes: 1000, routes: 333, sampleRoutes: 327, ms: 200 },
  { nodes: 5000, routes: 1665, sampleRoutes: 1660, ms: 1000 },
];

/** Kept nodes whose position changed between two layouts. */
function movedNodes(before: LayoutResult, after: LayoutResult): number {
  const prev = new Map(before.nodes.map((x) => [x.id, x]));
  let moved = 0;
  for (const x of after.nodes) {
    const p = prev.get(x.id);
    if (p && (p.x !== x.x || p.y !== x.y)) moved++;
  }
  return moved;
}

/**
 * An edit at n routes: one route's canary Service renamed (a node removed, a node added, edges
 * re-pointed), laid out from the previous layout; and the whole redraw path with it (re-parse of
 * the edited document, controller, graph, incremental layout).
 */
function incrementalRows(n: number): Row[] {
  const text = routesYaml(n);
  const cache = new ParseCache();
  const previous = layoutGraph(graphOf(text, cache));
  const mid = Math.floor(n / 2);
  const doc = routeDoc(mid);
  const renamed = (to: string) => text.replace(doc, doc.replace(`name: app-${mid}-canary`, `name: app-${mid}-${to}`));
  const edited = renamed("preview");
  const graph = graphOf(edited, cache);
  const inc = timeMs(() => layoutGraph(graph, { previous }), 15, 3);
  const full = timeMs(() => layoutGraph(graph), 7, 2);
  const after = layoutGraph(graph, { previous });
  let flip = 0;
  // Alternate between two versions so every run re-parses exactly one document.
  const pipeline = timeMs(() => layoutGraph(graphOf(flip++ % 2 ? edited : renamed("next"), cache), { previous }), 7);
  const reimport = timeMs(() => graphOf(flip++ % 2 ? edited : renamed("next"), cache), 7);
  // The same edit on the tangled sample, where a full layout runs its crossing sweeps.
  const sample = sampleGraph({ routes: n });
  const sampleLayout = layoutGraph(sample);
  const svc = sample.nodes.findIndex((x) => x.role === "service" && x.name.endsWith("-1"));
  const nodes = sample.nodes.slice();
  const oldId = nodes[svc].id;
  nodes[svc] = { ...nodes[svc], id: `${oldId}-renamed`, name: `${nodes[svc].name}-renamed` };
  const edges = sample.edges.map((e) => (e.to === oldId ? { ...e, to: `${oldId}-renamed` } : e));
  const sample2 = { nodes, edges, groups: sample.groups };
  const sInc = timeMs(() => layoutGraph(sample2, { previous: sampleLayout }), 15, 3);
  const sFull = timeMs(() => layoutGraph(sample2), 7, 2);
  return [
    { name: `incremental relayout, 1 Service renamed, ${n} routes (${graph.nodes.length} nodes)`, value: `${fmtMs(inc)} · ${movedNodes(previous, after)} of ${after.nodes.length} nodes moved`, reference: `full layout ${fmtMs(full)} (no sweeps needed: 0 crossings in name order)`, target: "< 100 ms", met: inc < 100 },
    { name: `  whole redraw path: re-parse 1 document + controller + graph + incremental layout`, value: fmtMs(pipeline), reference: `without the layout ${fmtMs(reimport)}`, target: "< 100 ms", met: pipeline < 100 },
    { name: `  same edit, tangled sample (${sample.nodes.length} nodes)`, value: `${fmtMs(sInc)} · ${movedNodes(sampleLayout, layoutGraph(sample2, { previous: sampleLayout }))} nodes moved`, reference: `full layout ${fmtMs(sFull)}`, target: "< full / 3", met: sInc < sFull / 3 },
  ];
}

/** The picture at 100 routes, and the zoom that fits it on a 1920×1080 screen. */
function pictureRows(): Row[] {
  const graph = graphOf(routesYaml(100));
  const fit = (w: number, h: number) => Math.min(1920 / w, 1080 / h);
  const l = layoutGraph(graph);
  const namespaces = new Set(graph.nodes.map((x) => x.namespace).filter((ns) => ns && ns !== "infra"));
  const c = layoutGraph(graph, { collapsedNamespaces: namespaces });
  const suggested = suggestCollapsed(graph, { maxHeight: 4000 });
  const sc = layoutGraph(graph, { collapsedNamespaces: suggested });
  return [
    { name: `picture, 100 routes (${graph.nodes.length} nodes)`, value: `${l.width}×${l.height} px, ${l.columns.length} columns, fits 1920×1080 at zoom ${fit(l.width, l.height).toFixed(2)}`, reference: "a tool we measured: ~15,000 px wide mesh" },
    { name: `  with the ${namespaces.size} route namespaces collapsed`, value: `${c.width}×${c.height} px, ${c.nodes.length} boxes, ${c.edges.length} edges, fits at zoom ${fit(c.width, c.height).toFixed(2)}` },
    { name: `  with suggestCollapsed(maxHeight 4,000): ${suggested.size} namespaces collapsed`, value: `${sc.width}×${sc.height} px, ${sc.nodes.length} boxes, fits at zoom ${fit(sc.width, sc.height).toFixed(2)}` },
  ];
}

export function layoutRows(quick = false): Row[] {
  // Warm the JIT on a small graph first, so the first measured row is not the compiler's.
  const warm = sampleGraph({ routes: 200 });
  for (let i = 0; i < 30; i++) layoutGraph(warm, i % 2 ? { previous: layoutGraph(warm) } : {});
  const rows: Row[] = [];
  for (const s of quick ? SIZES.slice(0, 1) : SIZES) {
    rows.push(fullRow("(routes fixture)", graphOf(routesYaml(s.routes)), s, s.nodes > 2000 ? 3 : 5));
    rows.push(fullRow("(tangled sample)", sampleGraph({ routes: s.sampleRoutes }), s, s.nodes > 2000 ? 3 : 5));
  }
  rows.push(...incrementalRows(quick ? 1000 : 2000));
  rows.push(...pictureRows());
  return rows;
}
