/**
 * Lookups over a snapshot, each built on first use once per list (snapshots are immutable; WeakMaps
 * drop the maps with their lists). Panels read nodes, statuses and diagnostics by id without scanning.
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

/**
 * One map per list, built on first use and kept as long as the list: a snapshot rebuilt from a
 * delta keeps the previous snapshot's lists that did not change, so an edit re-indexes only what
 * it changed (and a panel that reads only `nodes` never builds the others).
 */
function perList<L extends object, V>(build: (list: L) => V): (list: L) => V {
  const memo = new WeakMap<L, V>();
  return (list) => {
    let v = memo.get(list);
    if (v === undefined) memo.set(list, (v = build(list)));
    return v;
  };
}

const nodesOf = perList((nodes: GraphNode[]) => new Map(nodes.map((n) => [n.id, n])));
const statusOf = perList((status: ResourceStatus[]) => new Map(status.map((st) => [refKey(st), st])));
const diagnosticsOf = perList((diagnostics: Diagnostic[]) => {
  const m = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.resource) push(m, refKey(d.resource), d);
  return m;
});
const assumptionsOf = perList((assumptions: Assumption[]) => {
  const m = new Map<string, Assumption[]>();
  for (const a of assumptions) for (const r of a.refs) push(m, r, a);
  return m;
});
const edgesOf = perList((edges: GraphEdge[]) => {
  const m = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    push(m, e.from, e);
    if (e.to !== e.from) push(m, e.to, e);
  }
  return m;
});

export function indexOf(s: Snapshot | null | undefined): SnapshotIndex {
  if (!s) return EMPTY;
  let ix = cache.get(s);
  if (ix) return ix;
  ix = {
    get nodes() {
      return nodesOf(s.graph.nodes);
    },
    get status() {
      return statusOf(s.status);
    },
    get diagnostics() {
      return diagnosticsOf(s.diagnostics);
    },
    get assumptions() {
      return assumptionsOf(s.assumptions);
    },
    get edges() {
      return edgesOf(s.graph.edges);
    },
  };
  cache.set(s, ix);
  return ix;
}
