/**
 * Reference implementation of `buildGraph` for tests: the graph builder as it was before the
 * GraphCache (a map of nodes, an end check per edge, a map of rule totals), kept verbatim so the
 * cached builder can be compared with it on any model.
 */
import type { Model, Relation, RouteView } from "../../model/model";
import type { PathSegment } from "../../model/source";
import { summarize } from "../health";
import { diagnosticCounts, GroupIds, isTopologyNode, placeholderNode, resourceNode, RANKS } from "../nodes";
import { policyEdges } from "../policies";
import { ruleSummary } from "../summary";
import { isSetListener, listenerSetData, namedListener, setListenerKey, setListeners } from "../listenersets";
import type { EdgeType, Graph, GraphEdge, GraphNode, NamespaceGroup, NodeStatus } from "../types";

/** Build the graph of a model. Never throws on a well-formed Model; unknown references become placeholder nodes. */
export function buildGraphReference(model: Model): Graph {
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
  placeMeshParents(nodes, edges);
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
  /** ListenerSet key → its Gateway and how many listeners it adds. */
  const sets = new Map<string, { gateway: string; listeners: number }>();
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
    const gwNode = nodes.get(gw.key);
    // The Gateway's own listeners (those of its ListenerSets are counted on the sets).
    if (gwNode) gwNode.data = { className: gw.className, listeners: gw.listeners.length - setListeners(gw.listeners, gw.key), accepted: gw.accepted, programmed: gw.programmed };
  }
  for (const [key, s] of sets) {
    const n = nodes.get(key);
    if (n) n.data = listenerSetData(model, key, s.gateway, s.listeners);
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

/** A Service that is a mesh parent and no backendRef or mirror target is drawn in the listener column. */
function placeMeshParents(nodes: Map<string, GraphNode>, edges: GraphEdge[]): void {
  const targets = new Set<string>();
  for (const e of edges) if (e.type === "backendRef" || e.type === "mirror") targets.add(e.to);
  for (const e of edges) {
    if (e.type !== "meshParent" || targets.has(e.to)) continue;
    const n = nodes.get(e.to);
    if (n && n.role === "service" && n.rank === RANKS.service) n.rank = RANKS.listener;
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


/** Listener nodes by the place they are declared: origin key → [path, node id]. */
type ListenerPlaces = Map<string, { path: PathSegment[]; id: string }[]>;

function startsWith(path: PathSegment[], prefix: PathSegment[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/** A reference made from inside a listener (its certificateRefs) starts at the listener's node. */
function sourceOf(rel: Relation, places: ListenerPlaces): string {
  const ls = places.get(rel.from);
  if (ls) for (const l of ls) if (startsWith(rel.path, l.path)) return l.id;
  return rel.from;
}

/** One edge, always with every field (a single object shape keeps the consumers' property reads fast). */
function edge(type: EdgeType, from: string, to: string, ok: boolean, path: PathSegment[], reason?: string): GraphEdge {
  return { id: "", type, from, to, ok, reason, section: undefined, weight: undefined, percent: undefined, rule: undefined, grant: undefined, path };
}

/** `spec.rules[i]…` → i, else -1. */
function ruleOf(path: PathSegment[]): number {
  return path[0] === "spec" && path[1] === "rules" && typeof path[2] === "number" ? path[2] : -1;
}

/** BackendRef.weight defaults to 1. */
function weightOf(rel: Relation): number {
  const w = rel.weight;
  return typeof w === "number" && Number.isFinite(w) && w >= 0 ? w : 1;
}

/**
 * Edges of the relations. A parentRef becomes one edge per listener the route attached to (ok), or,
 * when it attached nowhere, one edge to the listener it names (or the parent) with the reason.
 * backendRef edges carry their weight and their share of their rule's traffic
 * (HTTPBackendRef.weight: "proportion of requests forwarded … computed as weight/(sum of all weights in this BackendRefs list)").
 * `listenerNode` maps a ListenerView id (`ns/gw/name`) to its node id.
 */
function relationEdges(model: Model, places: ListenerPlaces, listenerNode: Map<string, string>, edges: GraphEdge[]): void {
  const routes = new Map<string, RouteView>();
  for (const r of model.routes) routes.set(r.key, r);
  // Sum of weights per rule, keyed by the route's own key string: route → weight per rule index.
  const totals = new Map<string, number[]>();
  for (const rel of model.relations) {
    if (rel.type !== "backendRef") continue;
    const rule = ruleOf(rel.path);
    if (rule < 0) continue;
    let t = totals.get(rel.from);
    if (!t) totals.set(rel.from, (t = []));
    t[rule] = (t[rule] ?? 0) + weightOf(rel);
  }
  for (const rel of model.relations) {
    if (rel.type === "parentRef") {
      parentEdges(rel, routes.get(rel.from), listenerNode, edges);
      continue;
    }
    const from = rel.type === "certificateRef" || rel.type === "caCertificateRef" ? sourceOf(rel, places) : rel.from;
    const e = edge(rel.type, from, rel.to, rel.ok, rel.path, rel.reason);
    if (rel.grant) e.grant = rel.grant;
    if (rel.section) e.section = rel.section;
    if (rel.type === "backendRef" || rel.type === "mirror") {
      const rule = ruleOf(rel.path);
      if (rule >= 0) e.rule = rule;
      if (rel.type === "backendRef") {
        const w = weightOf(rel);
        const total = rule >= 0 ? (totals.get(rel.from)?.[rule] ?? 0) : 0;
        e.weight = w;
        e.percent = total > 0 ? Math.round((w / total) * 10000) / 100 : 0;
      }
    }
    edges.push(e);
  }
}

function parentEdges(rel: Relation, route: RouteView | undefined, listenerNode: Map<string, string>, out: GraphEdge[]): void {
  const index = rel.path[0] === "spec" && rel.path[1] === "parentRefs" && typeof rel.path[2] === "number" ? rel.path[2] : -1;
  let parent = null;
  if (route) for (const p of route.parents) if (p.index === index) parent = p;
  if (parent && parent.listeners.length > 0) {
    const section = parent.sectionName ?? (parent.port !== undefined ? String(parent.port) : undefined);
    for (let i = 0; i < parent.listeners.length; i++) {
      const l = parent.listeners[i];
      // Two listeners of one name (invalid, reported by the controller) share an id: one edge.
      if (parent.listeners.indexOf(l) !== i) continue;
      const e = edge("parentRef", rel.from, listenerNode.get(l) ?? rel.to, true, rel.path, parent.reason || undefined);
      e.section = section;
      out.push(e);
    }
    return;
  }
  // Not attached: point at the listener it names, when there is one, else at the parent itself.
  const section = rel.section ?? parent?.sectionName;
  let to = rel.to;
  if (section) to = namedListener(rel.to, section, listenerNode) ?? rel.to;
  const e = edge("parentRef", rel.from, to, rel.ok && (parent ? parent.accepted : true), rel.path, rel.reason ?? (parent?.reason || undefined));
  e.section = section;
  out.push(e);
}

/** Joined paths, cached per path array: the controller shares path arrays between relations. */
const pathKeys = new WeakMap<PathSegment[], string>();

function pathKey(path: PathSegment[]): string {
  let k = pathKeys.get(path);
  if (k === undefined) pathKeys.set(path, (k = path.join(".")));
  return k;
}

/**
 * Give every edge an id that is unique and stable across edits: its type, its ends and the path of
 * the reference inside the referring object (`backendRef:HTTPRoute/a/r>Service/a/s@spec.rules.0.backendRefs.1`).
 */
function assignIds(edges: GraphEdge[]): void {
  for (const e of edges) e.id = `${e.type}:${e.from}>${e.to}@${pathKey(e.path)}`;
}
