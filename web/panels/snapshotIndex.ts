/**
 * Lookups over a snapshot, built once per snapshot (snapshots are immutable; a WeakMap drops the
 * index with its snapshot). Panels read nodes, statuses and diagnostics by id without scanning.
 */
import type { Snapshot } from "../worker/protocol";
import type { GraphEdge, GraphNode } from "../../src/graph";
import type { ResourceStatus } from "../../src/model/status";
import type { Diagnostic } from "../../src/model/diagnostic";
import type { Assumption } from "../../src/model/model";
import { refKey } from "../../src/model/ids";

export interface SnapshotIndex {
  nodes: Map<string, GraphNode>;
  status: Map<string, ResourceStatus>;
  /** Diagnostics by the `Kind/ns/name` of the object they concern. */
  diagnostics: Map<string, Diagnostic[]>;
  assumptions: Map<string, Assumption[]>;
  /** Edges touching a node, either end. */
  edges: Map<string, GraphEdge[]>;
}

const cache = new WeakMap<Snapshot, SnapshotIndex>();
const EMPTY: SnapshotIndex = { nodes: new Map(), status: new Map(), diagnostics: new Map(), assumptions: new Map(), edges: new Map() };

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function indexOf(s: Snapshot | null | undefined): SnapshotIndex {
  if (!s) return EMPTY;
  let ix = cache.get(s);
  if (ix) return ix;
  ix = { nodes: new Map(), status: new Map(), diagnostics: new Map(), assumptions: new Map(), edges: new Map() };
  for (const n of s.graph.nodes) ix.nodes.set(n.id, n);
  for (const st of s.status) ix.status.set(refKey(st), st);
  for (const d of s.diagnostics) if (d.resource) push(ix.diagnostics, refKey(d.resource), d);
  for (const a of s.assumptions) for (const r of a.refs) push(ix.assumptions, r, a);
  for (const e of s.graph.edges) {
    push(ix.edges, e.from, e);
    if (e.to !== e.from) push(ix.edges, e.to, e);
  }
  cache.set(s, ix);
  return ix;
}
