/**
 * What React Flow is given changes only when the picture's shape does. React Flow rebuilds its
 * lookups over every node or edge whenever it gets a new array (its `setEdges` re-indexes all
 * connections; at 2,000 routes with namespaces open, ~1,200 edges and ~1,900 nodes: 15–20 ms of an
 * edit's redraw), while most edits change only what a node or an edge shows: a weight, a
 * hostname, a status. So React Flow keeps the arrays it has while every item keeps its id, type,
 * position, size and ends (`sameShape`); the drawn components read their current `data` from the
 * flow itself, through a context (`LiveFlow`, `useLiveData`), and only those whose data changed draw
 * again.
 */
import { createContext, useContext } from "react";
import type { Flow } from "./toFlow";
import type { FlowEdge, FlowNode } from "./flowTypes";

type Item = { id: string; data?: unknown };

/**
 * Whether `a` and `b` draw the same shape for React Flow: every field but `data` the same (a
 * position compared by its coordinates).
 */
export function sameShape(a: Item, b: Item): boolean {
  if (a === b) return true;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    n++;
    if (k === "data" || x[k] === y[k]) continue;
    if (k === "position") {
      const p = x[k] as { x: number; y: number } | undefined;
      const q = y[k] as { x: number; y: number } | undefined;
      if (p && q && p.x === q.x && p.y === q.y) continue;
    }
    return false;
  }
  for (const _ in y) n--;
  return n === 0;
}

/**
 * The arrays handed to React Flow: `of(items)` is the array it returned last when `items` has the
 * same shapes in the same order (only data changed), else `items` itself.
 */
export class Shapes<T extends Item> {
  private shown: T[] | null = null;

  of(items: T[]): T[] {
    const shown = this.shown;
    if (shown === items) return items;
    if (shown && shown.length === items.length && items.every((x, i) => sameShape(x, shown[i]))) return shown;
    this.shown = items;
    return items;
  }
}

/** The flow being drawn, for the components React Flow renders (their `data` may be older). */
export const LiveFlow = createContext<Flow | null>(null);

const edgeIds = new WeakMap<FlowEdge[], Map<string, FlowEdge>>();

/** The flow's edge by id (indexed once per edge list). */
export function liveEdge(flow: Flow, id: string): FlowEdge | undefined {
  let m = edgeIds.get(flow.edges);
  if (!m) {
    m = new Map(flow.edges.map((e) => [e.id, e]));
    edgeIds.set(flow.edges, m);
  }
  return m.get(id);
}

/** The flow's node by id. */
export function liveNode(flow: Flow, id: string): FlowNode | undefined {
  return flow.byId.get(id);
}

/** The current data of drawn node or edge `id` (`given`, React Flow's copy, when the flow has none). */
export function useLiveData<D>(kind: "node" | "edge", id: string, given: D): D {
  const flow = useContext(LiveFlow);
  if (!flow) return given;
  const item = kind === "node" ? liveNode(flow, id) : liveEdge(flow, id);
  return (item?.data as D | undefined) ?? given;
}
