/**
 * Model → graph: nodes (objects, listeners, placeholders for missing targets), edges (relations as
 * data) and namespace groups, with ranks from kinds and summarised status. Pure and linear in the
 * size of the model, so it can run on every edit (10,000 routes: tens of milliseconds).
 */
import type { Model, RouteView } from "../model/model";
import type { Resource } from "../model/resource";
import type { End, GraphCache } from "./cache";
import { summarize, summarizeStatus } from "./health";
import { assignIds, edge, relationEdges, type EndSink, type ListenerPlaces } from "./edges";
import { diagnosticCounts, GroupIds, isTopologyNode, placeholderNode, resourceNode, RANKS } from "./nodes";
import { policyEdges } from "./policies";
import { RouteLookup } from "./routes";
import { ruleSummary } from "./summary";
import type { Graph, GraphEdge, GraphNode, NamespaceGroup, NodeStatus } from "./types";

export type * from "./types";
export { conditionHealth, summarize, summarizeStatus } from "./health";
export { RANKS } from "./nodes";
export { GraphCache } from "./cache";

/**
 * Build the graph of a model. Never throws on a well-formed Model; unknown references become
 * placeholder nodes. Pass the same GraphCache on every edit (with a ControllerCache for the model)
 * to rebuild only what the edit changed; the graph is the same as without it.
 */
export function buildGraph(model: Model, cache?: GraphCache): Graph {
  cache?.begin();
  const nodes = new Map<string, GraphNode>();
  const counts = diagnosticCounts(model);
  const groups = new GroupIds();
  const hasListeners = model.gateways.length > 0;
  /** Ids of nodes of roles a backendRef moves to the Services' column (see placeBackends). */
  const movable = new Set<string>();
  const routes = new RouteLookup(model);
  const views = model.routes;
  let k = 0;
  // byKey holds each object once (the first definition) under its `Kind/ns/name` key, in input order.
  // forEach, not for…of over entries: no [key, value] pair per object (this runs over 10,000s of objects per edit).
  model.byKey.forEach((r, id) => {
    // In the controller's order, route views come with their byKey entries: no lookup by key.
    let view: RouteView | undefined;
    if (!routes.ordered) view = routes.get(id);
    else if (k < views.length && views[k].resource === r && views[k].key === id) view = views[k++];
    if (isTopologyNode(r)) put(nodes, movable, id, objectNode(r, id, model, counts, hasListeners, groups, view, cache));
  });
  const { edges, places, listenerNode } = listenerNodes(model, nodes, groups);
  cache?.listeners(signature(listenerNode));
  // Every end of an edge is a node: the object when it is in the input, else a placeholder. Ends
  // are visited in edge order as edges are made (nothing in between reads the nodes).
  const sink: EndSink = {
    id: (id) => {
      if (!nodes.has(id)) addNode(id, model, nodes, movable, counts, hasListeners, groups, null);
    },
    end: (end) => {
      if (!cache!.seen(end) && !nodes.has(end.id)) addNode(end.id, model, nodes, movable, counts, hasListeners, groups, end);
    },
  };
  for (let i = 0; i < edges.length; i++) {
    sink.id(edges[i].from);
    sink.id(edges[i].to);
  }
  relationEdges(model, places, listenerNode, edges, routes, sink, cache);
  const covered = new Set<string>();
  // Indexed loops over the big lists: for…of may allocate an iterator result per element until optimized.
  const relations = model.relations;
  for (let i = 0; i < relations.length; i++) if (relations[i].type === "targetRef") covered.add(relations[i].from);
  const listenerIds = new Set(listenerNode.values());
  const policyStart = edges.length;
  policyEdges(model, covered, listenerIds, edges);
  for (let i = policyStart; i < edges.length; i++) {
    sink.id(edges[i].from);
    sink.id(edges[i].to);
  }
  placePolicies(nodes, edges);
  placeBackends(nodes, movable, edges);
  assignIds(edges);
  cache?.end();
  return { nodes: [...nodes.values()], edges, groups: groupsOf(nodes, model) };
}

/** The node of an object of the input; a route's carries its hostnames and rule summaries. */
function objectNode(r: Resource, id: string, model: Model, counts: Map<string, { errors: number; warnings: number }>, hasListeners: boolean, groups: GroupIds, view: RouteView | undefined, cache?: GraphCache): GraphNode {
  if (!view) return resourceNode(r, id, model, counts, hasListeners, groups);
  const status = model.status.get(id);
  const c = counts.size > 0 ? counts.get(id) : undefined;
  const errors = c?.errors ?? 0;
  const warnings = c?.warnings ?? 0;
  const hit = cache?.nodeOf(r, id, status, errors, warnings, hasListeners, view);
  if (hit) return hit;
  const n = resourceNode(r, id, model, counts, hasListeners, groups);
  n.data = { hostnames: view.hostnames, rules: view.rules.length, ruleSummaries: view.rules.map((rule) => ruleSummary(rule.raw, view.kind)) };
  cache?.setNode(r, id, status, errors, warnings, hasListeners, view, n);
  return n;
}

/** The listener nodes of a build, as one string (edges to listeners are reused only for the same ones). */
function signature(listenerNode: Map<string, string>): string {
  let s = "";
  for (const [k, v] of listenerNode) s += `${k}=${v};`;
  return s;
}

/** A node for an edge end: the object when it is in the input, else a placeholder (kept on the cached end). */
function addNode(id: string, model: Model, nodes: Map<string, GraphNode>, movable: Set<string>, counts: Map<string, { errors: number; warnings: number }>, hasListeners: boolean, groups: GroupIds, end: End | null): void {
  const r = model.byKey.get(id);
  if (r) put(nodes, movable, id, resourceNode(r, id, model, counts, hasListeners, groups));
  else if (end) put(nodes, movable, id, (end.placeholder ??= placeholderNode(id, groups)));
  else put(nodes, movable, id, placeholderNode(id, groups));
}

function put(nodes: Map<string, GraphNode>, movable: Set<string>, id: string, n: GraphNode): void {
  nodes.set(id, n);
  if (n.role === "other" || n.role === "core") movable.add(id);
}

/** One node per listener (`Listener/ns/gw/name`), and an edge from the object that declares it. */
function listenerNodes(model: Model, nodes: Map<string, GraphNode>, groups: GroupIds): { edges: GraphEdge[]; places: ListenerPlaces; listenerNode: Map<string, string> } {
  const edges: GraphEdge[] = [];
  const places: ListenerPlaces = new Map();
  const listenerNode = new Map<string, string>();
  for (const gw of model.gateways) {
    for (const l of gw.listeners) {
      let id = `Listener/${l.id}`;
      // Two listeners of one name (a Gateway's and a ListenerSet's): keep both, told apart by origin.
      if (nodes.has(id)) id = `${id}@${l.origin}`;
      const slash = l.id.indexOf("/");
      const ns = slash > 0 ? l.id.slice(0, slash) : gw.resource.namespace;
      const origin = model.byKey.get(l.origin);
      const status: NodeStatus = summarize([{ conditions: l.conditions }]);
      nodes.set(id, {
        id,
        kind: "Listener",
        group: "gateway.networking.k8s.io",
        namespace: ns,
        name: l.name,
        role: "listener",
        rank: RANKS.listener,
        groupId: groups.of(ns),
        defined: true,
        status,
        source: origin ? { file: origin.source.file, docIndex: origin.source.docIndex } : undefined,
        data: { gateway: gw.key, origin: l.origin, port: l.port, protocol: l.protocol, hostname: l.hostname, tls: l.tls?.mode ?? null, attachedRoutes: l.routes.length, supportedKinds: l.supportedKinds },
      });
      if (!listenerNode.has(l.id)) listenerNode.set(l.id, id);
      let list = places.get(l.origin);
      if (!list) places.set(l.origin, (list = []));
      list.push({ path: l.path, id });
      const bad = l.conditions.find((c) => c.status === "False" && (c.type === "Accepted" || c.type === "Programmed"));
      edges.push(edge("listener", l.origin, id, l.accepted, l.path, bad?.reason));
    }
    const gwNode = nodes.get(gw.key);
    if (gwNode) gwNode.data = { className: gw.className, listeners: gw.listeners.length, accepted: gw.accepted, programmed: gw.programmed };
  }
  return { edges, places, listenerNode };
}

/** Backends of kinds Switchyard does not model (an InferencePool, a vendor's backend) are drawn with the Services. */
function placeBackends(nodes: Map<string, GraphNode>, movable: Set<string>, edges: GraphEdge[]): void {
  // Only nodes of those roles can move: most builds have none or a few, and look nothing up per edge.
  if (movable.size === 0) return;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if ((e.type !== "backendRef" && e.type !== "mirror") || !movable.has(e.to)) continue;
    const n = nodes.get(e.to);
    // A copy: nodes may be shared with earlier graphs (GraphCache), which must not change.
    if (n && (n.role === "other" || n.role === "core")) nodes.set(e.to, { ...n, role: "service", rank: RANKS.service });
  }
}

/** A policy sits in the column of its first target. */
function placePolicies(nodes: Map<string, GraphNode>, edges: GraphEdge[]): void {
  const placed = new Set<string>();
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.type !== "targetRef" || placed.has(e.from)) continue;
    const p = nodes.get(e.from);
    const t = nodes.get(e.to);
    if (p && t && p.role === "policy") {
      nodes.set(e.from, { ...p, rank: t.rank });
      placed.add(e.from);
    }
  }
}

function groupsOf(nodes: Map<string, GraphNode>, model: Model): NamespaceGroup[] {
  const groups = new Map<string, NamespaceGroup>();
  nodes.forEach((n) => {
    if (!n.groupId) return;
    let g = groups.get(n.groupId);
    if (!g) {
      const ns = model.byKey.get(n.groupId);
      groups.set(n.groupId, (g = { id: n.groupId, namespace: n.namespace, defined: !!ns && ns.group === "", members: [] }));
    }
    g.members.push(n.id);
  });
  return [...groups.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

/** The computed status of one object, summarised (for the inspector and the CLI). */
export function nodeStatusOf(model: Model, key: string): NodeStatus {
  return summarizeStatus(model.status.get(key), true);
}
