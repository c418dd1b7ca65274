/**
 * Generated graphs for the layout's tests and benchmarks: several Gateways and listeners, routes
 * spread over namespaces attaching to pseudo-random listeners, backends in their own namespace and
 * shared ones elsewhere. Deterministic in the seed, and tangled enough that the initial (name)
 * order has many crossings, unlike a hand-written configuration.
 */
import type { EdgeType, Graph, GraphEdge, GraphNode, NodeRole } from "./types";
import { RANKS } from "./nodes";

export interface SampleOptions {
  routes: number;
  gateways?: number;
  listenersPerGateway?: number;
  namespaces?: number;
  /** Own backends per route (each route also uses a shared Service one time in three). */
  backendsPerRoute?: number;
  sharedServices?: number;
  seed?: number;
}

/** mulberry32: a small seeded PRNG, so samples are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A node as buildGraph makes it (healthy, defined). */
export function sampleNode(kind: string, role: NodeRole, namespace: string, name: string, data: Record<string, unknown> = {}, id?: string): GraphNode {
  return {
    id: id ?? (namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`),
    kind,
    group: role === "service" ? "" : "gateway.networking.k8s.io",
    namespace,
    name,
    role,
    rank: RANKS[role],
    groupId: namespace ? `Namespace/${namespace}` : undefined,
    defined: true,
    status: { level: "ok", problems: [], errors: 0, warnings: 0 },
    source: undefined,
    data,
  };
}

export function sampleEdge(type: EdgeType, from: string, to: string, path: (string | number)[], ok = true): GraphEdge {
  return { id: `${type}:${from}>${to}@${path.join(".")}`, type, from, to, ok, reason: undefined, section: undefined, weight: undefined, percent: undefined, rule: undefined, grant: undefined, path };
}

/** Namespace groups of a node list, sorted by namespace (as buildGraph gives them). */
export function groupsOf(nodes: GraphNode[]): Graph["groups"] {
  const groups = new Map<string, Graph["groups"][number]>();
  for (const n of nodes) {
    if (!n.groupId) continue;
    let g = groups.get(n.groupId);
    if (!g) groups.set(n.groupId, (g = { id: n.groupId, namespace: n.namespace, defined: false, members: [] }));
    g.members.push(n.id);
  }
  return [...groups.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

export function sampleGraph(o: SampleOptions): Graph {
  const rnd = prng(o.seed ?? 1);
  const G = o.gateways ?? 3;
  const L = o.listenersPerGateway ?? 3;
  const NS = o.namespaces ?? 12;
  const B = o.backendsPerRoute ?? 2;
  const S = o.sharedServices ?? 8;
  const nodes: GraphNode[] = [sampleNode("GatewayClass", "class", "", "cls")];
  const edges: GraphEdge[] = [];
  const listeners: string[] = [];
  for (let g = 0; g < G; g++) {
    const gw = sampleNode("Gateway", "gateway", `infra-${g % 2}`, `gw-${g}`);
    nodes.push(gw);
    edges.push(sampleEdge("gatewayClass", gw.id, "GatewayClass/cls", ["spec", "gatewayClassName"]));
    for (let l = 0; l < L; l++) {
      const ln = sampleNode("Listener", "listener", gw.namespace, `l${l}`, { gateway: gw.id, origin: gw.id }, `Listener/${gw.namespace}/${gw.name}/l${l}`);
      nodes.push(ln);
      listeners.push(ln.id);
      edges.push(sampleEdge("listener", gw.id, ln.id, ["spec", "listeners", l]));
    }
  }
  for (let s = 0; s < S; s++) nodes.push(sampleNode("Service", "service", `shared-${s % 3}`, `shared-${s}`));
  for (let i = 0; i < o.routes; i++) {
    const route = sampleNode("HTTPRoute", "route", `team-${i % NS}`, `r-${i}`);
    nodes.push(route);
    const parents = 1 + (rnd() < 0.3 ? 1 : 0);
    for (let p = 0; p < parents; p++) edges.push(sampleEdge("parentRef", route.id, listeners[Math.floor(rnd() * listeners.length)], ["spec", "parentRefs", p]));
    for (let b = 0; b < B; b++) {
      const svc = sampleNode("Service", "service", route.namespace, `svc-${i}-${b}`);
      nodes.push(svc);
      edges.push(sampleEdge("backendRef", route.id, svc.id, ["spec", "rules", 0, "backendRefs", b]));
    }
    if (S > 0 && rnd() < 1 / 3) {
      const s = Math.floor(rnd() * S);
      edges.push(sampleEdge("backendRef", route.id, `Service/shared-${s % 3}/shared-${s}`, ["spec", "rules", 1, "backendRefs", 0]));
    }
  }
  return { nodes, edges, groups: groupsOf(nodes) };
}
