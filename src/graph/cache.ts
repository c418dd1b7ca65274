/**
 * GraphCache: what `buildGraph` keeps between builds of one evolving configuration, so that an edit
 * costs what it changed. With a ControllerCache the controller hands unchanged routes' relations,
 * statuses and views over as the same objects; the graph then reuses what it made from them:
 * - edges, per relation object, while what else they were made from (the edge's source node, the
 *   backendRef's share, the route parent and the listener nodes) is unchanged;
 * - route nodes, per raw object, while the status object, the diagnostic counts, the place in the
 *   input and the view's hostnames and rules are the same;
 * - placeholder nodes, per id.
 * Reused objects are never mutated (placement copies a node before changing it), so graphs built
 * earlier stay as they were. The graph is the same as without the cache.
 */
import type { ParentView, Relation, RouteView } from "../model/model";
import type { Resource } from "../model/resource";
import type { GraphEdge, GraphNode } from "./types";

interface EdgeMemo {
  from: string;
  percent: number | undefined;
  parent: ParentView | null;
  edges: GraphEdge[];
  /** The ends of `edges` (from, to, from, to…). */
  ends: End[];
}

/**
 * A node id at the end of edges, as the cache knows it: the build that last saw it (so a build
 * checks each id once, not once per edge) and its placeholder node once one was made.
 */
export interface End {
  id: string;
  build: number;
  placeholder: GraphNode | null;
}

interface NodeMemo {
  res: Resource;
  id: string;
  status: unknown;
  errors: number;
  warnings: number;
  withListeners: boolean;
  file: string;
  docIndex: number;
  view: RouteView | undefined;
  node: GraphNode;
}

/** Pass the same cache to every `buildGraph` of one configuration as it is edited. Opaque. */
export class GraphCache {
  private sig = "";
  private edges = new WeakMap<Relation, EdgeMemo>();
  private nodes = new WeakMap<object, NodeMemo>();
  /** Edge ends by id (pruned now and then of those the last build did not see). */
  private ends = new Map<string, End>();
  private build = 0;
  private used = 0;
  /** Edges made (not found in the cache) by the last build; for tests and benchmarks. */
  lastNewEdges = 0;

  /** Start a build. */
  begin(): void {
    this.lastNewEdges = 0;
    this.build++;
    this.used = 0;
  }

  /** `sig` names the listener nodes of this build: edges made for other listener nodes are dropped. */
  listeners(sig: string): void {
    if (sig !== this.sig) this.edges = new WeakMap();
    this.sig = sig;
  }

  /** End a build: when most edge ends went unseen, those this build did not see are forgotten. */
  end(): void {
    if (this.ends.size <= 2 * this.used + 1000) return;
    for (const [id, e] of this.ends) if (e.build !== this.build) this.ends.delete(id);
  }

  /** The edges made from `rel` before (with their ends), when made from the same inputs. */
  edgesOf(rel: Relation, from: string, percent: number | undefined, parent: ParentView | null): EdgeMemo | undefined {
    const m = this.edges.get(rel);
    return m && m.from === from && m.percent === percent && m.parent === parent ? m : undefined;
  }

  /** Keep the edges made from `rel`; returns their ends. */
  setEdges(rel: Relation, from: string, percent: number | undefined, parent: ParentView | null, edges: GraphEdge[]): End[] {
    this.lastNewEdges += edges.length;
    const ends: End[] = [];
    for (const e of edges) ends.push(this.endOf(e.from), this.endOf(e.to));
    this.edges.set(rel, { from, percent, parent, edges, ends });
    return ends;
  }

  /** The edge end of an id. */
  endOf(id: string): End {
    let e = this.ends.get(id);
    if (e === undefined) this.ends.set(id, (e = { id, build: 0, placeholder: null }));
    return e;
  }

  /** Whether this build has seen the end already (and mark it seen). */
  seen(e: End): boolean {
    if (e.build === this.build) return true;
    e.build = this.build;
    this.used++;
    return false;
  }

  /** The node made for a resource before, when made from the same inputs. */
  nodeOf(r: Resource, id: string, status: unknown, errors: number, warnings: number, withListeners: boolean, view: RouteView | undefined): GraphNode | undefined {
    const obj = r.obj;
    if (obj === null || typeof obj !== "object") return undefined;
    const m = this.nodes.get(obj);
    if (!m || m.id !== id || m.status !== status || m.errors !== errors || m.warnings !== warnings || m.withListeners !== withListeners) return undefined;
    if (m.file !== r.source.file || m.docIndex !== r.source.docIndex || !sameResource(m.res, r)) return undefined;
    if (m.view !== view && !(m.view && view && m.view.kind === view.kind && m.view.hostnames === view.hostnames && m.view.rules === view.rules)) return undefined;
    return m.node;
  }

  setNode(r: Resource, id: string, status: unknown, errors: number, warnings: number, withListeners: boolean, view: RouteView | undefined, node: GraphNode): void {
    const obj = r.obj;
    if (obj === null || typeof obj !== "object") return;
    this.nodes.set(obj, { res: r, id, status, errors, warnings, withListeners, file: r.source.file, docIndex: r.source.docIndex, view, node });
  }
}

function sameResource(a: Resource, b: Resource): boolean {
  return a.kind === b.kind && a.group === b.group && a.namespace === b.namespace && a.name === b.name && a.spec === b.spec;
}
