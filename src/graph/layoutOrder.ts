/**
 * Order within columns: the initial order (namespace, then name), then barycenter sweeps down and up
 * (Sugiyama's crossing reduction, without a rank search: ranks come from kinds). A namespace's items
 * stay together: blocks are sorted by the mean barycenter of their items, items within their block.
 * The best order seen (fewest crossings) is kept.
 */
import { BLOCK_GAP, GROUP_HEADER, GROUP_PAD, NODE_GAP } from "./layoutTypes";
import { compareItems, LAST_COLUMN, naturalCompare, type Items } from "./layoutItems";
import { itemCrossings, sortAdjacency } from "./layoutCrossings";

/** Blocks of each column top to bottom, and items of each block top to bottom. */
export interface Order {
  cols: number[][];
  members: number[][];
}

/** Namespace order, cluster-scoped items first; within a namespace, item order. */
export function initialOrder(items: Items): Order {
  const members = items.blocks.map((b) => b.items.slice().sort((x, y) => compareItems(items, x, y)));
  const cols: number[][] = Array.from({ length: LAST_COLUMN + 1 }, () => []);
  items.blocks.forEach((b, k) => cols[b.col].push(k));
  for (const c of cols) c.sort((p, q) => naturalCompare(items.blocks[p].ns, items.blocks[q].ns) || compareItems(items, members[p][0], members[q][0]));
  return { cols, members };
}

export function copyOrder(o: Order): Order {
  return { cols: o.cols.map((c) => c.slice()), members: o.members.map((m) => m.slice()) };
}

/** Height of a block and the offset of each of its items from the block's top (written to `rel`). */
export function blockLayout(items: Items, members: number[], boxed: boolean, rel: Float64Array): number {
  if (!boxed) {
    let y = 0;
    for (const i of members) { rel[i] = y; y += items.height[i] + NODE_GAP; }
    return members.length ? y - NODE_GAP : 0;
  }
  let y = GROUP_HEADER;
  for (const i of members) { rel[i] = y; y += items.height[i] + NODE_GAP; }
  return y - (members.length ? NODE_GAP : 0) + GROUP_PAD;
}

/** Compact positions of one column (blocks stacked), into `top`; returns the column's height. */
export function stackColumn(items: Items, order: Order, c: number, top: Float64Array, rel: Float64Array): number {
  let y = 0;
  let first = true;
  for (const b of order.cols[c]) {
    if (!first) y += BLOCK_GAP;
    first = false;
    const h = blockLayout(items, order.members[b], items.blocks[b].boxed, rel);
    for (const i of order.members[b]) top[i] = y + rel[i];
    y += h;
  }
  return y;
}

const POS = 2 ** 20;
const Q = 2 ** 32;

/**
 * Stable sort of `xs` by `key[x]` (values in [0, 1]): one packed number per entry (key quantised
 * to 2^-32, then the entry's current position), sorted as a typed array — no comparator calls,
 * which dominate the sweeps otherwise. Lists longer than 2^20 fall back to a comparator sort.
 */
export function sortByKey(xs: number[], key: Float64Array, scratch: Float64Array): void {
  const n = xs.length;
  if (n < 2) return;
  if (n >= POS || scratch.length < n) {
    xs.sort((a, b) => key[a] - key[b]);
    return;
  }
  const packed = scratch.subarray(0, n);
  for (let k = 0; k < n; k++) packed[k] = Math.round(Math.min(1, Math.max(0, key[xs[k]])) * Q) * POS + k;
  packed.sort();
  const copy = xs.slice();
  for (let k = 0; k < n; k++) xs[k] = copy[packed[k] % POS];
}

/** Reorder column c by the barycenters of its items' neighbours in earlier (dir −1) or later (dir +1) columns. */
function sweepColumn(items: Items, order: Order, c: number, dir: number, top: Float64Array, rel: Float64Array, colH: Float64Array, bary: Float64Array, bb: Float64Array, scratch: Float64Array): void {
  const { col, adjStart, adjItem, adjOff } = items;
  for (const b of order.cols[c]) {
    let bsum = 0;
    let bcnt = 0;
    let fsum = 0;
    const ms = order.members[b];
    for (const i of ms) {
      let s = 0;
      let k = 0;
      let ss = 0;
      let sk = 0;
      for (let a = adjStart[i]; a < adjStart[i + 1]; a++) {
        const j = adjItem[a];
        const cj = col[j];
        const p = (top[j] + adjOff[a]) / colH[cj];
        if (dir < 0 ? cj < c : cj > c) { s += p; k++; }
        else if (cj === c) { ss += p; sk++; }
      }
      // No neighbour on that side: a same-column neighbour (a policy beside its target), else stay.
      bary[i] = k > 0 ? s / k : sk > 0 ? ss / sk : (top[i] + items.handle[i]) / colH[c];
      if (k > 0) { bsum += s; bcnt += k; }
      fsum += bary[i];
    }
    bb[b] = bcnt > 0 ? bsum / bcnt : fsum / ms.length;
    sortByKey(ms, bary, scratch);
  }
  sortByKey(order.cols[c], bb, scratch);
  colH[c] = Math.max(1, stackColumn(items, order, c, top, rel));
}

export interface Ordered {
  order: Order;
  initialCrossings: number;
  crossings: number;
  halfSweeps: number;
}

/** Initial order, then up to `sweeps` down-and-up barycenter iterations; the order with fewest crossings wins. */
export function orderItems(items: Items, sweeps: number): Ordered {
  sortAdjacency(items);
  const order = initialOrder(items);
  const top = new Float64Array(items.n);
  const rel = new Float64Array(items.n);
  const colH = new Float64Array(LAST_COLUMN + 1);
  const bary = new Float64Array(items.n);
  const bb = new Float64Array(items.blocks.length);
  const scratch = new Float64Array(Math.max(items.n, items.blocks.length));
  for (let c = 0; c <= LAST_COLUMN; c++) colH[c] = Math.max(1, stackColumn(items, order, c, top, rel));
  const initialCrossings = itemCrossings(items, order, top);
  let best = initialCrossings;
  // The sweeps reorder `order` in place: keep a copy of the best one seen.
  let bestOrder = sweeps > 0 && initialCrossings > 0 ? copyOrder(order) : order;
  let halfSweeps = 0;
  for (let it = 0; it < sweeps && best > 0; it++) {
    let improved = false;
    for (const dir of [-1, 1]) {
      if (dir < 0) for (let c = 1; c <= LAST_COLUMN; c++) sweepColumn(items, order, c, dir, top, rel, colH, bary, bb, scratch);
      else for (let c = LAST_COLUMN - 1; c >= 0; c--) sweepColumn(items, order, c, dir, top, rel, colH, bary, bb, scratch);
      halfSweeps++;
      const x = itemCrossings(items, order, top);
      if (x < best) {
        best = x;
        bestOrder = copyOrder(order);
        improved = true;
      }
    }
    if (!improved) break;
  }
  return { order: bestOrder, initialCrossings, crossings: best, halfSweeps };
}
