/**
 * Model → graph: nodes (objects, listeners, placeholders for missing targets), edges (relations as
 * data) and namespace groups, with ranks from kinds and summarised status. Pure and linear in the
 * size of the model, so it can run on every edit.
 */
import type { Model } from "../model/model";
import { refKey } from "../model/ids";
import { conditionSets, summarize } from "./health";
import { relationEdges, type ListenerPlaces } from "./edges";
import { diagnosticCounts, isTopologyNode, placeholderNode, resourceNode, RANKS } from "./nodes";
import { policyEdges } from "./policies";
import type { Graph, GraphEdge, GraphNode, NamespaceGroup } from "./types";

export type * from "./types";
export { conditionHealth, summarize } from "./health";
export { RANKS } from "./nodes";

/** Build the graph of a model. Never throws on a well-formed Model; unknown references become placeholder nodes. */
export function buildGraph(model: Model): Graph {
  const nodes = new Map<string, GraphNode>();
  const counts = diagnosticCounts(model);
  const hasListeners = model.gateways.length > 0;
  for (const r of model.resources) {
    if (!isTopologyNode(r)) continue;
    const id = refKey(r);
    if (!nodes.has(id)) nodes.set(id, resourceNode(r, model, counts, hasListeners));
  }
  const { edges: declared, places } = listenerNodes(model, nodes);
  const listenerIds = new Set<string>();
  for (const ls of places.values()) for (const l of ls) listenerIds.add(l.id);
  const edges: GraphEdge[] = [...declared, ...relationEdges(model, places, listenerIds)];
  const covered = new Set<string>();
  for (const rel of model.relations) if (rel.type === "targetRef") covered.add(rel.from);
  edges.push(...policyEdges(model, covered, listenerIds));
  // Every end of an edge is a node: the object when it is in the input, else a placeholder.
  for (const e of edges) {
    for (const id of [e.from, e.to]) {
      if (nodes.has(id)) continue;
      const r = model.byKey.get(id);
      nodes.set(id, r ? resourceNode(r, model, counts, hasListeners) : placeholderNode(id));
    }
  }
  placePolicies(nodes, edges);
  return { nodes: [...nodes.values()], edges: dedupe(edges), groups: groupsOf(nodes, model) };
}

/** One node per listener (`Listener/ns/gw/name`), and an edge from the object that declares it. */
function listenerNodes(model: Model, nodes: Map<string, GraphNode>): { edges: GraphEdge[]; places: ListenerPlaces } {
  const edges: GraphEdge[] = [];
  const places: ListenerPlaces = new Map();
  for (const gw of model.gateways) {
    for (const l of gw.listeners) {
      let id = `Listener/${l.id}`;
      // Two listeners of one name (a Gateway's and a ListenerSet's): keep both, told apart by origin.
      if (nodes.has(id)) id = `${id}@${l.origin}`;
      const [ns, gwName] = l.id.split("/");
      const node: GraphNode = {
        id,
        kind: "Listener",
        group: "gateway.networking.k8s.io",
        namespace: ns ?? gw.resource.namespace,
        name: l.name,
        role: "listener",
        rank: RANKS.listener,
        groupId: `Namespace/${ns ?? gw.resource.namespace}`,
        defined: true,
        status: summarize([{ conditions: l.conditions }]),
        data: { gateway: `Gateway/${ns}/${gwName}`, origin: l.origin, port: l.port, protocol: l.protocol, hostname: l.hostname, attachedRoutes: l.routes.length, supportedKinds: l.supportedKinds },
      };
      const origin = model.byKey.get(l.origin);
      if (origin) node.source = { file: origin.source.file, docIndex: origin.source.docIndex };
      nodes.set(id, node);
      let list = places.get(l.origin);
      if (!list) places.set(l.origin, (list = []));
      list.push({ path: l.path, id });
      const bad = l.conditions.find((c) => c.status === "False" && (c.type === "Accepted" || c.type === "Programmed"));
      const e: GraphEdge = { id: `listener:${l.origin}->${id}`, type: "listener", from: l.origin, to: id, ok: l.accepted, path: l.path };
      if (bad) e.reason = bad.reason;
      edges.push(e);
    }
    const gwNode = nodes.get(gw.key);
    if (gwNode) gwNode.data = { className: gw.className, listeners: gw.listeners.length, accepted: gw.accepted, programmed: gw.programmed };
  }
  for (const route of model.routes) {
    const n = nodes.get(route.key);
    if (n) n.data = { hostnames: route.hostnames, rules: route.rules.length };
  }
  return { edges, places };
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

/** The same reference twice (two identical backendRefs) is one edge with the first one's data. */
function dedupe(edges: GraphEdge[]): GraphEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}

function groupsOf(nodes: Map<string, GraphNode>, model: Model): NamespaceGroup[] {
  const groups = new Map<string, NamespaceGroup>();
  for (const n of nodes.values()) {
    if (!n.groupId) continue;
    let g = groups.get(n.groupId);
    if (!g) {
      const ns = model.byKey.get(`Namespace/${n.namespace}`);
      groups.set(n.groupId, (g = { id: n.groupId, namespace: n.namespace, defined: !!ns && ns.group === "", members: [] }));
    }
    g.members.push(n.id);
  }
  return [...groups.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

/** The computed status of one object, summarised (for the inspector and the CLI). */
export function nodeStatusOf(model: Model, key: string): ReturnType<typeof summarize> {
  return summarize(conditionSets(model.status.get(key), true));
}
