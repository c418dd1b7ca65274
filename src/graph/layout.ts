/**
 * The ranked layout of a graph: columns from ranks (class → gateway + its listeners → route →
 * service → others), order within columns by namespace and name, then barycenter sweeps to reduce
 * crossings, then a least-squares vertical placement that lines blocks up with their neighbours.
 * No generic layout search: ranks are known from kinds, so 5,000 nodes take tens of milliseconds.
 * With `previous`, an edit is laid out incrementally: what was drawn stays where it was.
 *
 * See layoutTypes.ts for the geometry convention the canvas follows (ports, handles, boxes).
 */
import type { Graph } from "./types";
import { buildItems, LAST_COLUMN, type Items } from "./layoutItems";
import { orderItems, type Order } from "./layoutOrder";
import { countPairs } from "./layoutCrossings";
import { placeFull, placeIncremental, type Placement } from "./layoutPlace";
import { incrementalOrder } from "./layoutIncremental";
import { COLUMN_GAP, GROUP_PAD, PORT_GAP, PORT_PAD, PORT_ROW, type LayoutColumn, type LayoutGroup, type LayoutNode, type LayoutOptions, type LayoutResult } from "./layoutTypes";

export * from "./layoutTypes";
export { suggestCollapsed, type CollapseOptions } from "./layoutCollapse";

/** Crossing-reduction iterations by default; the sweeps stop earlier once one brings no gain. */
const DEFAULT_SWEEPS = 8;

/**
 * Lay out a graph. Never throws on a well-formed Graph; edges whose ends are not nodes are left out.
 * `options.previous` makes the layout incremental (no sweeps; kept nodes stay put) unless fewer than
 * half of the boxes to draw were in it, in which case a full layout runs.
 */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): LayoutResult {
  const items = buildItems({ nodes: graph?.nodes ?? [], edges: graph?.edges ?? [], groups: graph?.groups ?? [] }, options);
  const inc = options.previous ? incrementalOrder(items, options.previous) : null;
  if (inc) {
    const placement = placeIncremental(items, inc.order, inc);
    return assemble(graph, items, inc.order, placement, { incremental: true, sweeps: 0 });
  }
  const sweeps = options.sweeps === undefined || !Number.isFinite(options.sweeps) ? DEFAULT_SWEEPS : Math.max(0, Math.floor(options.sweeps));
  const ordered = orderItems(items, sweeps);
  const placement = placeFull(items, ordered.order);
  return assemble(graph, items, ordered.order, placement, { incremental: false, sweeps: ordered.halfSweeps, initialCrossings: ordered.initialCrossings, crossings: ordered.crossings });
}

/** Column x positions: every non-empty column as wide as its widest box plus the namespace padding. */
function columnsOf(items: Items, order: Order): LayoutColumn[] {
  const width = new Float64Array(LAST_COLUMN + 1);
  for (let i = 0; i < items.n; i++) width[items.col[i]] = Math.max(width[items.col[i]], items.width[i] + 2 * GROUP_PAD);
  const out: LayoutColumn[] = [];
  let x = 0;
  for (let c = 0; c <= LAST_COLUMN; c++) {
    if (!order.cols[c].length) continue;
    out.push({ index: c, x, width: width[c] });
    x += width[c] + COLUMN_GAP;
  }
  return out;
}

function assemble(graph: Graph, items: Items, order: Order, p: Placement, stats: LayoutResult["stats"]): LayoutResult {
  const columns = columnsOf(items, order);
  const defined = new Map<string, boolean>();
  for (const g of graph?.groups ?? []) if (g) defined.set(g.id, !!g.defined);
  const nodes: LayoutNode[] = [];
  const groups: LayoutGroup[] = [];
  let height = 0;
  for (const column of columns) {
    const c = column.index;
    for (const b of order.cols[c]) {
      const block = items.blocks[b];
      // Whole pixels keep borders crisp; blocks are BLOCK_GAP apart, so rounding cannot make them overlap.
      const top = Math.round(p.blockTop[b]);
      height = Math.max(height, top + p.blockH[b]);
      if (block.boxed) {
        const groupId = `Namespace/${block.ns}`;
        groups.push({ id: block.id, groupId, namespace: block.ns, column: c, x: column.x, y: top, width: column.width, height: p.blockH[b], members: order.members[b].length, defined: defined.get(groupId) ?? false });
      }
      for (const i of order.members[b]) {
        const node = items.node[i];
        const x = column.x + GROUP_PAD;
        const y = top + p.rel[i];
        if (!node) {
          const kinds = items.kinds[i] ?? {};
          let members = 0;
          for (const k in kinds) members += kinds[k];
          nodes.push({ id: items.id[i], type: "summary", column: c, x, y, width: items.width[i], height: items.height[i], handleY: items.handle[i], namespace: items.ns[i], members, kinds });
          continue;
        }
        const ln: LayoutNode = { id: items.id[i], type: "node", column: c, x, y, width: items.width[i], height: items.height[i], handleY: items.handle[i] };
        if (block.boxed) ln.group = block.id;
        nodes.push(ln);
        const ports = items.ports[i];
        if (!ports) continue;
        const w = items.width[i] - 2 * PORT_PAD;
        const h = PORT_ROW - PORT_GAP;
        ports.forEach((port, k) => {
          const offset = { x: PORT_PAD, y: items.header[i] + k * PORT_ROW };
          nodes.push({ id: port.id, type: "port", column: c, x: x + offset.x, y: y + offset.y, width: w, height: h, handleY: h / 2, parent: items.id[i], offset });
        });
      }
    }
  }
  const last = columns[columns.length - 1];
  return { nodes, groups, edges: items.edges, columns, width: last ? last.x + last.width : 0, height, stats };
}

/**
 * Crossings of a layout's drawn edges: two edges between the same pair of columns cross when their
 * ends are in opposite vertical orders (ends at `y + handleY`); edges sharing an end, and edges
 * within one column, never count. Edges spanning different column pairs are not compared.
 */
export function countCrossings(layout: LayoutResult): number {
  const at = new Map<string, LayoutNode>();
  for (const n of layout.nodes) at.set(n.id, n);
  const ca: number[] = [];
  const cb: number[] = [];
  const ya: number[] = [];
  const yb: number[] = [];
  for (const e of layout.edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    ca.push(s.column); ya.push(s.y + s.handleY); cb.push(t.column); yb.push(t.y + t.handleY);
  }
  return countPairs(ca, ya, cb, yb, ca.length);
}
