/**
 * Vertical placement once the order is fixed. Blocks (namespace boxes, free nodes) are rigid: their
 * items are stacked without gaps, so gaps only appear between blocks, where a block moves to sit
 * level with its neighbours. Each column is solved exactly: the tops closest (least squares) to
 * the desired tops that keep the order and the gaps, by pool-adjacent-violators (isotonic
 * regression), O(blocks) per column.
 */
import { BLOCK_GAP } from "./layoutTypes";
import { LAST_COLUMN, type Items } from "./layoutItems";
import { blockLayout, type Order } from "./layoutOrder";
import type { IncrementalOrder } from "./layoutIncremental";

export interface Placement {
  /** Top of each block. */
  blockTop: Float64Array;
  blockH: Float64Array;
  /** Offset of each item from its block's top. */
  rel: Float64Array;
}

/**
 * Tops minimising Σ w·(top − d)² subject to top[k+1] ≥ top[k] + h[k] + gap. With s[k] the compact
 * offset of block k, y = top − s must be non-decreasing: a weighted isotonic regression of d − s.
 */
export function isotonicTops(d: ArrayLike<number>, w: ArrayLike<number>, h: ArrayLike<number>, gap: number): Float64Array {
  const n = d.length;
  const s = new Float64Array(n);
  for (let k = 1; k < n; k++) s[k] = s[k - 1] + h[k - 1] + gap;
  const val = new Float64Array(n);
  const wt = new Float64Array(n);
  const start = new Int32Array(n);
  let p = 0;
  for (let k = 0; k < n; k++) {
    val[p] = d[k] - s[k];
    wt[p] = w[k];
    start[p] = k;
    p++;
    while (p > 1 && val[p - 2] > val[p - 1]) {
      const W = wt[p - 2] + wt[p - 1];
      val[p - 2] = (val[p - 2] * wt[p - 2] + val[p - 1] * wt[p - 1]) / W;
      wt[p - 2] = W;
      p--;
    }
  }
  const top = new Float64Array(n);
  for (let q = 0; q < p; q++) {
    const end = q + 1 < p ? start[q + 1] : n;
    for (let k = start[q]; k < end; k++) top[k] = val[q] + s[k];
  }
  return top;
}

/** Keep tops within [lo, hi] (hi may be Infinity) while keeping order and gaps. */
function clamp(top: Float64Array, h: ArrayLike<number>, gap: number, lo: number, hi: number): void {
  const n = top.length;
  for (let k = 0; k < n; k++) top[k] = Math.max(top[k], k ? top[k - 1] + h[k - 1] + gap : lo);
  if (!Number.isFinite(hi)) return;
  for (let k = n - 1; k >= 0; k--) top[k] = Math.min(top[k], k < n - 1 ? top[k + 1] - gap - h[k] : hi - h[k]);
}

function blockShapes(items: Items, order: Order): Placement {
  const rel = new Float64Array(items.n);
  const blockH = new Float64Array(items.blocks.length);
  items.blocks.forEach((b, k) => (blockH[k] = blockLayout(items, order.members[k], b.boxed, rel)));
  return { blockTop: new Float64Array(items.blocks.length), blockH, rel };
}

/** Mean desired top of block b from its items' edges to blocks in columns `placed` (not its own). */
function desiredFromNeighbours(items: Items, order: Order, p: Placement, b: number, placed: boolean[]): [number, number] {
  const { col, block, adjStart, adjItem, adjOff, adjOwn } = items;
  const c = items.blocks[b].col;
  let sum = 0;
  let w = 0;
  for (const i of order.members[b]) {
    for (let a = adjStart[i]; a < adjStart[i + 1]; a++) {
      const j = adjItem[a];
      if (col[j] === c || !placed[col[j]]) continue;
      sum += p.blockTop[block[j]] + p.rel[j] + adjOff[a] - (p.rel[i] + adjOwn[a]);
      w++;
    }
  }
  return [w ? sum / w : NaN, w];
}

function solveColumn(p: Placement, blocks: number[], d: Float64Array, w: Float64Array, lo: number, hi: number): void {
  const h = blocks.map((b) => p.blockH[b]);
  const top = isotonicTops(d, w, h, BLOCK_GAP);
  clamp(top, h, BLOCK_GAP, lo, hi);
  blocks.forEach((b, k) => (p.blockTop[b] = top[k]));
}

/** A small weight for blocks with nothing to align with: they keep their compact place unless pushed. */
const LOOSE = 1e-3;

/**
 * Full placement: the tallest column is stacked compactly; the others, outward from it, align each
 * block with its neighbours in the columns already placed, within the tallest column's height (so
 * the picture is as tall as its tallest column). Blocks with nothing to align with on the first
 * pass (edges only to columns placed later) are placed again once every column is.
 */
export function placeFull(items: Items, order: Order): Placement {
  const p = blockShapes(items, order);
  const cols = order.cols;
  const stackH = cols.map((bs) => bs.reduce((y, b) => y + p.blockH[b], 0) + Math.max(0, bs.length - 1) * BLOCK_GAP);
  const H = Math.max(0, ...stackH);
  const anchor = stackH.indexOf(H);
  const placed = cols.map(() => false);
  const seq: number[] = [anchor];
  for (let dist = 1; dist <= LAST_COLUMN; dist++) {
    if (anchor - dist >= 0) seq.push(anchor - dist);
    if (anchor + dist <= LAST_COLUMN) seq.push(anchor + dist);
  }
  const desired = cols.map((bs) => ({ d: new Float64Array(bs.length), w: new Float64Array(bs.length), loose: [] as number[] }));
  for (const c of seq) {
    const bs = cols[c];
    const { d, w, loose } = desired[c];
    let y = 0;
    bs.forEach((b, k) => {
      const [dv, wv] = c === anchor ? [NaN, 0] : desiredFromNeighbours(items, order, p, b, placed);
      if (wv > 0) { d[k] = dv; w[k] = wv; }
      else {
        d[k] = y;
        w[k] = c === anchor ? 1 : LOOSE;
        if (c !== anchor) loose.push(k);
      }
      y += p.blockH[b] + BLOCK_GAP;
    });
    solveColumn(p, bs, d, w, 0, H);
    placed[c] = true;
  }
  for (const c of seq) {
    const { d, w, loose } = desired[c];
    if (!loose.length) continue;
    let changed = false;
    for (const k of loose) {
      const [dv, wv] = desiredFromNeighbours(items, order, p, cols[c][k], placed);
      if (wv > 0) { d[k] = dv; w[k] = wv; changed = true; }
    }
    if (changed) solveColumn(p, cols[c], d, w, 0, H);
  }
  return p;
}

/**
 * Incremental placement: each column flows like a list. A kept block keeps its previous top, moved
 * by what changed above it in its column (blocks that grew or shrank, blocks inserted, blocks
 * removed), so an insertion pushes what is below it down, a removal or a collapse closes its gap,
 * and the other columns do not move. A new block takes its slot below the block before it (or,
 * first in its column, the place its edges point at).
 */
export function placeIncremental(items: Items, order: Order, inc: IncrementalOrder): Placement {
  const p = blockShapes(items, order);
  order.cols.forEach((bs, c) => {
    const removed = inc.removed[c] ?? [];
    let r = 0;
    let shift = 0;
    let prevBottom = NaN;
    const d = new Float64Array(bs.length);
    const w = new Float64Array(bs.length).fill(1);
    bs.forEach((b, k) => {
      const h = p.blockH[b];
      if (Number.isFinite(inc.blockPrev[b])) {
        for (; r < removed.length && removed[r] < inc.blockPrev[b]; r += 2) shift -= removed[r + 1] + BLOCK_GAP;
        d[k] = inc.blockPrev[b] + shift;
        shift += h - inc.blockPrevH[b];
      } else {
        d[k] = Number.isFinite(prevBottom) ? prevBottom + BLOCK_GAP : firstTop(items, order, p, b, inc.itemDesired);
        shift += h + BLOCK_GAP;
      }
      prevBottom = d[k] + h;
    });
    solveColumn(p, bs, d, w, 0, Infinity);
  });
  return p;
}

/** Where a new block that opens its column goes: level with its edges, else at the top. */
function firstTop(items: Items, order: Order, p: Placement, b: number, itemDesired: Float64Array): number {
  let sum = 0;
  let cnt = 0;
  for (const i of order.members[b]) if (Number.isFinite(itemDesired[i])) { sum += itemDesired[i] - p.rel[i]; cnt++; }
  return cnt ? Math.max(0, sum / cnt) : 0;
}
