/**
 * What the layout places: the graph reduced to items (visible boxes that are stacked in a column),
 * blocks (a namespace's items in one column, or one free item) and merged edges between items.
 * Listeners become ports inside their owner's item; a collapsed namespace becomes one summary item
 * per column. Everything is indexed by small integers so the sweeps touch no strings.
 */
import type { Graph, GraphEdge, GraphNode } from "./types";
import { DEFAULT_SIZES, ownerHeight, PORT_GAP, PORT_ROW, SUMMARY_SIZE, type LayoutOptions, type Size } from "./layoutTypes";

/** Ranks beyond the known ones are clamped into the last column. */
export const LAST_COLUMN = 5;

/** A merged edge between two visible ends. */
export interface MergedEdge {
  source: string;
  target: string;
  a: number;
  b: number;
  /** Offsets of the ends from their items' tops (ports sit lower than their owner's header). */
  offA: number;
  offB: number;
  count: number;
  edgeIds: string[];
  types: GraphEdge["type"][];
  broken: number;
}

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
  edges: MergedEdge[];
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
function ownerOf(n: GraphNode, byId: Map<string, GraphNode>): string | undefined {
  for (const key of ["origin", "gateway"]) {
    const id = n.data[key];
    const o = typeof id === "string" ? byId.get(id) : undefined;
    if (o && (o.role === "gateway" || o.role === "listenerset")) return o.id;
  }
  return undefined;
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
  const byId = new Map<string, GraphNode>();
  for (const n of graph.nodes) if (n && typeof n.id === "string" && !byId.has(n.id)) byId.set(n.id, n);
  // Listeners with an owner in the graph become its ports (in graph order = declaration order).
  const owner = new Map<string, string>();
  const portsOf = new Map<string, GraphNode[]>();
  for (const n of byId.values()) {
    if (n.role !== "listener") continue;
    const o = ownerOf(n, byId);
    if (!o) continue;
    owner.set(n.id, o);
    let list = portsOf.get(o);
    if (!list) portsOf.set(o, (list = []));
    list.push(n);
  }
  // Declaration order: the index in the owner's `spec.listeners`, from the path of the owner → listener edge.
  const declared = new Map<string, number>();
  for (const e of graph.edges) {
    if (e?.type !== "listener" || !Array.isArray(e.path)) continue;
    const i = e.path[e.path.length - 1];
    if (typeof i === "number" && owner.get(e.to) === e.from) declared.set(e.to, i);
  }
  const at = (p: GraphNode) => declared.get(p.id) ?? Number.MAX_SAFE_INTEGER;
  for (const list of portsOf.values()) list.sort((p, q) => at(p) - at(q));
  const it = { id: [] as string[], col: [] as number[], w: [] as number[], h: [] as number[], hd: [] as number[], node: [] as (GraphNode | null)[], ns: [] as string[], name: [] as string[], ports: [] as (GraphNode[] | null)[], header: [] as number[], kinds: [] as (Record<string, number> | null)[] };
  // Visible end of every graph node: item index, handle offset, and the visible node (by id, and by
  // a number for merging: each item and each port gets one; a summary's members share its number).
  const ends = new Map<string, End>();
  const summaries = new Map<string, number>();
  const itemV: number[] = [];
  let visible = 0;
  const push = (id: string, col: number, size: Size, handle: number, node: GraphNode | null, ns: string, name: string): number => {
    it.id.push(id); it.col.push(col); it.w.push(size.width); it.h.push(size.height); it.hd.push(handle);
    it.node.push(node); it.ns.push(ns); it.name.push(name); it.ports.push(null); it.header.push(size.height); it.kinds.push(null);
    itemV.push(visible++);
    return it.id.length - 1;
  };
  const mapEnd = (id: string, item: number, off: number, vis: string, v: number) => {
    ends.set(id, { item, off, id: vis, v });
  };
  for (const n of byId.values()) {
    if (owner.has(n.id)) continue;
    const col = columnOf(n.rank);
    const ports = portsOf.get(n.id) ?? null;
    if (n.namespace && collapsed?.has(n.namespace)) {
      const sid = `Namespace/${n.namespace}@${col}:summary`;
      let s = summaries.get(sid);
      if (s === undefined) {
        summaries.set(sid, (s = push(sid, col, SUMMARY_SIZE, SUMMARY_SIZE.height / 2, null, n.namespace, "")));
        it.kinds[s] = {};
      }
      const kinds = it.kinds[s]!;
      kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
      mapEnd(n.id, s, SUMMARY_SIZE.height / 2, sid, itemV[s]);
      // The owner's ports fold into the summary with it.
      if (ports) for (const p of ports) { kinds[p.kind] = (kinds[p.kind] ?? 0) + 1; mapEnd(p.id, s, SUMMARY_SIZE.height / 2, sid, itemV[s]); }
      continue;
    }
    const size = sizeOf(n);
    const height = ports ? ownerHeight(size.height, ports.length) : size.height;
    const i = push(n.id, col, { width: size.width, height }, size.height / 2, n, n.namespace ?? "", n.name ?? "");
    it.header[i] = size.height;
    mapEnd(n.id, i, size.height / 2, n.id, itemV[i]);
    if (ports) {
      it.ports[i] = ports;
      ports.forEach((p, k) => mapEnd(p.id, i, size.height + k * PORT_ROW + (PORT_ROW - PORT_GAP) / 2, p.id, visible++));
    }
  }
  const n = it.id.length;
  const blocks = buildBlocks(n, it.id, it.col, it.ns, it.node);
  const block = new Int32Array(n);
  blocks.forEach((b, k) => b.items.forEach((i) => (block[i] = k)));
  const edges = mergeEdges(graph.edges, owner, ends, visible);
  return { n, id: it.id, col: Int32Array.from(it.col), width: Float64Array.from(it.w), height: Float64Array.from(it.h), handle: Float64Array.from(it.hd), node: it.node, ns: it.ns, name: it.name, ports: it.ports, header: Float64Array.from(it.header), kinds: it.kinds, block, blocks, edges, ...adjacency(n, edges) };
}

/** One block per namespace and column (a box, or the summary when collapsed); one per free item. */
function buildBlocks(n: number, id: string[], col: number[], ns: string[], node: (GraphNode | null)[]): Block[] {
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

interface End {
  item: number;
  off: number;
  /** The visible node standing for it (itself, or its namespace's summary), by id and by number. */
  id: string;
  v: number;
}

/** Merge parallel edges between the same visible ends; drop owner → port edges (containment shows them) and edges inside one summary. */
function mergeEdges(edges: GraphEdge[], owner: Map<string, string>, ends: Map<string, End>, visibleCount: number): MergedEdge[] {
  const out: MergedEdge[] = [];
  // Keyed by a number (source × count + target): no string is built per edge.
  const byEnds = new Map<number, MergedEdge>();
  for (const e of edges) {
    if (!e) continue;
    if (e.type === "listener" && owner.get(e.to) === e.from) continue;
    const s = ends.get(e.from);
    const t = ends.get(e.to);
    if (s === undefined || t === undefined || s.v === t.v) continue;
    const key = s.v * visibleCount + t.v;
    let me = byEnds.get(key);
    if (!me) {
      me = { source: s.id, target: t.id, a: s.item, b: t.item, offA: s.off, offB: t.off, count: 0, edgeIds: [], types: [], broken: 0 };
      byEnds.set(key, me);
      out.push(me);
    }
    me.count++;
    me.edgeIds.push(e.id);
    if (!me.types.includes(e.type)) me.types.push(e.type);
    if (!e.ok) me.broken++;
  }
  return out;
}

function adjacency(n: number, edges: MergedEdge[]): Pick<Items, "adjStart" | "adjItem" | "adjOff" | "adjOwn"> {
  const deg = new Int32Array(n + 1);
  for (const e of edges) if (e.a !== e.b) { deg[e.a]++; deg[e.b]++; }
  const adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i] + deg[i];
  const fill = adjStart.slice(0, n);
  const m = adjStart[n];
  const adjItem = new Int32Array(m);
  const adjOff = new Float64Array(m);
  const adjOwn = new Float64Array(m);
  for (const e of edges) {
    if (e.a === e.b) continue;
    let k = fill[e.a]++;
    adjItem[k] = e.b; adjOff[k] = e.offB; adjOwn[k] = e.offA;
    k = fill[e.b]++;
    adjItem[k] = e.a; adjOff[k] = e.offA; adjOwn[k] = e.offB;
  }
  return { adjStart, adjItem, adjOff, adjOwn };
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
