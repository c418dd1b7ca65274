/**
 * Incremental ordering: after a small edit, items that were drawn before keep their relative order
 * (by their previous y), and new items are inserted where their edges point, or by name when they
 * have no placed neighbour. No crossing reduction runs, so an edit never reshuffles the picture and
 * costs a few linear passes.
 */
import { compareItems, LAST_COLUMN, naturalCompare, type Items } from "./layoutItems";
import type { Order } from "./layoutOrder";
import type { LayoutNode, LayoutResult } from "./layoutTypes";

export interface IncrementalOrder {
  order: Order;
  /** Previous top and height of each block, NaN for a new block. */
  blockPrev: Float64Array;
  blockPrevH: Float64Array;
  /** Blocks of the previous layout that are gone, per column, sorted by top: [top, height] pairs. */
  removed: number[][];
  /** Wanted top of each new item from its neighbours' previous places, NaN when unknown. */
  itemDesired: Float64Array;
}

interface PrevBlock {
  col: number;
  top: number;
  h: number;
}

/** The previous layout's blocks: namespace boxes, summaries (by their box id) and free nodes. */
function previousBlocks(prev: LayoutResult): Map<string, PrevBlock> {
  const out = new Map<string, PrevBlock>();
  for (const g of prev.groups ?? []) if (g) out.set(g.id, { col: g.column, top: g.y, h: g.height });
  for (const n of prev.nodes ?? []) {
    if (!n) continue;
    if (n.type === "summary" && n.id.endsWith(SUMMARY)) out.set(n.id.slice(0, -SUMMARY.length), { col: n.column, top: n.y, h: n.height });
    else if (n.type === "node" && !n.group) out.set(n.id, { col: n.column, top: n.y, h: n.height });
  }
  return out;
}

const SUMMARY = ":summary";

/**
 * Fill NaN entries of `v` (in the order of `keyOrder`) from their neighbours in that order, so
 * unplaced entries sort next to the entries that precede them by name.
 */
function fillByKey(keyOrder: number[], v: Float64Array): void {
  let last = NaN;
  let pending: number[] = [];
  for (const x of keyOrder) {
    if (Number.isFinite(v[x])) {
      // Entries before the first placed one go just above it.
      if (!Number.isFinite(last)) pending.forEach((q, k) => (v[q] = v[x] - (pending.length - k) * 1e-3));
      pending = [];
      last = v[x];
    } else if (Number.isFinite(last)) {
      last += 1e-3;
      v[x] = last;
    } else pending.push(x);
  }
  // Nothing placed at all: name order.
  pending.forEach((q, k) => (v[q] = k));
}

/** Sort by value; entries without one (NaN) first go by name next to their neighbours in name order. Ties go by name. */
function sortPlaced(xs: number[], v: Float64Array, byName: (x: number, y: number) => number): number[] {
  if (xs.some((x) => !Number.isFinite(v[x]))) fillByKey(xs.sort(byName), v);
  return xs.sort((x, y) => v[x] - v[y] || byName(x, y));
}

/**
 * A rename is a removal plus an addition: a new item takes the place of a removed node of the same
 * column and namespace box that shared at least half of its neighbours (the most, when several did).
 */
function inheritPlaces(items: Items, prev: LayoutResult, seen: Uint8Array, itemPrev: Float64Array, v: Float64Array, itemDesired: Float64Array): void {
  const removed = new Map<string, LayoutNode[]>();
  const gone = new Set<string>();
  for (let k = 0; k < prev.nodes.length; k++) {
    const p = prev.nodes[k];
    if (!p || p.type !== "node" || seen[k]) continue;
    const key = `${p.column}|${p.group ?? ""}`;
    (removed.get(key) ?? removed.set(key, []).get(key)!).push(p);
    gone.add(p.id);
  }
  if (!gone.size) return;
  const before = new Map<string, Set<string>>();
  for (const e of prev.edges ?? []) {
    if (!e) continue;
    if (gone.has(e.source)) (before.get(e.source) ?? before.set(e.source, new Set()).get(e.source)!).add(e.target);
    if (gone.has(e.target)) (before.get(e.target) ?? before.set(e.target, new Set()).get(e.target)!).add(e.source);
  }
  const now = new Map<number, string[]>();
  items.edges.forEach((e, k) => {
    const [a, b] = [items.ea[k], items.eb[k]];
    if (!Number.isFinite(itemPrev[a]) && items.node[a]) (now.get(a) ?? now.set(a, []).get(a)!).push(e.target);
    if (!Number.isFinite(itemPrev[b]) && items.node[b]) (now.get(b) ?? now.set(b, []).get(b)!).push(e.source);
  });
  const used = new Set<string>();
  for (const [i, ends] of now) {
    const block = items.blocks[items.block[i]];
    let best: LayoutNode | undefined;
    let bestScore = 0;
    for (const cand of removed.get(`${items.col[i]}|${block.boxed ? block.id : ""}`) ?? []) {
      if (used.has(cand.id)) continue;
      const had = before.get(cand.id);
      let score = 0;
      if (had) for (const x of ends) if (had.has(x)) score++;
      if (score > bestScore) {
        best = cand;
        bestScore = score;
      }
    }
    if (best && bestScore * 2 >= ends.length) {
      used.add(best.id);
      v[i] = itemDesired[i] = best.y;
    }
  }
}

/** The order for `items` that follows `prev`; null when too little of it is left to follow (then a full layout runs). */
export function incrementalOrder(items: Items, prev: LayoutResult): IncrementalOrder | null {
  const prevNodes = prev.nodes ?? [];
  const prevAt = new Map<string, number>();
  prevNodes.forEach((p, k) => p && p.type !== "port" && prevAt.set(p.id, k));
  const seen = new Uint8Array(prevNodes.length);
  const { n, adjStart, adjItem, adjOff, adjOwn } = items;
  const itemPrev = new Float64Array(n).fill(NaN);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const k = prevAt.get(items.id[i]);
    if (k === undefined || !Number.isFinite(prevNodes[k].y)) continue;
    itemPrev[i] = prevNodes[k].y;
    seen[k] = 1;
    kept++;
  }
  if (n === 0 || kept * 2 < n) return null;
  const itemDesired = new Float64Array(n).fill(NaN);
  const v = new Float64Array(n);
  v.set(itemPrev);
  if (kept < n && kept < prevAt.size) inheritPlaces(items, prev, seen, itemPrev, v, itemDesired);
  // Two rounds: new items next to kept ones first, then new items next to those (a new route's new Service).
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(v[i])) continue;
      let sum = 0;
      let cnt = 0;
      for (let a = adjStart[i]; a < adjStart[i + 1]; a++) {
        const y = round === 0 ? itemPrev[adjItem[a]] : itemDesired[adjItem[a]];
        if (Number.isFinite(y)) { sum += y + adjOff[a] - adjOwn[a]; cnt++; }
      }
      if (cnt) v[i] = itemDesired[i] = sum / cnt;
    }
  }
  const prevBlocks = previousBlocks(prev);
  const blockPrev = new Float64Array(items.blocks.length).fill(NaN);
  const blockPrevH = new Float64Array(items.blocks.length).fill(NaN);
  const bv = new Float64Array(items.blocks.length).fill(NaN);
  const cols: number[][] = Array.from({ length: LAST_COLUMN + 1 }, () => []);
  const keptBlocks = new Set<string>();
  const members = items.blocks.map((b, k) => {
    const pb = prevBlocks.get(b.id);
    if (pb && pb.col === b.col && Number.isFinite(pb.top) && Number.isFinite(pb.h)) {
      blockPrev[k] = bv[k] = pb.top;
      blockPrevH[k] = pb.h;
      keptBlocks.add(b.id);
    } else {
      // A new block goes where its placed members (or their neighbours) are, else by name.
      let sum = 0;
      let cnt = 0;
      for (const i of b.items) if (Number.isFinite(v[i])) { sum += v[i]; cnt++; }
      if (cnt) bv[k] = sum / cnt;
    }
    cols[b.col].push(k);
    return sortPlaced(b.items.slice(), v, (x, y) => compareItems(items, x, y));
  });
  const blockKey = (p: number, q: number) => naturalCompare(items.blocks[p].ns, items.blocks[q].ns) || compareItems(items, members[p][0], members[q][0]);
  for (const c of cols) sortPlaced(c, bv, blockKey);
  const removed: number[][] = cols.map(() => []);
  const gone = [...prevBlocks].filter(([id, pb]) => !keptBlocks.has(id) && pb.col >= 0 && pb.col <= LAST_COLUMN).map(([, pb]) => pb);
  gone.sort((a, b) => a.top - b.top);
  for (const pb of gone) removed[pb.col].push(pb.top, pb.h);
  return { order: { cols, members }, blockPrev, blockPrevH, removed, itemDesired };
}
