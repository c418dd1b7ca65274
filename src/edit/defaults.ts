/**
 * What new objects look like when the user asks for "a new HTTPRoute" or "a new URLRewrite filter":
 * the smallest configuration the CRDs accept that does something visible.
 */
import { GATEWAY_GROUP, KINDS, isRouteKind } from "../model/kinds";
import { EditError, type BackendInput, type NewResource, type ParentRefInput, type Value } from "./types";

type Obj = { [key: string]: Value };

/** Drop undefined fields (optional inputs left out) so they are not written. */
export function compact(o: object): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v as Value;
  return out;
}

/** The field that holds a filter type's configuration (`URLRewrite` → `urlRewrite`). */
export const FILTER_FIELD: Record<string, string> = {
  RequestHeaderModifier: "requestHeaderModifier",
  ResponseHeaderModifier: "responseHeaderModifier",
  RequestRedirect: "requestRedirect",
  URLRewrite: "urlRewrite",
  RequestMirror: "requestMirror",
  CORS: "cors",
  ExtensionRef: "extensionRef",
};

/** Filter types each route kind accepts (HTTPRouteFilter.type and GRPCRouteFilter.type enums). */
export const FILTER_TYPES: Record<string, readonly string[]> = {
  HTTPRoute: ["RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite", "RequestMirror", "CORS", "ExtensionRef"],
  GRPCRoute: ["RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "ExtensionRef"],
};

/**
 * A filter's default configuration. Header modifiers and URLRewrite start empty (valid, no effect);
 * RequestRedirect starts as the usual HTTP→HTTPS redirect; the filters that need a referent get a
 * placeholder name to edit.
 */
export function filterDefaults(type: string): Obj {
  switch (type) {
    case "RequestRedirect":
      return { scheme: "https", statusCode: 301 };
    case "RequestMirror":
      return { backendRef: { name: "mirror", port: 80 } };
    case "CORS":
      return { allowOrigins: ["*"] };
    case "ExtensionRef":
      return { group: "example.com", kind: "ExampleFilter", name: "example" };
    default:
      return {};
  }
}

/** apiVersion for a kind: the first version its group serves (see kinds.ts). */
function apiVersionOf(kind: string): string {
  const k = KINDS.find((x) => x.kind === kind);
  if (!k) throw new EditError(`apiVersion is needed for kind ${kind}, which Switchyard does not model`);
  return k.group ? `${k.group}/${k.versions[0]}` : k.versions[0];
}

function parentRef(p: ParentRefInput | undefined): Obj {
  return compact({ group: p?.group, kind: p?.kind, name: p?.name ?? "gateway", namespace: p?.namespace, sectionName: p?.sectionName, port: p?.port });
}

function backendRef(b: BackendInput | undefined, name: string, port: number): Obj {
  return compact({ group: b?.group, kind: b?.kind, name: b?.name ?? name, namespace: b?.namespace, port: b?.port ?? port, weight: b?.weight });
}

/** The spec of a new resource of a known kind (null for kinds that have none, such as Namespace). */
function defaultSpec(r: NewResource): Obj | null {
  const listener = { name: "http", port: 80, protocol: "HTTP" };
  switch (r.kind) {
    case "GatewayClass":
      return { controllerName: "example.com/gateway-controller" };
    case "Gateway":
      return { gatewayClassName: r.gatewayClassName ?? "gateway-class", listeners: [listener] };
    case "ListenerSet":
    case "XListenerSet":
      return { parentRef: parentRef(r.parent), listeners: [listener] };
    case "HTTPRoute":
      return { parentRefs: [parentRef(r.parent)], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [backendRef(r.backend, r.name, 80)] }] };
    case "GRPCRoute":
      return { parentRefs: [parentRef(r.parent)], rules: [{ backendRefs: [backendRef(r.backend, r.name, 50051)] }] };
    case "TLSRoute":
      // TLSRoute v1 requires hostnames.
      return { parentRefs: [parentRef(r.parent)], hostnames: ["example.com"], rules: [{ backendRefs: [backendRef(r.backend, r.name, 443)] }] };
    case "TCPRoute":
    case "UDPRoute":
      return { parentRefs: [parentRef(r.parent)], rules: [{ backendRefs: [backendRef(r.backend, r.name, 80)] }] };
    case "ReferenceGrant":
      return { from: [{ group: GATEWAY_GROUP, kind: "HTTPRoute", namespace: r.parent?.namespace ?? "default" }], to: [{ group: "", kind: "Service" }] };
    case "Service":
      return { selector: { app: r.name }, ports: [{ name: "http", port: r.backend?.port ?? 80, targetPort: 8080 }] };
    case "BackendTLSPolicy":
      return { targetRefs: [{ group: "", kind: "Service", name: r.backend?.name ?? r.name }], validation: { hostname: `${r.backend?.name ?? r.name}.example.com`, wellKnownCACertificates: "System" } };
    default:
      return null;
  }
}

/** Top-level fields other than spec for some core kinds. */
function defaultExtra(kind: string): Obj {
  if (kind === "Secret") return { type: "kubernetes.io/tls", data: { "tls.crt": "", "tls.key": "" } };
  if (kind === "ConfigMap") return { data: { "ca.crt": "" } };
  return {};
}

/** The whole object of a new resource, fields in the customary order. */
export function resourceDefaults(r: NewResource): Obj {
  if (!r.name) throw new EditError("a new resource needs a name");
  const apiVersion = r.apiVersion ?? apiVersionOf(r.kind);
  const cluster = KINDS.find((k) => k.kind === r.kind)?.namespaced === false;
  const metadata = compact({ name: r.name, namespace: cluster ? undefined : r.namespace, labels: r.labels });
  const obj: Obj = { apiVersion, kind: r.kind, metadata };
  const extra = { ...defaultExtra(r.kind), ...r.extra };
  if (extra.type !== undefined) obj.type = extra.type;
  const spec = r.spec ?? defaultSpec(r);
  if (spec) obj.spec = spec;
  for (const [k, v] of Object.entries(extra)) if (k !== "type") obj[k] = v;
  return obj;
}

/** The default rule a new rule of a route kind starts as. */
export function ruleDefaults(kind: string): Obj {
  if (kind === "HTTPRoute") return { matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [] };
  if (!isRouteKind(kind)) throw new EditError(`${kind} has no rules`);
  return { backendRefs: [] };
}

/** The default match of a route kind. */
export function matchDefaults(kind: string): Obj {
  if (kind === "HTTPRoute") return { path: { type: "PathPrefix", value: "/" } };
  // GRPCMethodMatch: "One or both of 'service' or 'method' must be specified."
  if (kind === "GRPCRoute") return { method: { type: "Exact", service: "example.v1.Service" } };
  throw new EditError(`${kind} rules have no matches`);
}
