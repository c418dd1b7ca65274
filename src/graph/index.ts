/**
 * Model → graph: nodes (objects, listeners, placeholders for missing targets), edges (relations as
 * data) and namespace groups, with ranks from kinds and summarised status. Pure and linear in the
 * size of the model, so it can run on every edit (10,000 routes: tens of milliseconds).
 */
import type { Model, RouteView } from "../model/model";
import type { Resource } from "../model/resource";
import { GraphCache, type End } from "./cache";
import { patchGraph } from "./patch";
import { NodeList } from "./nodelist";
import { summarize, summarizeStatus } from "./health";
import { assignIds, edge, relationEdges, type EndSink, type ListenerPlaces } from "./edges";
import { diagnosticCounts, GroupIds, isTopologyNode, placeholderNode, resourceNode, RANKS } from "./nodes";
import { policyEdges } from "./policies";
import { RouteLookup } from "./routes";
import { ruleSummary } from "./summary";
import { isSetListener, listenerSetData, setListenerKey, setListeners } from "./listenersets";
import type { Graph, GraphEdge, GraphNode, NamespaceGroup, NodeStatus } from "./types";

export type * from "./types";
export { conditionHealth, summarize, summarizeStatus } from "./health";
export { RANKS } from "./nodes";
export { GraphCache };

/**
 * Build the graph of a model. Never throws on a well-formed Model; unknown references become
 * placeholder nodes. Pass the same GraphCache on every edit (with a ControllerCache for the model)
 * to rebuild only what the edit changed; the graph is the same as without it.
 */
export function buildGraph(model: Model, cache: GraphCache = new GraphCache(false)): Graph {
  if (cache.keeps && cache.last) {
    const patched = patchGraph(model, cache);
    cache.lastPatched = patched !== null;
    if (patched) {
      cache.last = { model, graph: patched, listenerNode: cache.last.listenerNode };
      return patched;
    }
  }
  cache.begin();
  const nodes = new NodeList(cache);
  const counts = diagnosticCounts(model);
  const groups = new GroupIds();
  const hasListeners = model.gateways.length > 0;
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
    if (isTopologyNode(r)) objectNode(r, id, model, nodes, counts, hasListeners, groups, view, cache);
    // Other objects become nodes only as edge ends: their End says they are objects (no lookup then).
    else cache.endOf(id).object = cache.build;
  });
  const { edges, places, listenerNode } = listenerNodes(model, nodes, groups, cache);
  cache.listeners(signature(listenerNode));
  // Every end of an edge is a node: the object when it is in the input, else a placeholder. Ends
  // are visited in edge order as edges are made (nothing in between reads the nodes).
  const meshParents: End[] = [];
  const sink: EndSink = {
    id: (id) => sink.end(cache.endOf(id)),
    end: (end) => {
      if (!nodes.has(end)) addNode(end, model, nodes, counts, hasListeners, groups, cache);
    },
    backendTarget: (end) => nodes.backendTarget(end),
    meshParent: (end) => meshParents.push(end),
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
  placeMeshParents(nodes, meshParents, cache);
  placePolicies(nodes, edges, cache);
  placeBackends(nodes);
  assignIds(edges);
  cache.end(nodes.list.length);
  const graph: Graph = { nodes: nodes.list, edges, groups: groupsOf(nodes.list, model) };
  if (cache.keeps) cache.last = { model, graph, listenerNode };
  return graph;
}

/** The node of an object of the input; a route's carries its hostnames and rule summaries. */
function objectNode(r: Resource, id: string, model: Model, nodes: NodeList, counts: Map<string, { errors: number; warnings: number }>, hasListeners: boolean, groups: GroupIds, view: RouteView | undefined, cache: GraphCache): void {
  if (!view) {
    nodes.set(cache.endOf(id), resourceNode(r, id, model, counts, hasListeners, groups));
    return;
  }
  const status = model.status.get(id);
  const c = counts.size > 0 ? counts.get(id) : undefined;
  const errors = c?.errors ?? 0;
  const warnings = c?.warnings ?? 0;
  const hit = cache.nodeOf(r, id, status, errors, warnings, hasListeners, view);
  if (hit) {
    nodes.set(hit.end, hit.node);
    return;
  }
  const n = resourceNode(r, id, model, counts, hasListeners, groups);
  n.data = { hostnames: view.hostnames, rules: view.rules.length, ruleSummaries: view.rules.map((rule) => ruleSummary(rule.raw, view.kind)) };
  nodes.set(cache.setNode(r, id, status, errors, warnings, hasListeners, view, n), n);
}

/** The listener nodes of a build, as one string (edges to listeners are reused only for the same ones). */
function signature(listenerNode: Map<string, string>): string {
  let s = "";
  for (const [k, v] of listenerNode) s += `${k}=${v};`;
  return s;
}

/** A node for an edge end: the object when it is in the input, else a placeholder (kept on the End). */
function addNode(end: End, model: Model, nodes: NodeList, counts: Map<string, { errors: number; warnings: number }>, hasListeners: boolean, groups: GroupIds, cache: GraphCache): void {
  const r = end.object === cache.build ? model.byKey.get(end.id) : undefined;
  nodes.set(end, r ? resourceNode(r, end.id, model, counts, hasListeners, groups) : (end.placeholder ??= placeholderNode(end.id, groups)));
}

/** One node per listener (`Listener/ns/gw/name`), and an edge from the object that declares it. */
function listenerNodes(model: Model, nodes: NodeList, groups: GroupIds, cache: GraphCache): { edges: GraphEdge[]; places: ListenerPlaces; listenerNode: Map<string, string> } {
  const edges: GraphEdge[] = [];
  const places: ListenerPlaces = new Map();
  const listenerNode = new Map<string, string>();
  /** ListenerSet key → its Gateway and how many listeners it adds. */
  const sets = new Map<string, { gateway: string; listeners: number }>();
  for (const gw of model.gateways) {
    for (const l of gw.listeners) {
      let id = `Listener/${l.id}`;
      // Two listeners of one name (a Gateway's and a ListenerSet's): keep both, told apart by origin.
      if (nodes.has(cache.endOf(id))) id = `${id}@${l.origin}`;
      const slash = l.id.indexOf("/");
      const ns = slash > 0 ? l.id.slice(0, slash) : gw.resource.namespace;
      const origin = model.byKey.get(l.origin);
      const status: NodeStatus = summarize([{ conditions: l.conditions }]);
      nodes.set(cache.endOf(id), {
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
      if (isSetListener(l, gw.key)) {
        // A ListenerSet's listener, also known as `ListenerSet/ns/name/listener` (parentRefs name it so).
        const k = setListenerKey(l.origin, l.name);
        if (!listenerNode.has(k)) listenerNode.set(k, id);
        const s = sets.get(l.origin);
        if (s) s.listeners++;
        else sets.set(l.origin, { gateway: gw.key, listeners: 1 });
      }
      let list = places.get(l.origin);
      if (!list) places.set(l.origin, (list = []));
      list.push({ path: l.path, id });
      const bad = l.conditions.find((c) => c.status === "False" && (c.type === "Accepted" || c.type === "Programmed"));
      edges.push(edge("listener", l.origin, id, l.accepted, l.path, bad?.reason));
    }
    const gwNode = nodes.get(cache.endOf(gw.key));
    // The Gateway's own listeners (those of its ListenerSets are counted on the sets).
    if (gwNode) gwNode.data = { className: gw.className, listeners: gw.listeners.length - setListeners(gw.listeners, gw.key), accepted: gw.accepted, programmed: gw.programmed };
  }
  for (const [key, s] of sets) {
    const n = nodes.get(cache.endOf(key));
    if (n) n.data = listenerSetData(model, key, s.gateway, s.listeners);
  }
  return { edges, places, listenerNode };
}

/** Backends of kinds Switchyard does not model (an InferencePool, a vendor's backend) are drawn with the Services. */
function placeBackends(nodes: NodeList): void {
  // The targets of backendRef and mirror edges whose nodes have such roles, noted as edges were made.
  for (const end of nodes.backendTargets) {
    const n = nodes.get(end);
    // A copy: nodes may be shared with earlier graphs (GraphCache), which must not change.
    if (n && (n.role === "other" || n.role === "core")) nodes.set(end, { ...n, role: "service", rank: RANKS.service });
  }
}

/**
 * A Service that is a route's mesh parent (GAMMA: its frontend) is drawn left of the routes, in the
 * listener column: requests enter through it, as they enter a Gateway's routes through a listener,
 * so the picture still reads left to right (frontend → route → backends). A Service that is also a
 * backendRef or mirror target stays with the backends (one node per object): its meshParent edges
 * then run within the backend column's side of the routes.
 */
function placeMeshParents(nodes: NodeList, parents: End[], cache: GraphCache): void {
  for (let i = 0; i < parents.length; i++) {
    const end = parents[i];
    const n = nodes.get(end);
    // A copy: nodes may be shared with earlier graphs (GraphCache), which must not change.
    if (n && n.role === "service" && n.rank === RANKS.service && end.target !== cache.build) nodes.set(end, { ...n, rank: RANKS.listener });
  }
}

/** A policy sits in the column of its first target. */
function placePolicies(nodes: NodeList, edges: GraphEdge[], cache: GraphCache): void {
  const placed = new Set<string>();
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.type !== "targetRef" || placed.has(e.from)) continue;
    const from = cache.endOf(e.from);
    const p = nodes.get(from);
    const t = nodes.get(cache.endOf(e.to));
    if (p && t && p.role === "policy") {
      nodes.set(from, { ...p, rank: t.rank });
      placed.add(e.from);
    }
  }
}

function groupsOf(nodes: GraphNode[], model: Model): NamespaceGroup[] {
  const groups = new Map<string, NamespaceGroup>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!n.groupId) continue;
    let g = groups.get(n.groupId);
    if (!g) {
      const ns = model.byKey.get(n.groupId);
      groups.set(n.groupId, (g = { id: n.groupId, namespace: n.namespace, defined: !!ns && ns.group === "", members: [] }));
    }
    g.members.push(n.id);
  }
  return [...groups.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

/** The computed status of one object, summarised (for the inspector and the CLI). */
export function nodeStatusOf(model: Model, key: string): NodeStatus {
  return summarizeStatus(model.status.get(key), true);
}
