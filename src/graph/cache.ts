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
  /** Placeholder nodes by id, with the build that last used each (unused ones are pruned now and then). */
  private placeholders = new Map<string, { node: GraphNode; build: number }>();
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

  /** End a build: when most placeholders went unused, those not used by this build are forgotten. */
  end(): void {
    if (this.placeholders.size <= 2 * this.used + 1000) return;
    for (const [id, p] of this.placeholders) if (p.build !== this.build) this.placeholders.delete(id);
  }

  /** The edges made from `rel` before, when made from the same inputs. */
  edgesOf(rel: Relation, from: string, percent: number | undefined, parent: ParentView | null): GraphEdge[] | undefined {
    const m = this.edges.get(rel);
    return m && m.from === from && m.percent === percent && m.parent === parent ? m.edges : undefined;
  }

  setEdges(rel: Relation, from: string, percent: number | undefined, parent: ParentView | null, edges: GraphEdge[]): void {
    this.lastNewEdges += edges.length;
    this.edges.set(rel, { from, percent, parent, edges });
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

  /** The placeholder node made before for an id (placeholders depend on nothing else). */
  placeholder(id: string): GraphNode | undefined {
    const p = this.placeholders.get(id);
    if (p === undefined) return undefined;
    if (p.build !== this.build) {
      p.build = this.build;
      this.used++;
    }
    return p.node;
  }

  setPlaceholder(id: string, node: GraphNode): void {
    this.placeholders.set(id, { node, build: this.build });
    this.used++;
  }
}

function sameResource(a: Resource, b: Resource): boolean {
  return a.kind === b.kind && a.group === b.group && a.namespace === b.namespace && a.name === b.name && a.spec === b.spec;
}
