/**
 * Viewport decisions, pure: the first view of a graph (fit it when it is legible at that zoom, else
 * start at its top-left corner, where the reading begins), whether a node is on screen, and the
 * zoom buckets that choose how much detail nodes and edges show.
 */
import type { Viewport } from "@xyflow/react";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A graph that fits at this zoom or more is shown whole (names stay legible through the "far"
 * detail); a larger one starts at its top-left corner instead.
 */
export const MIN_READABLE_ZOOM = 0.3;
/** The zoom a large graph starts at (names legible with the "mid" detail). */
export const START_ZOOM = 0.6;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
const PAD = 24;
/** Room for the overlay bar above the graph. */
const TOP = 64;

/**
 * The first viewport for a graph of `bounds` in a pane of `w × h` pixels. A graph too large to read
 * whole starts at its left edge with `anchor` (the first Gateway: where the reading starts; the
 * layout centres it on its routes, so it is rarely at the top) in the upper third.
 */
export function initialViewport(bounds: Rect, w: number, h: number, anchor?: Rect): Viewport {
  if (bounds.width <= 0 || bounds.height <= 0 || w <= 0 || h <= 0) return { x: PAD, y: TOP, zoom: 1 };
  const fit = Math.min((w - 2 * PAD) / bounds.width, (h - TOP - PAD) / bounds.height, 1);
  if (fit >= MIN_READABLE_ZOOM) {
    return { x: (w - bounds.width * fit) / 2 - bounds.x * fit, y: TOP + (h - TOP - PAD - bounds.height * fit) / 2 - bounds.y * fit, zoom: fit };
  }
  // Too large to read whole: start where the reading starts, legible.
  const z = START_ZOOM;
  const y = anchor ? Math.min(TOP - bounds.y * z, TOP + (h - TOP) / 3 - (anchor.y + anchor.height / 2) * z) : TOP - bounds.y * z;
  return { x: PAD - bounds.x * z, y, zoom: z };
}

/** Whether a rectangle (graph coordinates) lies fully inside the visible pane. */
export function onScreen(r: Rect, vp: Viewport, w: number, h: number): boolean {
  const x1 = r.x * vp.zoom + vp.x;
  const y1 = r.y * vp.zoom + vp.y;
  const x2 = (r.x + r.width) * vp.zoom + vp.x;
  const y2 = (r.y + r.height) * vp.zoom + vp.y;
  return x1 >= 0 && y1 >= 0 && x2 <= w && y2 <= h;
}

/** How much the canvas shows at a zoom: names only, names and a summary line, everything. */
export type Detail = "far" | "mid" | "near";

export function detailAt(zoom: number): Detail {
  return zoom < 0.45 ? "far" : zoom < 0.75 ? "mid" : "near";
}

/** Whether two flows are the same picture (an edit) or a new one (a load): most node ids shared. */
export function sameGraph(prevIds: { has(id: string): boolean; readonly size: number } | undefined, nextIds: Iterable<string>, nextCount: number): boolean {
  if (!prevIds || prevIds.size === 0 || nextCount === 0) return false;
  let shared = 0;
  for (const id of nextIds) if (prevIds.has(id)) shared++;
  return shared >= 0.5 * Math.max(prevIds.size, nextCount);
}
