/**
 * Whether an edited graph would lay out as the previous one did: the layout (layout.ts) reads only
 * node ids, columns, sizes (role), namespace boxes, names (order), listener owners, and edges' ends
 * and types. An edit inside a route (a weight, a hostname, a match) leaves all of that alone, so the
 * worker keeps the previous positions instead of laying out again.
 */
import type { Graph, GraphEdge, GraphNode } from "./types";

/** What the layout reads of a node: id, column, size (role), box (namespace), order (name), owner. */
function sameForLayout(a: GraphNode, b: GraphNode): boolean {
  return a === b || (a.id === b.id && a.role === b.role && a.rank === b.rank && a.namespace === b.namespace && a.kind === b.kind && a.name === b.name && a.data.origin === b.data.origin && a.data.gateway === b.data.gateway);
}

/** What the layout reads of an edge: its ends and type, and a listener's place in its owner. */
function sameEdgeForLayout(a: GraphEdge, b: GraphEdge): boolean {
  if (a === b) return true;
  if (a.from !== b.from || a.to !== b.to || a.type !== b.type) return false;
  return a.type !== "listener" || a.path[a.path.length - 1] === b.path[b.path.length - 1];
}

/** Whether laying `b` out would read the same as laying `a` out (lists compared in step: cheap). */
export function sameLayoutInput(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length || a.groups.length !== b.groups.length) return false;
  for (let i = 0; i < a.nodes.length; i++) if (!sameForLayout(a.nodes[i], b.nodes[i])) return false;
  for (let i = 0; i < a.edges.length; i++) if (!sameEdgeForLayout(a.edges[i], b.edges[i])) return false;
  for (let i = 0; i < a.groups.length; i++) if (a.groups[i] !== b.groups[i] && (a.groups[i].id !== b.groups[i].id || a.groups[i].defined !== b.groups[i].defined)) return false;
  return true;
}
