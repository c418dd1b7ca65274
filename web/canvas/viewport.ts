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

/** Below this zoom a whole-graph fit is not legible: start at the top-left instead. */
export const MIN_READABLE_ZOOM = 0.45;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
const PAD = 24;

/** The first viewport for a graph of `bounds` in a pane of `w × h` pixels. */
export function initialViewport(bounds: Rect, w: number, h: number): Viewport {
  if (bounds.width <= 0 || bounds.height <= 0 || w <= 0 || h <= 0) return { x: PAD, y: PAD, zoom: 1 };
  const fit = Math.min((w - 2 * PAD) / bounds.width, (h - 2 * PAD) / bounds.height, 1);
  if (fit >= MIN_READABLE_ZOOM) {
    return { x: (w - bounds.width * fit) / 2 - bounds.x * fit, y: (h - bounds.height * fit) / 2 - bounds.y * fit, zoom: fit };
  }
  // Too large to read whole: as wide as fits (within the readable range), from the top.
  const zoom = Math.max(MIN_READABLE_ZOOM, Math.min(0.8, (w - 2 * PAD) / bounds.width));
  return { x: PAD - bounds.x * zoom, y: PAD - bounds.y * zoom, zoom };
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
  return zoom < 0.4 ? "far" : zoom < 0.75 ? "mid" : "near";
}

/** Whether two flows are the same picture (an edit) or a new one (a load): most node ids shared. */
export function sameGraph(prevIds: ReadonlyMap<string, unknown> | undefined, nextIds: Iterable<string>, nextCount: number): boolean {
  if (!prevIds || prevIds.size === 0 || nextCount === 0) return false;
  let shared = 0;
  for (const id of nextIds) if (prevIds.has(id)) shared++;
  return shared >= 0.5 * Math.max(prevIds.size, nextCount);
}
