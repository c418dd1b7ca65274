/**
 * Which namespaces to collapse so a large configuration opens as a readable picture: the tallest
 * column is what makes a ranked drawing hard to take in, so namespaces are collapsed, biggest share
 * of the tallest column first, until every column fits the wanted height (or nothing is left to
 * collapse). The canvas may use it for the first view and let the user expand from there.
 */
import type { Graph } from "./types";
import { columnOf, LAST_COLUMN } from "./layoutItems";
import { BLOCK_GAP, DEFAULT_SIZES, GROUP_HEADER, GROUP_PAD, NODE_GAP, SUMMARY_SIZE, type LayoutOptions } from "./layoutTypes";

export interface CollapseOptions {
  /** Wanted height of the tallest column, in px (default 4,000: a screen or two at a readable zoom). */
  maxHeight?: number;
  nodeSize?: LayoutOptions["nodeSize"];
  /** Namespaces never to collapse (e.g. the one the user is looking at). */
  keep?: ReadonlySet<string>;
}

/** Namespaces to collapse (names), largest contributors to the tallest column first. */
export function suggestCollapsed(graph: Graph, options: CollapseOptions = {}): Set<string> {
  const maxHeight = options.maxHeight ?? 4000;
  // Height each namespace's box takes in each column (listeners sit inside their Gateway: not counted).
  const boxes = new Map<string, Float64Array>();
  const free = new Float64Array(LAST_COLUMN + 1);
  for (const n of graph?.nodes ?? []) {
    if (!n || n.role === "listener") continue;
    let h = DEFAULT_SIZES[n.role]?.height ?? DEFAULT_SIZES.other.height;
    try {
      const s = options.nodeSize?.(n);
      if (s && Number.isFinite(s.height) && s.height > 0) h = s.height;
    } catch {
      // keep the default
    }
    const c = columnOf(n.rank);
    if (!n.namespace) {
      free[c] += h + BLOCK_GAP;
      continue;
    }
    let b = boxes.get(n.namespace);
    if (!b) boxes.set(n.namespace, (b = new Float64Array(LAST_COLUMN + 1)));
    b[c] += b[c] === 0 ? GROUP_HEADER + GROUP_PAD + BLOCK_GAP + h : h + NODE_GAP;
  }
  const summary = SUMMARY_SIZE.height + BLOCK_GAP;
  const heights = Array.from(free);
  for (const b of boxes.values()) for (let c = 0; c <= LAST_COLUMN; c++) heights[c] += b[c];
  const collapsed = new Set<string>();
  for (;;) {
    const hmax = Math.max(...heights);
    if (hmax <= maxHeight) break;
    const tallest = heights.indexOf(hmax);
    let pick: string | undefined;
    let gain = 0;
    for (const [ns, b] of boxes) {
      if (collapsed.has(ns) || options.keep?.has(ns)) continue;
      const g = b[tallest] - summary;
      if (g > gain || (g === gain && pick !== undefined && ns < pick)) [pick, gain] = [ns, g];
    }
    if (pick === undefined) break;
    collapsed.add(pick);
    const b = boxes.get(pick)!;
    for (let c = 0; c <= LAST_COLUMN; c++) if (b[c] > 0) heights[c] -= b[c] - summary;
  }
  return collapsed;
}
