/**
 * The kinds Switchyard understands: which API groups and versions serve them, whether they are
 * namespaced, and what role they play. Kinds not listed here are kept as "unknown" resources.
 */

export const GATEWAY_GROUP = "gateway.networking.k8s.io";
export const GATEWAY_X_GROUP = "gateway.networking.x-k8s.io";

export type KindRole = "class" | "gateway" | "listenerset" | "route" | "service" | "grant" | "policy" | "core" | "other";

export interface KindInfo {
  kind: string;
  group: string;
  versions: readonly string[];
  namespaced: boolean;
  role: KindRole;
}

const G = GATEWAY_GROUP;
const X = GATEWAY_X_GROUP;

/**
 * Versions are those the Gateway API v1.x CRDs serve (standard and experimental channels of v1.6),
 * plus versions older releases served that real-world YAML still uses (GRPCRoute v1alpha2…).
 */
export const KINDS: readonly KindInfo[] = [
  { kind: "GatewayClass", group: G, versions: ["v1", "v1beta1"], namespaced: false, role: "class" },
  { kind: "Gateway", group: G, versions: ["v1", "v1beta1"], namespaced: true, role: "gateway" },
  { kind: "HTTPRoute", group: G, versions: ["v1", "v1beta1"], namespaced: true, role: "route" },
  { kind: "GRPCRoute", group: G, versions: ["v1", "v1alpha2"], namespaced: true, role: "route" },
  { kind: "TLSRoute", group: G, versions: ["v1", "v1alpha3", "v1alpha2"], namespaced: true, role: "route" },
  { kind: "TCPRoute", group: G, versions: ["v1", "v1alpha2"], namespaced: true, role: "route" },
  { kind: "UDPRoute", group: G, versions: ["v1", "v1alpha2"], namespaced: true, role: "route" },
  { kind: "ReferenceGrant", group: G, versions: ["v1", "v1beta1", "v1alpha2"], namespaced: true, role: "grant" },
  { kind: "ListenerSet", group: G, versions: ["v1"], namespaced: true, role: "listenerset" },
  { kind: "BackendTLSPolicy", group: G, versions: ["v1", "v1alpha3", "v1alpha2"], namespaced: true, role: "policy" },
  { kind: "XListenerSet", group: X, versions: ["v1alpha1"], namespaced: true, role: "listenerset" },
  { kind: "XBackend", group: X, versions: ["v1alpha1"], namespaced: true, role: "service" },
  { kind: "XBackendTrafficPolicy", group: X, versions: ["v1alpha1"], namespaced: true, role: "policy" },
  { kind: "BackendLBPolicy", group: G, versions: ["v1alpha2"], namespaced: true, role: "policy" },
  { kind: "XMesh", group: X, versions: ["v1alpha1"], namespaced: false, role: "other" },
  { kind: "Service", group: "", versions: ["v1"], namespaced: true, role: "service" },
  { kind: "Namespace", group: "", versions: ["v1"], namespaced: false, role: "core" },
  { kind: "Secret", group: "", versions: ["v1"], namespaced: true, role: "core" },
  { kind: "ConfigMap", group: "", versions: ["v1"], namespaced: true, role: "core" },
];

const byGroupKind = new Map<string, KindInfo>(KINDS.map((k) => [`${k.group}/${k.kind}`, k]));

/** Route kinds, in the order the spec lists them. */
export const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export function isRouteKind(kind: string): kind is RouteKind {
  return (ROUTE_KINDS as readonly string[]).includes(kind);
}

/** Split an apiVersion into group and version (`v1` → core). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf("/");
  return i === -1 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** The kind's description, if Switchyard models it (any version of its group). */
export function kindInfo(group: string, kind: string): KindInfo | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}

/** Whether a kind with no registry entry should be treated as namespaced (Kubernetes' default for CRDs we do not know is unknowable; we assume namespaced). */
export function isNamespaced(group: string, kind: string): boolean {
  return kindInfo(group, kind)?.namespaced ?? true;
}
