/**
 * GraphCache: what `buildGraph` keeps between builds of one evolving configuration, so that an edit
 * costs what it changed. With a ControllerCache the controller hands unchanged routes' relations,
 * statuses and views over as the same objects; the graph then reuses what it made from them:
 * - edges, per relation object, while what else they were made from (the edge's source node, the
 *   backendRef's share, the route parent and the listener nodes) is unchanged;
 * - route nodes, per raw object, while the status object, the diagnostic counts, the place in the
 *   input and the view's hostnames and rules are the same;
 * - placeholder nodes, per id.
 * It also knows every node id by an End record, so a build asks "is this a node yet?" without a
 * lookup. Reused objects are never mutated (placement copies a node before changing it), so graphs built
 * earlier stay as they were. The graph is the same as without the cache.
 */
import type { Model, ParentView, Relation, RouteView } from "../model/model";
import type { Resource } from "../model/resource";
import type { Graph, GraphEdge, GraphNode } from "./types";

interface EdgeMemo {
  from: string;
  percent: number | undefined;
  parent: ParentView | null;
  edges: GraphEdge[];
  /** The ends of `edges` (from, to, from, to…). */
  ends: End[];
  /** The first edge and its ends, held directly (most relations make one edge: no array to read). */
  edge: GraphEdge;
  fromEnd: End;
  toEnd: End;
  /** Where `edges` start in the edges of the last build that used them (for patching that graph). */
  at: number;
}

/**
 * A node id as the cache knows it: the build in which it last became a node and its place in that
 * build's node list (so "is it a node yet?" needs no lookup by id), and its placeholder node once
 * one was made.
 */
export interface End {
  id: string;
  build: number;
  index: number;
  /** The build in which the id is a `byKey` object that is not a node by itself (so an edge end makes it one). */
  object: number;
  /** The build in which its node is of a role a backendRef moves (see buildGraph's placeBackends). */
  movable: number;
  /** The build in which it is the target of a backendRef or mirror edge (see buildGraph's placeMeshParents). */
  target: number;
  placeholder: GraphNode | null;
}

interface NodeMemo {
  /** The resource's identity and what the node shows of it (kept here: no read of the earlier resource). */
  kind: string;
  group: string;
  namespace: string;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  /** The route view's parts the node shows (kept here: no read of the earlier view). */
  viewKind: string | undefined;
  hostnames: string[] | undefined;
  rules: unknown[] | undefined;
  id: string;
  end: End;
  status: unknown;
  errors: number;
  warnings: number;
  withListeners: boolean;
  file: string;
  docIndex: number;
  node: GraphNode;
}

/** Ids kept at most beyond what the last build used; past that, everything is forgotten. */
const SPARE_ENDS = 50_000;

/**
 * Pass the same cache to every `buildGraph` of one configuration as it is edited. Opaque.
 * (`buildGraph` without a cache uses a throwaway one that keeps nothing.)
 */
export class GraphCache {
  private sig = "";
  private edges = new WeakMap<Relation, EdgeMemo>();
  private nodes = new WeakMap<object, NodeMemo>();
  /** Node ids seen by the builds (never pruned one by one: memos point at them). */
  private ends = new Map<string, End>();
  /** The current build's number: an End whose `build` equals it is a node of this build. */
  build = 0;
  /** Edges made (not found in the cache) by the last build; for tests and benchmarks. */
  lastNewEdges = 0;
  /** Whether the last build patched the graph before it (patch.ts) instead of building. */
  lastPatched = false;
  /** The last graph and what it was built from, to patch it. */
  last: { model: Model; graph: Graph; listenerNode: Map<string, string> } | null = null;

  /** `keep`: remember what builds make (a throwaway cache for one build does not). */
  constructor(private readonly keep = true) {}

  /** Start a build. */
  begin(): void {
    this.lastNewEdges = 0;
    this.lastPatched = false;
    this.build++;
  }

  /** `sig` names the listener nodes of this build: edges made for other listener nodes are dropped. */
  listeners(sig: string): void {
    if (sig !== this.sig) this.edges = new WeakMap();
    this.sig = sig;
  }

  /** End a build of `nodes` nodes: when ids have piled up far beyond that, start afresh. */
  end(nodes: number): void {
    if (this.ends.size <= 2 * nodes + SPARE_ENDS) return;
    this.last = null;
    this.ends = new Map();
    this.edges = new WeakMap();
    this.nodes = new WeakMap();
  }

  /** The edges made from `rel` before (with their ends), when made from the same inputs. */
  edgesOf(rel: Relation, from: string, percent: number | undefined, parent: ParentView | null): EdgeMemo | undefined {
    if (!this.keep) return undefined;
    const m = this.edges.get(rel);
    return m && m.from === from && m.percent === percent && m.parent === parent ? m : undefined;
  }

  /** Keep the edges made from `rel`; returns their ends. */
  setEdges(rel: Relation, from: string, percent: number | undefined, parent: ParentView | null, edges: GraphEdge[], at: number): End[] {
    this.lastNewEdges += edges.length;
    const ends: End[] = [];
    for (const e of edges) ends.push(this.endOf(e.from), this.endOf(e.to));
    if (this.keep && edges.length > 0) this.edges.set(rel, { from, percent, parent, edges, ends, edge: edges[0], fromEnd: ends[0], toEnd: ends[1], at });
    return ends;
  }

  /** The edges kept for a relation (whatever they were made from). */
  memoOf(rel: Relation): { edges: GraphEdge[]; at: number } | undefined {
    return this.keep ? this.edges.get(rel) : undefined;
  }

  /** Whether this cache keeps what builds make. */
  get keeps(): boolean {
    return this.keep;
  }

  /** The End of an id. */
  endOf(id: string): End {
    let e = this.ends.get(id);
    if (e === undefined) this.ends.set(id, (e = { id, build: 0, index: -1, object: 0, movable: 0, target: 0, placeholder: null }));
    return e;
  }

  /** The node made for a resource before (with its End), when made from the same inputs. */
  nodeOf(r: Resource, id: string, status: unknown, errors: number, warnings: number, withListeners: boolean, view: RouteView | undefined): NodeMemo | undefined {
    const obj = r.obj;
    if (!this.keep || obj === null || typeof obj !== "object") return undefined;
    const m = this.nodes.get(obj);
    if (!m || m.id !== id || m.status !== status || m.errors !== errors || m.warnings !== warnings || m.withListeners !== withListeners) return undefined;
    if (m.spec !== r.spec || m.name !== r.name || m.namespace !== r.namespace || m.kind !== r.kind || m.group !== r.group) return undefined;
    const src = r.source;
    if (m.file !== src.file || m.docIndex !== src.docIndex) return undefined;
    if (view === undefined ? m.viewKind !== undefined : m.viewKind !== view.kind || m.hostnames !== view.hostnames || m.rules !== view.rules) return undefined;
    return m;
  }

  /** Keep the node made for a resource; returns its End. */
  setNode(r: Resource, id: string, status: unknown, errors: number, warnings: number, withListeners: boolean, view: RouteView | undefined, node: GraphNode): End {
    const end = this.endOf(id);
    const obj = r.obj;
    if (this.keep && obj !== null && typeof obj === "object") {
      this.nodes.set(obj, { kind: r.kind, group: r.group, namespace: r.namespace, name: r.name, spec: r.spec, viewKind: view?.kind, hostnames: view?.hostnames, rules: view?.rules, id, end, status, errors, warnings, withListeners, file: r.source.file, docIndex: r.source.docIndex, node });
    }
    return end;
  }
}

