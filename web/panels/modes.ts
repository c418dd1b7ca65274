/**
 * The simulator's modes: which kind of traffic the form sends. A mode is read from the request
 * itself (`mesh` target, else `request.protocol`), so any request — typed, from a sample, a share
 * link or the gallery — shows in the right form. Switching modes converts the request, keeping what
 * carries over (host, headers) and choosing a port the gateway listens on for that protocol.
 */
import { defaultPort, type Protocol, type SimRequest } from "../../src/model/request";
import type { GatewayInfo } from "../worker/protocol";

export type SimMode = "HTTP" | "GRPC" | "TLS" | "TCP" | "UDP" | "MESH";

export const MODES: readonly { id: SimMode; label: string; hint: string }[] = [
  { id: "HTTP", label: "HTTP / HTTPS", hint: "a request to a Gateway: URL, method, headers" },
  { id: "GRPC", label: "gRPC", hint: "an RPC to a Gateway: service and method" },
  { id: "TLS", label: "TLS", hint: "a TLS connection to a Gateway: the server name (SNI) decides" },
  { id: "TCP", label: "TCP", hint: "a TCP connection to a Gateway port" },
  { id: "UDP", label: "UDP", hint: "UDP datagrams to a Gateway port" },
  { id: "MESH", label: "Mesh (service to service)", hint: "a call inside the cluster to a Service (GAMMA)" },
];

/** The mode a request is shown in. */
export function modeOf(r: SimRequest): SimMode {
  if (r.mesh) return "MESH";
  const p = r.request.protocol;
  return p === "GRPC" || p === "TLS" || p === "TCP" || p === "UDP" ? p : "HTTP";
}

/** Listener protocols a mode's traffic is accepted on (gRPC runs over HTTP and HTTPS listeners). */
const LISTENER_PROTOCOLS: Record<Exclude<SimMode, "MESH">, readonly string[]> = {
  HTTP: ["HTTP", "HTTPS"],
  GRPC: ["HTTP", "HTTPS"],
  TLS: ["TLS"],
  TCP: ["TCP"],
  UDP: ["UDP"],
};

/** Ports of a gateway's listeners of the given protocols, ascending, without repeats. */
function portsOf(g: GatewayInfo | undefined, protocols: readonly string[]): number[] {
  if (!g) return [];
  return [...new Set(g.listeners.filter((l) => protocols.includes(l.protocol.toUpperCase())).map((l) => l.port))].sort((a, b) => a - b);
}

/** Ports of a gateway's listeners that take a mode's traffic. */
export function listenerPorts(g: GatewayInfo | undefined, mode: SimMode): number[] {
  return mode === "MESH" ? [] : portsOf(g, LISTENER_PROTOCOLS[mode]);
}

/** Hostnames (no wildcards) of a gateway's listeners for a mode, then of its attached routes. */
export function gatewayHosts(g: GatewayInfo | undefined, mode: SimMode): string[] {
  if (!g || mode === "MESH") return [];
  const ok = LISTENER_PROTOCOLS[mode];
  const set = new Set<string>();
  for (const l of g.listeners) if (ok.includes(l.protocol.toUpperCase()) && l.hostname && !l.hostname.startsWith("*")) set.add(l.hostname);
  for (const h of g.hostnames) if (!h.startsWith("*")) set.add(h);
  return [...set];
}

/**
 * The request sent to another gateway. A host that gateway does not serve by name gives way to one
 * it does (a better start than a name from another configuration); TCP and UDP carry no host.
 */
export function onGateway(request: SimRequest, g: GatewayInfo): SimRequest {
  const m = modeOf(request);
  if (m === "TCP" || m === "UDP") return { ...request, gateway: g.ref };
  const served = gatewayHosts(g, m);
  const host = request.request.host ?? "";
  const next = host && (served.includes(host) || !served.length) ? host : served[0] ?? host;
  return { ...request, gateway: g.ref, request: m === "TLS" ? { ...request.request, host: next, sni: next } : { ...request.request, host: next } };
}

/** What a mode change can draw on: the configuration's gateways, gRPC methods and mesh Services. */
export interface ModeContext {
  gateways: readonly GatewayInfo[];
  /** The first gRPC method the routes in view name, if any. */
  grpc?: { service: string; method: string };
  /** The first Service with mesh routes (`ns/name`) and its first port. */
  meshService?: { ref: string; port: number | null };
}

/** A mesh client `ns/workload` with the namespace replaced (the workload is kept, "client" when none). */
export function withClientNamespace(client: string | undefined, namespace: string): string | undefined {
  const ns = namespace.trim();
  if (!ns) return undefined;
  const slash = client?.indexOf("/") ?? -1;
  const workload = client && slash >= 0 ? client.slice(slash + 1) : client || "client";
  return `${ns}/${workload || "client"}`;
}

/** The namespace of a mesh client `ns/workload` ("" when absent; a bare name is in `default`). */
export function clientNamespaceOf(client: string | undefined): string {
  if (!client) return "";
  const slash = client.indexOf("/");
  return slash < 0 ? "default" : client.slice(0, slash);
}

/** The short name a client would call a Service by (`name` of `ns/name`). */
export function serviceHost(ref: string): string {
  const slash = ref.indexOf("/");
  return slash < 0 ? ref : ref.slice(slash + 1);
}

/** Converts a request to another mode. Returns the same object when the mode does not change. */
export function switchMode(r: SimRequest, mode: SimMode, ctx: ModeContext): SimRequest {
  if (modeOf(r) === mode) return r;
  const spec = r.request;
  const headers = spec.headers ?? {};
  if (mode === "MESH") {
    const svc = ctx.meshService;
    const mesh: NonNullable<SimRequest["mesh"]> = { service: svc?.ref ?? "" };
    if (svc?.port) mesh.port = svc.port;
    return { mesh, request: { protocol: "HTTP", host: svc ? serviceHost(svc.ref) : "", path: "/", method: "GET", headers } };
  }
  const gateway = r.gateway || ctx.gateways[0]?.ref || "";
  const g = ctx.gateways.find((x) => x.ref === gateway);
  const host = r.mesh ? gatewayHosts(g, mode)[0] ?? "" : spec.sni || spec.host || gatewayHosts(g, mode)[0] || "";
  if (mode === "HTTP" || mode === "GRPC") {
    // HTTPS when the request was encrypted (or the gateway only listens with HTTPS), else HTTP.
    const http = portsOf(g, ["HTTP"]);
    const https = portsOf(g, ["HTTPS"]);
    const secure = mode === "HTTP" && https.length > 0 && (spec.protocol === "HTTPS" || spec.protocol === "TLS" || http.length === 0);
    const protocol: Protocol = mode === "GRPC" ? "GRPC" : secure ? "HTTPS" : "HTTP";
    const ports = secure ? https : http.length ? http : https;
    // URLs leave the default port out.
    const port = ports.length && !ports.includes(defaultPort(protocol)) ? ports[0] : undefined;
    const out: SimRequest = { gateway, request: mode === "GRPC" ? { protocol, host, grpc: ctx.grpc ? { ...ctx.grpc } : { service: "", method: "" }, headers } : { protocol, host, path: "/", method: "GET", headers } };
    if (port !== undefined) out.request.port = port;
    return out;
  }
  // Connection modes always name their port: one the gateway serves the protocol on, if any.
  const ports = listenerPorts(g, mode);
  const port = ports.includes(defaultPort(mode)) && mode === "TLS" ? defaultPort(mode) : ports[0] ?? (mode === "TLS" ? 443 : undefined);
  // TCP and UDP carry no hostname: the port alone decides.
  const out: SimRequest = { gateway, request: mode === "TLS" ? { protocol: "TLS", host, sni: host } : { protocol: mode, host: "" } };
  if (port !== undefined) out.request.port = port;
  return out;
}
