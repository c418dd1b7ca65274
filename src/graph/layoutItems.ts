/**
 * What the layout places: the graph reduced to items (visible boxes that are stacked in a column),
 * blocks (a namespace's items in one column, or one free item) and merged edges between items.
 * Listeners become ports inside their owner's item; a collapsed namespace becomes one summary item
 * per column. Everything is indexed by small integers so the sweeps touch no strings.
 */
import type { Graph, GraphNode } from "./types";
import { DEFAULT_SIZES, ownerHeight, PORT_GAP, PORT_ROW, SUMMARY_SIZE, type LayoutEdge, type LayoutOptions, type Size } from "./layoutTypes";
import { adjacency, mergeEdges, type Ends } from "./layoutEdges";

/** Ranks beyond the known ones are clamped into the last column. */
export const LAST_COLUMN = 5;

export interface Items {
  n: number;
  id: string[];
  col: Int32Array;
  width: Float64Array;
  height: Float64Array;
  /** Handle offset of the item itself. */
  handle: Float64Array;
  /** Graph node of the item; null for a summary. */
  node: (GraphNode | null)[];
  /** Sort key: namespace, then name (natural order), then id. */
  ns: string[];
  name: string[];
  /** Ports of an owner item, in declaration order, and the header height above them. */
  ports: (GraphNode[] | null)[];
  header: Float64Array;
  /** Summary items: how many graph nodes of each kind they stand for. */
  kinds: (Record<string, number> | null)[];
  block: Int32Array;
  blocks: Block[];
  /** Merged edges, as drawn (the layout's output objects), and their ends: item and handle offset. */
  edges: LayoutEdge[];
  ea: Int32Array;
  eb: Int32Array;
  eOffA: Float64Array;
  eOffB: Float64Array;
  /** Adjacency (CSR) over merged edges between different items: neighbour, its offset, own offset. */
  adjStart: Int32Array;
  adjItem: Int32Array;
  adjOff: Float64Array;
  adjOwn: Float64Array;
}

export interface Block {
  /** `Namespace/<ns>@<column>` for a namespace (box or summary); the item's id for a free item. */
  id: string;
  col: number;
  ns: string;
  /** Drawn as a namespace box around its items. */
  boxed: boolean;
  items: number[];
}

function validSize(s: Size | undefined, fallback: Size): Size {
  const ok = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;
  return s && ok(s.width) && ok(s.height) ? { width: s.width, height: s.height } : fallback;
}

export function columnOf(rank: number): number {
  return Number.isFinite(rank) ? Math.min(LAST_COLUMN, Math.max(0, Math.floor(rank))) : LAST_COLUMN;
}

/** The node that declares a listener (its origin Gateway or ListenerSet, else its Gateway), when it is in the graph. */
function ownerOf(n: GraphNode, nodes: GraphNode[], index: Map<string, number>): number {
  for (const key of ["origin", "gateway"]) {
    const id = n.data?.[key];
    const k = typeof id === "string" ? index.get(id) : undefined;
    if (k !== undefined && (nodes[k].role === "gateway" || nodes[k].role === "listenerset")) return k;
  }
  return -1;
}

/** Listeners with an owner in the graph become its ports, in declaration order (the index in the
 * owner's `spec.listeners`, from the path of the owner → listener edge). */
function portsOf(graph: Graph, nodes: GraphNode[], index: Map<string, number>): { owner: Int32Array; ports: Map<number, number[]> } {
  const owner = new Int32Array(nodes.length).fill(-1);
  const ports = new Map<number, number[]>();
  nodes.forEach((n, k) => {
    if (n.role !== "listener") return;
    const o = ownerOf(n, nodes, index);
    if (o < 0) return;
    owner[k] = o;
    (ports.get(o) ?? ports.set(o, []).get(o)!).push(k);
  });
  if (!ports.size) return { owner, ports };
  const declared = new Map<number, number>();
  for (const e of graph.edges) {
    if (e?.type !== "listener" || !Array.isArray(e.path)) continue;
    const i = e.path[e.path.length - 1];
    const to = index.get(e.to);
    if (typeof i === "number" && to !== undefined && owner[to] === index.get(e.from)) declared.set(to, i);
  }
  const at = (p: number) => declared.get(p) ?? Number.MAX_SAFE_INTEGER;
  for (const list of ports.values()) list.sort((p, q) => at(p) - at(q) || p - q);
  return { owner, ports };
}

/** Build items, blocks and merged edges for a graph under the given options. */
export function buildItems(graph: Graph, options: LayoutOptions): Items {
  const collapsed = options.collapsedNamespaces;
  const sizeOf = (n: GraphNode): Size => {
    const fallback = DEFAULT_SIZES[n.role] ?? DEFAULT_SIZES.other;
    if (!options.nodeSize) return fallback;
    try {
      return validSize(options.nodeSize(n), fallback);
    } catch {
      return fallback;
    }
  };
  const nodes: GraphNode[] = [];
  const index = new Map<string, number>();
  for (const n of graph.nodes) if (n && typeof n.id === "string" && !index.has(n.id)) index.set(n.id, nodes.push(n) - 1);
  const N = nodes.length;
  const { owner, ports: portMap } = portsOf(graph, nodes, index);
  const ends: Ends = { item: new Int32Array(N), off: new Float64Array(N), v: new Int32Array(N), id: Array.from({ length: N }, () => ""), count: 0 };
  const mapEnd = (k: number, item: number, off: number, id: string, v: number) => {
    ends.item[k] = item;
    ends.off[k] = off;
    ends.v[k] = v;
    ends.id[k] = id;
  };
  // Items: at most one per node; typed arrays cut to size at the end.
  const id: string[] = [];
  const col = new Int32Array(N);
  const width = new Float64Array(N);
  const height = new Float64Array(N);
  const handle = new Float64Array(N);
  const header = new Float64Array(N);
  const itemNode: (GraphNode | null)[] = [];
  const ns: string[] = [];
  const name: string[] = [];
  const ports: (GraphNode[] | null)[] = [];
  const kinds: (Record<string, number> | null)[] = [];
  const itemV: number[] = [];
  const push = (iid: string, c: number, w: number, h: number, hd: number, node: GraphNode | null, nns: string, nname: string): number => {
    const i = id.push(iid) - 1;
    col[i] = c;
    width[i] = w;
    height[i] = h;
    handle[i] = hd;
    header[i] = hd * 2;
    itemNode.push(node);
    ns.push(nns);
    name.push(nname);
    ports.push(null);
    kinds.push(null);
    itemV.push(ends.count++);
    return i;
  };
  const summaries = new Map<string, number>();
  for (let k = 0; k < N; k++) {
    if (owner[k] >= 0) continue;
    const n = nodes[k];
    const c = columnOf(n.rank);
    const own = portMap.get(k);
    if (n.namespace && collapsed?.has(n.namespace)) {
      const sid = `Namespace/${n.namespace}@${c}:summary`;
      let s = summaries.get(sid);
      if (s === undefined) {
        summaries.set(sid, (s = push(sid, c, SUMMARY_SIZE.width, SUMMARY_SIZE.height, SUMMARY_SIZE.height / 2, null, n.namespace, "")));
        kinds[s] = {};
      }
      const count = kinds[s]!;
      count[n.kind] = (count[n.kind] ?? 0) + 1;
      mapEnd(k, s, SUMMARY_SIZE.height / 2, sid, itemV[s]);
      // The owner's ports fold into the summary with it.
      if (own)
        for (const p of own) {
          count[nodes[p].kind] = (count[nodes[p].kind] ?? 0) + 1;
          mapEnd(p, s, SUMMARY_SIZE.height / 2, sid, itemV[s]);
        }
      continue;
    }
    const size = sizeOf(n);
    const h = own ? ownerHeight(size.height, own.length) : size.height;
    const i = push(n.id, c, size.width, h, size.height / 2, n, n.namespace ?? "", sortName(n));
    mapEnd(k, i, size.height / 2, n.id, itemV[i]);
    if (own) {
      ports[i] = own.map((p) => nodes[p]);
      own.forEach((p, r) => mapEnd(p, i, size.height + r * PORT_ROW + (PORT_ROW - PORT_GAP) / 2, nodes[p].id, ends.count++));
    }
  }
  const n = id.length;
  const blocks = buildBlocks(n, id, col, ns, itemNode);
  const block = new Int32Array(n);
  blocks.forEach((b, k) => b.items.forEach((i) => (block[i] = k)));
  const merged = mergeEdges(graph.edges, index, owner, ends, col);
  return { n, id, col: col.slice(0, n), width: width.slice(0, n), height: height.slice(0, n), handle: handle.slice(0, n), node: itemNode, ns, name, ports, header: header.slice(0, n), kinds, block, blocks, ...merged, ...adjacency(n, merged) };
}

/**
 * The name an item sorts by in the initial order. A ListenerSet sorts right after its Gateway when
 * both are in one namespace (its listeners are bound on that Gateway's addresses: drawn beside it).
 */
function sortName(n: GraphNode): string {
  const name = n.name ?? "";
  const gw = n.role === "listenerset" ? n.data?.gateway : undefined;
  if (typeof gw !== "string" || !n.namespace || !gw.startsWith(`Gateway/${n.namespace}/`)) return name;
  return `${gw.slice(9 + n.namespace.length)}\u0000${name}`;
}

/** One block per namespace and column (a box, or the summary when collapsed); one per free item. */
function buildBlocks(n: number, id: string[], col: Int32Array, ns: string[], node: (GraphNode | null)[]): Block[] {
  const blocks: Block[] = [];
  // namespace → its block in each column (no key string per item).
  const byNs = new Map<string, (Block | undefined)[]>();
  for (let i = 0; i < n; i++) {
    if (!ns[i]) {
      blocks.push({ id: id[i], col: col[i], ns: "", boxed: false, items: [i] });
      continue;
    }
    let cols = byNs.get(ns[i]);
    if (!cols) byNs.set(ns[i], (cols = []));
    let b = cols[col[i]];
    if (!b) {
      cols[col[i]] = b = { id: `Namespace/${ns[i]}@${col[i]}`, col: col[i], ns: ns[i], boxed: node[i] !== null, items: [] };
      blocks.push(b);
    }
    b.items.push(i);
  }
  return blocks;
}

/** Natural order: digit runs compare as numbers (`app-2` < `app-10`), the rest by code unit. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      // Compare digit runs by length after leading zeros, then digit by digit (no Number overflow).
      let si = i;
      let sj = j;
      while (si < ei - 1 && a.charCodeAt(si) === 48) si++;
      while (sj < ej - 1 && b.charCodeAt(sj) === 48) sj++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Initial order of items: namespace, then name, then id (all natural order). */
export function compareItems(items: Items, x: number, y: number): number {
  return naturalCompare(items.ns[x], items.ns[y]) || naturalCompare(items.name[x], items.name[y]) || naturalCompare(items.id[x], items.id[y]) || (items.id[x] < items.id[y] ? -1 : items.id[x] > items.id[y] ? 1 : 0);
}
