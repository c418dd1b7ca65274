/**
 * Model → graph: nodes (objects, listeners, placeholders for missing targets), edges (relations as
 * data) and namespace groups, with ranks from kinds and summarised status. Pure and linear in the
 * size of the model, so it can run on every edit (10,000 routes: tens of milliseconds).
 */
import type { Model } from "../model/model";
import { summarize, summarizeStatus } from "./health";
import { assignIds, edge, relationEdges, type ListenerPlaces } from "./edges";
import { diagnosticCounts, GroupIds, isTopologyNode, placeholderNode, resourceNode, RANKS } from "./nodes";
import { policyEdges } from "./policies";
import { ruleSummary } from "./summary";
import type { Graph, GraphEdge, GraphNode, NamespaceGroup, NodeStatus } from "./types";

export type * from "./types";
export { conditionHealth, summarize, summarizeStatus } from "./health";
export { RANKS } from "./nodes";

/** Build the graph of a model. Never throws on a well-formed Model; unknown references become placeholder nodes. */
export function buildGraph(model: Model): Graph {
  const nodes = new Map<string, GraphNode>();
  const counts = diagnosticCounts(model);
  const groups = new GroupIds();
  const hasListeners = model.gateways.length > 0;
  // byKey holds each object once (the first definition) under its `Kind/ns/name` key, in input order.
  for (const [id, r] of model.byKey) if (isTopologyNode(r)) nodes.set(id, resourceNode(r, id, model, counts, hasListeners, groups));
  const { edges, places, listenerNode } = listenerNodes(model, nodes, groups);
  relationEdges(model, places, listenerNode, edges);
  const covered = new Set<string>();
  for (const rel of model.relations) if (rel.type === "targetRef") covered.add(rel.from);
  const listenerIds = new Set(listenerNode.values());
  policyEdges(model, covered, listenerIds, edges);
  // Every end of an edge is a node: the object when it is in the input, else a placeholder.
  for (const e of edges) {
    if (!nodes.has(e.from)) addNode(e.from, model, nodes, counts, hasListeners, groups);
    if (!nodes.has(e.to)) addNode(e.to, model, nodes, counts, hasListeners, groups);
  }
  placePolicies(nodes, edges);
  placeBackends(nodes, edges);
  assignIds(edges);
  return { nodes: [...nodes.values()], edges, groups: groupsOf(nodes, model) };
}

function addNode(id: string, model: Model, nodes: Map<string, GraphNode>, counts: Map<string, { errors: number; warnings: number }>, hasListeners: boolean, groups: GroupIds): void {
  const r = model.byKey.get(id);
  nodes.set(id, r ? resourceNode(r, id, model, counts, hasListeners, groups) : placeholderNode(id, groups));
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
  for (const route of model.routes) {
    const n = nodes.get(route.key);
    if (n) n.data = { hostnames: route.hostnames, rules: route.rules.length, ruleSummaries: route.rules.map((r) => ruleSummary(r.raw, route.kind)) };
  }
  return { edges, places, listenerNode };
}

/** Backends of kinds Switchyard does not model (an InferencePool, a vendor's backend) are drawn with the Services. */
function placeBackends(nodes: Map<string, GraphNode>, edges: GraphEdge[]): void {
  for (const e of edges) {
    if (e.type !== "backendRef" && e.type !== "mirror") continue;
    const n = nodes.get(e.to);
    if (n && (n.role === "other" || n.role === "core")) {
      n.role = "service";
      n.rank = RANKS.service;
    }
  }
}

/** A policy sits in the column of its first target. */
function placePolicies(nodes: Map<string, GraphNode>, edges: GraphEdge[]): void {
  const placed = new Set<string>();
  for (const e of edges) {
    if (e.type !== "targetRef" || placed.has(e.from)) continue;
    const p = nodes.get(e.from);
    const t = nodes.get(e.to);
    if (p && t && p.role === "policy") {
      p.rank = t.rank;
      placed.add(e.from);
    }
  }
}

function groupsOf(nodes: Map<string, GraphNode>, model: Model): NamespaceGroup[] {
  const groups = new Map<string, NamespaceGroup>();
  for (const n of nodes.values()) {
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
