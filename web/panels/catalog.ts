/**
 * What the simulator's pickers offer, from the configuration in view: the gRPC services and methods
 * the GRPCRoutes match on, and the Services a mesh request can be sent to (those with routes
 * attached first) with their ports. Computed once per snapshot.
 */
import type { Snapshot } from "../worker/protocol";
import { objectOf } from "./resourceObjects";

export interface GrpcService {
  service: string;
  /** Methods matched exactly; empty when the routes match the whole service (or by regex). */
  methods: string[];
}

export interface MeshService {
  /** `ns/name`. */
  ref: string;
  /** Ports of the Service (spec.ports), then ports routes attach to. */
  ports: number[];
  /** Routes attached to it as a mesh parent. */
  routes: number;
}

const rec = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * GRPCMethodMatch (`service`, `method`, `type` Exact or RegularExpression) of every GRPCRoute rule.
 * Regular expressions are not offered as values (the user types a concrete name instead).
 */
export function grpcCatalogOf(obj: Record<string, unknown> | null, into: Map<string, Set<string>>): void {
  const spec = rec(obj?.spec);
  for (const rule of list(spec?.rules)) {
    for (const m of list(rec(rule)?.matches)) {
      const method = rec(rec(m)?.method);
      if (!method || (method.type !== undefined && method.type !== "Exact")) continue;
      const service = typeof method.service === "string" ? method.service : "";
      if (!service) continue;
      let names = into.get(service);
      if (!names) into.set(service, (names = new Set()));
      if (typeof method.method === "string" && method.method) names.add(method.method);
    }
  }
}

const grpcCache = new WeakMap<Snapshot, GrpcService[]>();

/** The gRPC services and methods named by the snapshot's GRPCRoutes, sorted. */
export function grpcServices(s: Snapshot | null): GrpcService[] {
  if (!s) return [];
  const hit = grpcCache.get(s);
  if (hit) return hit;
  const into = new Map<string, Set<string>>();
  for (const n of s.graph.nodes) if (n.kind === "GRPCRoute" && n.defined) grpcCatalogOf(objectOf(s, n.id), into);
  const out = [...into].map(([service, m]) => ({ service, methods: [...m].sort() })).sort((a, b) => a.service.localeCompare(b.service));
  grpcCache.set(s, out);
  return out;
}

/** `spec.ports[].port` of a Service object. */
export function servicePorts(obj: Record<string, unknown> | null): number[] {
  const out: number[] = [];
  for (const p of list(rec(obj?.spec)?.ports)) {
    const port = rec(p)?.port;
    if (typeof port === "number" && !out.includes(port)) out.push(port);
  }
  return out;
}

const meshCache = new WeakMap<Snapshot, MeshService[]>();

/** Services of the snapshot: those with mesh routes attached first (by name), then the others. */
export function meshServices(s: Snapshot | null): MeshService[] {
  if (!s) return [];
  const hit = meshCache.get(s);
  if (hit) return hit;
  const routes = new Map<string, { count: number; ports: number[] }>();
  for (const e of s.graph.edges) {
    if (e.type !== "meshParent") continue;
    let r = routes.get(e.to);
    if (!r) routes.set(e.to, (r = { count: 0, ports: [] }));
    r.count++;
    const port = Number(e.section);
    if (e.section && Number.isInteger(port) && !r.ports.includes(port)) r.ports.push(port);
  }
  const out: MeshService[] = [];
  for (const n of s.graph.nodes) {
    if (n.kind !== "Service" || n.group !== "") continue;
    const r = routes.get(n.id);
    // Only Services written in the configuration have ports to read; placeholders keep the routes' ports.
    const ports = n.defined && r ? servicePorts(objectOf(s, n.id)) : [];
    for (const p of r?.ports ?? []) if (!ports.includes(p)) ports.push(p);
    out.push({ ref: `${n.namespace}/${n.name}`, ports, routes: r?.count ?? 0 });
  }
  out.sort((a, b) => (b.routes > 0 ? 1 : 0) - (a.routes > 0 ? 1 : 0) || a.ref.localeCompare(b.ref));
  meshCache.set(s, out);
  return out;
}

/** Ports of one Service (read on demand for Services without mesh routes). */
export function portsOfService(s: Snapshot | null, ref: string, known: readonly MeshService[]): number[] {
  const m = known.find((x) => x.ref === ref);
  if (m && m.ports.length) return m.ports;
  return servicePorts(objectOf(s, `Service/${ref}`));
}
