/**
 * The mesh (GAMMA) lookup structure of a Model, built once per Model (WeakMap): Service → the routes
 * attached to it (from the controller's `meshParent` relations, with the route views' parents for
 * their ports and role), and per (client namespace, port) the set of routes a request meets, with
 * the HTTP index of that set — the same ListenerIndex a Gateway listener gets (compile.ts), so
 * matching, precedence, filters and the trace are the Gateway's.
 *
 * Which routes a request meets (GEP-1294 "Multiple routes for a Service"): "Requests from a
 * namespace with consumer routes will utilize the (possibly merged) set of routes in the consumer
 * namespace. Requests from other namespaces will utilize the (possibly merged) set of routes in the
 * producer namespace." Consumer routes count for the port they attach to: a client whose namespace
 * has consumer routes for another port of the Service meets the producer routes on this one.
 * Then GEP-1294 "Route types": one kind per Service port, "first one wins: GRPCRoute, HTTPRoute,
 * TLSRoute, TCPRoute" (mesh-conflicts.ts in the controller applies the same order to status).
 */
import type { ListenerView, Model, ParentView, Relation, RouteView } from "../model/model";
import type { Resource } from "../model/resource";
import { coversPort, meshKindRank } from "../controller/mesh-conflicts";
import { indexListener, type ListenerIndex } from "./compile";
import type { MeshFrontend } from "./filters";

/** One route attached to a Service through one parentRef. */
export interface MeshAttached {
  route: RouteView;
  parent: ParentView;
  /** `Kind/ns/name` of the route. */
  ref: string;
  /** Service ports it applies to (null = all). */
  ports: number[] | null;
}

/** The routes a request to one Service port from one namespace meets. */
export interface MeshRouteSet {
  role: "producer" | "consumer";
  /** The route kind applied on this port (null: no route, the Service's default behaviour). */
  kind: string | null;
  /** Routes of that kind attached to this port, in the controller's order. */
  applied: MeshAttached[];
  /** Routes attached to this port whose kind loses to `kind`. */
  ignored: MeshAttached[];
  /** Routes of the other group(s) attached to this port that do not apply to this client (for the trace). */
  elsewhere: MeshAttached[];
  /** The listener index of `applied` (HTTPRoutes or GRPCRoutes), built on first use. */
  http: ListenerIndex | null;
  /** The stand-in listener for the Service port (redirects read its port and protocol). */
  listener: ListenerView;
}

export interface MeshService {
  /** `ns/name`. */
  key: string;
  namespace: string;
  name: string;
  resource: Resource | undefined;
  frontend: MeshFrontend;
  /** Attachments by route namespace (producer routes under the Service's own namespace). */
  byNs: Map<string, MeshAttached[]>;
  /** Sets by `${namespace}|${port}` (client namespace, "" when unknown); clients without consumer routes share the producer set. */
  sets: Map<string, MeshRouteSet>;
}

export interface MeshIndex {
  services: Map<string, MeshService>;
  /** Route ref → its RequestMirror relations (the controller's verdict on each mirror target). */
  mirrors: Map<string, Relation[]>;
  /** Whether the input holds any core Service (without, Services are assumed to exist). */
  hasServices: boolean;
}

const cache = new WeakMap<Model, MeshIndex>();

/** The mesh index of a Model (built on first use, then cached for as long as the Model lives). */
export function meshIndex(model: Model): MeshIndex {
  let idx = cache.get(model);
  if (!idx) {
    idx = buildMeshIndex(model);
    cache.set(model, idx);
  }
  return idx;
}

function buildMeshIndex(model: Model): MeshIndex {
  const services = new Map<string, MeshService>();
  let hasServices = false;
  model.byKey.forEach((r) => {
    if (r.kind === "Service" && r.group === "") hasServices = true;
  });
  let views: Map<string, RouteView> | null = null;
  const mirrors = new Map<string, Relation[]>();
  for (const rel of model.relations ?? []) {
    if (rel.type === "mirror") {
      const list = mirrors.get(rel.from);
      if (list) list.push(rel);
      else mirrors.set(rel.from, [rel]);
      continue;
    }
    if (rel.type !== "meshParent" || !rel.ok) continue;
    if (views === null) {
      views = new Map();
      for (const v of model.routes ?? []) if (!views.has(v.key)) views.set(v.key, v);
    }
    const route = views.get(rel.from);
    const index = rel.path[2];
    const parent = route?.parents.find((p) => p.index === index);
    if (!route || !parent || !parent.mesh || !parent.accepted) continue;
    const svc = serviceOf(model, services, parent.mesh.service);
    const ns = route.resource.namespace;
    const list = svc.byNs.get(ns);
    const a: MeshAttached = { route, parent, ref: `${route.kind}/${ns}/${route.resource.name}`, ports: parent.mesh.ports };
    if (list) list.push(a);
    else svc.byNs.set(ns, [a]);
  }
  return { services, mirrors, hasServices };
}

/** The entry of a Service, made on first use. */
export function serviceOf(model: Model, services: Map<string, MeshService>, key: string): MeshService {
  let s = services.get(key);
  if (!s) {
    const slash = key.indexOf("/");
    const namespace = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const resource = model.byKey.get(`Service/${key}`);
    const res = resource && resource.group === "" ? resource : undefined;
    const ip = res && typeof res.spec?.clusterIP === "string" && res.spec.clusterIP !== "None" ? res.spec.clusterIP : "";
    s = { key, namespace, name, resource: res, frontend: { ref: `Service/${key}`, address: ip || `${name}.${namespace}.svc.cluster.local` }, byNs: new Map(), sets: new Map() };
    services.set(key, s);
  }
  return s;
}

/**
 * The routes a request from namespace `client` (null: unknown) to port `port` of `svc` meets. `udp`:
 * the request is UDP, which only UDPRoutes take ("Because UDP is its own protocol, it is orthogonal
 * to these precedence order"); the other kinds share TCP ports.
 */
export function routeSet(svc: MeshService, client: string | null, port: number, udp = false): MeshRouteSet {
  // One set per client namespace, port and family, made on first use (a request then costs one lookup).
  const key = `${client ?? ""}|${port}${udp ? "|udp" : ""}`;
  let set = svc.sets.get(key);
  if (set) return set;
  // Consumer routes: a client namespace other than the Service's, with routes of the family attached to this port.
  const consumers = client !== null && client !== svc.namespace ? onPort(svc.byNs.get(client), port, udp) : [];
  const consumer = consumers.length > 0;
  if (!consumer && client !== null) {
    // Such clients meet the producer routes: share the set of clients without consumer routes.
    set = routeSet(svc, null, port, udp);
    svc.sets.set(key, set);
    return set;
  }
  const attached = consumer ? consumers : onPort(svc.byNs.get(svc.namespace), port, udp);
  let best = -1;
  for (const a of attached) {
    const rank = meshKindRank(a.route.kind);
    if (rank >= 0 && (best < 0 || rank < best)) best = rank;
  }
  const applied: MeshAttached[] = [];
  const ignored: MeshAttached[] = [];
  // UDP routes (rank -1) have the UDP family to themselves; the TCP family's kinds compete.
  for (const a of attached) (meshKindRank(a.route.kind) === best ? applied : ignored).push(a);
  // The other group, for the trace: producer routes a consumer's own routes replace, or other namespaces' consumer routes.
  let elsewhere: MeshAttached[] = [];
  if (consumer) elsewhere = onPort(svc.byNs.get(svc.namespace), port, udp);
  else for (const [ns, list] of svc.byNs) if (ns !== svc.namespace) for (const a of onPort(list, port, udp)) elsewhere.push(a);
  set = {
    role: consumer ? "consumer" : "producer",
    kind: applied.length > 0 ? applied[0].route.kind : null,
    applied,
    ignored,
    elsewhere,
    http: null,
    listener: standIn(svc, port, applied),
  };
  svc.sets.set(key, set);
  return set;
}

/** The listener index of a route set (what the Gateway's HTTP and gRPC matchers read). */
export function listenerIndexOf(set: MeshRouteSet): ListenerIndex {
  return (set.http ??= indexListener(set.listener));
}

/** The attachments of a list that apply to `port`, of the UDP family or of the TCP family. */
function onPort(list: MeshAttached[] | undefined, port: number, udp: boolean): MeshAttached[] {
  if (!list) return [];
  const out: MeshAttached[] = [];
  for (const a of list) if (coversPort(a.ports, port) && (a.route.kind === "UDPRoute") === udp) out.push(a);
  return out;
}

/**
 * A listener standing for the Service port: no hostname (GEP-1294 "hostnames field": "GAMMA
 * implementations SHOULD NOT infer any functionality from the hostnames field"), so every route
 * lands in the any-hostname bucket and only paths, methods, headers and query parameters decide.
 */
function standIn(svc: MeshService, port: number, applied: MeshAttached[]): ListenerView {
  return {
    id: `${svc.key}:${port}`,
    gatewayKey: svc.frontend.ref,
    // Read in the Gateway matchers' trace ("attached to listener …").
    name: `port ${port} of Service ${svc.key}`,
    port,
    protocol: "HTTP",
    hostname: null,
    tls: null,
    origin: svc.frontend.ref,
    path: [],
    accepted: true,
    programmed: true,
    conflicted: false,
    resolvedRefs: true,
    supportedKinds: ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"],
    conditions: [],
    routes: applied.map((a) => ({ route: a.route, parentIndex: a.parent.index, hostnames: [] })),
  };
}
