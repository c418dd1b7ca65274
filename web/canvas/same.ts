/**
 * Value equality for what the canvas draws, so toFlow can hand React Flow the previous node and edge
 * objects when nothing they show changed: snapshots arrive as fresh structured clones, and reusing
 * objects is what lets React.memo and React Flow's own `userNode ===` check skip unchanged nodes.
 */
import type { GraphEdge, GraphNode, NodeStatus } from "../../src/graph";

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a && b && typeof a === "object" && typeof b === "object") return sameRecord(a as Record<string, unknown>, b as Record<string, unknown>);
  return false;
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let n = 0;
  for (const k in a) {
    n++;
    if (!sameValue(a[k], b[k])) return false;
  }
  return n === keyCount(b);
}

function keyCount(o: object): number {
  let n = 0;
  for (const k in o) if (Object.hasOwn(o, k)) n++;
  return n;
}

export function sameStatus(a: NodeStatus, b: NodeStatus): boolean {
  if (a === b) return true;
  if (a.level !== b.level || a.errors !== b.errors || a.warnings !== b.warnings || a.problems.length !== b.problems.length) return false;
  for (let i = 0; i < a.problems.length; i++) {
    const p = a.problems[i];
    const q = b.problems[i];
    if (p.type !== q.type || p.status !== q.status || p.reason !== q.reason || p.message !== q.message || p.scope !== q.scope) return false;
  }
  return true;
}

/** Whether two graph nodes draw the same (source location is not drawn). */
export function sameGraphNode(a: GraphNode, b: GraphNode): boolean {
  if (a === b) return true;
  return a.id === b.id && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace && a.role === b.role && a.rank === b.rank && a.defined === b.defined && sameStatus(a.status, b.status) && sameRecord(a.data, b.data);
}

/** Whether two graph edges draw the same (their paths are part of the id). */
export function sameGraphEdge(a: GraphEdge, b: GraphEdge): boolean {
  if (a === b) return true;
  return a.id === b.id && a.ok === b.ok && a.reason === b.reason && a.section === b.section && a.weight === b.weight && a.percent === b.percent && a.rule === b.rule && a.grant === b.grant;
}

/** Shallow equality of two plain records whose values are primitives or handled by `same`. */
export function sameShallow<T extends Record<string, unknown>>(a: T, b: T, same?: (k: string, x: unknown, y: unknown) => boolean | undefined): boolean {
  let n = 0;
  for (const k in a) {
    n++;
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    const r = same?.(k, x, y);
    if (r === undefined ? !sameValue(x, y) : !r) return false;
  }
  return n === keyCount(b);
}
