/**
 * Counting edge crossings, for the sweeps (which keep the order with fewest) and for tests and
 * benchmarks. Two edges cross when they join the same pair of columns and their ends are in
 * opposite vertical orders; edges sharing an end never cross; edges within one column are not
 * counted, nor pairs of edges spanning different column pairs.
 */
import { LAST_COLUMN, type Items } from "./layoutItems";
import type { Order } from "./layoutOrder";

/** Crossings among edges given by their ends (column and y of each end). O(E log E): sort, then count inversions by merge sort. */
export function countPairs(colA: ArrayLike<number>, yA: ArrayLike<number>, colB: ArrayLike<number>, yB: ArrayLike<number>, m: number): number {
  // Rank the y values, then sort one packed number per edge (column pair, left rank, right rank):
  // a typed-array sort without a comparator is several times faster than sorting objects.
  const ys = new Float64Array(2 * m);
  let k = 0;
  for (let e = 0; e < m; e++) if (colA[e] !== colB[e]) { ys[k++] = yA[e]; ys[k++] = yB[e]; }
  const sorted = ys.subarray(0, k).sort();
  let u = 0;
  for (let i = 0; i < k; i++) if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i];
  const R = u + 1;
  const rank = (y: number): number => {
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const keys = new Float64Array(k / 2);
  let n = 0;
  for (let e = 0; e < m; e++) {
    if (colA[e] === colB[e]) continue;
    const flip = colA[e] > colB[e];
    const pair = flip ? colB[e] * 64 + colA[e] : colA[e] * 64 + colB[e];
    const l = rank(flip ? yB[e] : yA[e]);
    const r = rank(flip ? yA[e] : yB[e]);
    keys[n++] = (pair * R + l) * R + r;
  }
  // Exact while pair·R² < 2^53: columns are few, so R (distinct y values) may reach millions.
  keys.sort();
  const seq = new Float64Array(n);
  const buf = new Float64Array(n);
  let total = 0;
  let start = 0;
  const RR = R * R;
  while (start < n) {
    const pair = Math.floor(keys[start] / RR);
    let end = start;
    while (end < n && Math.floor(keys[end] / RR) === pair) { seq[end] = keys[end] % R; end++; }
    total += inversions(seq, buf, start, end);
    start = end;
  }
  return total;
}

/** Pairs i < j in [lo, hi) with a[i] > a[j] (strictly), sorting a in place. */
function inversions(a: Float64Array, buf: Float64Array, lo: number, hi: number): number {
  if (hi - lo < 2) return 0;
  const mid = (lo + hi) >>> 1;
  let count = inversions(a, buf, lo, mid) + inversions(a, buf, mid, hi);
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) {
    if (a[i] <= a[j]) buf[k++] = a[i++];
    else { count += mid - i; buf[k++] = a[j++]; }
  }
  while (i < mid) buf[k++] = a[i++];
  while (j < hi) buf[k++] = a[j++];
  for (let t = lo; t < hi; t++) a[t] = buf[t];
  return count;
}

/**
 * Crossings of the merged edges under the given order and item tops (the same count as
 * {@link countPairs}, without its global sorts): walking each column top to bottom meets the edges
 * to later columns in the order of their left ends; each item's adjacency is pre-sorted by
 * (column, own offset), so only runs leaving one port towards one column need sorting, by their
 * right ends.
 */
export function itemCrossings(items: Items, order: Order, top: Float64Array): number {
  const { col, adjStart, adjItem, adjOff, adjOwn } = items;
  const seqs = new Map<number, number[]>();
  const run = new Float64Array(items.adjItem.length);
  for (let c = 0; c < LAST_COLUMN; c++) {
    for (const b of order.cols[c]) {
      for (const i of order.members[b]) {
        const end = adjStart[i + 1];
        let a = adjStart[i];
        while (a < end) {
          const cj = col[adjItem[a]];
          let z = a;
          let len = 0;
          while (z < end && col[adjItem[z]] === cj && adjOwn[z] === adjOwn[a]) { run[len++] = top[adjItem[z]] + adjOff[z]; z++; }
          if (cj > c) {
            const r = run.subarray(0, len);
            if (len > 1) r.sort();
            const pair = c * 64 + cj;
            let seq = seqs.get(pair);
            if (!seq) seqs.set(pair, (seq = []));
            for (let k = 0; k < len; k++) seq.push(r[k]);
          }
          a = z;
        }
      }
    }
  }
  let total = 0;
  for (const seq of seqs.values()) total += inversions(Float64Array.from(seq), new Float64Array(seq.length), 0, seq.length);
  return total;
}

/**
 * Sort each item's neighbours by (neighbour's column, own offset), in place: the crossing count
 * walks them in runs. Only the sweeps need it, so an incremental layout skips it.
 */
export function sortAdjacency(items: Items): void {
  const { n, col, adjStart, adjItem, adjOff, adjOwn } = items;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = adjStart[i];
    const e = adjStart[i + 1];
    if (e - s < 2) continue;
    idx.length = 0;
    for (let a = s; a < e; a++) idx.push(a);
    idx.sort((p, q) => col[adjItem[p]] - col[adjItem[q]] || adjOwn[p] - adjOwn[q] || p - q);
    const it = idx.map((a) => adjItem[a]);
    const off = idx.map((a) => adjOff[a]);
    const own = idx.map((a) => adjOwn[a]);
    for (let k = 0; k < it.length; k++) { adjItem[s + k] = it[k]; adjOff[s + k] = off[k]; adjOwn[s + k] = own[k]; }
  }
}
