/**
 * The mesh (GAMMA) matcher on a YAML fixture: which routes a request meets (producer or consumer,
 * port, route kind), the Service's default behaviour, Pod targets, and a frontend that cannot take
 * the request. Rows are {request, expect}; spec text in mesh.ts, mesh-index.ts and mesh-answers.ts.
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { modelOf } from "./testing/fixture";
import type { MeshTarget, RequestSpec } from "../model/request";
import type { Outcome } from "../model/outcome";

const svc = (ns: string, name: string, extra = "ports: [{name: http, port: 80}, {name: alt, port: 8080}, {name: grpc, port: 7070}]") => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${name}}, ${extra}}`;

const YAML = [
  svc("shop", "web"),
  svc("shop", "web-v2"),
  svc("shop", "idle"),
  svc("shop", "hl", "clusterIP: None, ports: [{port: 80}]"),
  svc("shop", "ext", "type: ExternalName, externalName: example.org"),
  svc("shop", "ip", "clusterIP: 10.0.0.7, ports: [{port: 80}]"),
  svc("shop", "kinds"),
  svc("other", "db"),
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-v1, namespace: shop}
spec: {selector: {matchLabels: {app: web}}}`,
  // Producer route of shop/web on every port: /v2 → web-v2, the rest (PathPrefix /) → web; hostnames play no part.
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: web}]
  hostnames: [nowhere.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}]
    backendRefs: [{name: web-v2, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: web, port: 80, weight: 3}, {name: web-v2, port: 80, weight: 1}]
  - matches: [{path: {type: Exact, value: /old}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /new}}}]`,
  // Consumer route from namespace client, on port 80 only, to another namespace's backend without ReferenceGrant.
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: pin, namespace: client}
spec:
  parentRefs: [{group: "", kind: Service, name: web, namespace: shop, port: 80}]
  rules:
  - matches: [{headers: [{name: x-only, value: "yes"}]}]
    backendRefs: [{name: db, namespace: other, port: 80}]`,
  // Producer route of shop/ip with a redirect that keeps the host.
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ip, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: ip, port: 80}]
  rules:
  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]`,
  // Kinds on one Service: a GRPCRoute on port 7070 takes that port from the HTTPRoute bound to every port.
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: kinds-http, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: kinds}]
  rules: [{backendRefs: [{name: web, port: 80}]}]`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: kinds-grpc, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: kinds, port: 7070}]
  rules: [{backendRefs: [{name: web, port: 7070}]}]`,
  svc("shop", "only-grpc"),
  `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: only-grpc, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: only-grpc, port: 7070}]
  rules: [{matches: [{method: {service: pkg.Svc}}], backendRefs: [{name: web, port: 7070}]}]`,
  // Stream routes: two TCPRoutes on 5432 (the older one takes it), a UDPRoute on 53, a TLSRoute on 443.
  svc("shop", "stream", "ports: [{port: 5432}, {port: 53, protocol: UDP}, {port: 443}]"),
  `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: tcp-new, namespace: shop, creationTimestamp: "2024-02-01T00:00:00Z"}
spec:
  parentRefs: [{group: "", kind: Service, name: stream, port: 5432}]
  rules: [{backendRefs: [{name: web-v2, port: 5432}]}]`,
  `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: tcp-old, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  parentRefs: [{group: "", kind: Service, name: stream, port: 5432}]
  rules: [{backendRefs: [{name: web, port: 5432}]}]`,
  `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: {name: dns, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: stream, port: 53}]
  rules: [{backendRefs: [{name: web, port: 53}]}]`,
  `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: tls, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: stream, port: 443}]
  hostnames: [only.example.com]
  rules: [{backendRefs: [{name: web-v2, port: 443}]}]`,
  // Rejected parent: port 9 is not a port of shop/idle, so shop/idle keeps no route.
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: stray, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: idle, port: 9}]
  rules: [{backendRefs: [{name: web, port: 80}]}]`,
].join("\n---\n");

const model = modelOf(YAML);

interface Row {
  label: string;
  mesh: MeshTarget;
  request?: RequestSpec;
  expect: Partial<Pick<Outcome, "statusCode" | "backend" | "route" | "rule" | "listener" | "grpcStatus" | "connectionError">> & { shares?: Record<string, number>; location?: string };
}

const C = "shop/caller";
const ROWS: Row[] = [
  // Request Flow a.: "If there are no associated Routes, the request is always allowed, and the foo workload itself is considered the destination workload."
  { label: "no route bound: the Service itself", mesh: { service: "shop/idle", port: 80, client: C }, expect: { statusCode: 200, backend: "shop/idle", route: null, listener: null } },
  // Request Flow b.: the backendRefs of the highest-priority matching Route.
  { label: "producer route, longest prefix wins", mesh: { service: "shop/web", port: 80, client: C }, request: { path: "/v2/x" }, expect: { statusCode: 200, backend: "shop/web-v2", route: "HTTPRoute/shop/web", rule: 0 } },
  { label: "producer route, traffic split", mesh: { service: "shop/web", port: 80, client: C }, request: { path: "/a" }, expect: { statusCode: 200, backend: null, route: "HTTPRoute/shop/web", rule: 1, shares: { "shop/web": 0.75, "shop/web-v2": 0.25 } } },
  { label: "Exact beats PathPrefix across rules; a redirect keeps the Service host and port", mesh: { service: "shop/web", port: 8080, client: C }, request: { host: "web.shop:8080", path: "/old" }, expect: { statusCode: 302, rule: 2, location: "http://web.shop:8080/new" } },
  // GEP-1294 "hostnames field": no functionality from hostnames; the Service it is sent to decides.
  { label: "the route's hostnames and the Host header play no part", mesh: { service: "shop/web", port: 80, client: C }, request: { host: "db.other", path: "/v2" }, expect: { statusCode: 200, backend: "shop/web-v2" } },
  // "Requests from a namespace with consumer routes will utilize the (possibly merged) set of routes in the consumer namespace"
  { label: "consumer route for its own namespace's clients", mesh: { service: "shop/web", port: 80, client: "client/app" }, request: { headers: { "X-Only": "yes" }, path: "/v2" }, expect: { statusCode: 200, backend: "other/db", route: "HTTPRoute/client/pin" } },
  // Request Flow c.: associated routes, no match: rejected — the producer routes are not consulted.
  { label: "consumer routes replace producer routes (no fallback)", mesh: { service: "shop/web", port: 80, client: "client/app" }, request: { path: "/v2" }, expect: { statusCode: 404, backend: null, route: null } },
  { label: "consumer route bound to port 80 only: port 8080 meets the producer routes", mesh: { service: "shop/web", port: 8080, client: "client/app" }, request: { path: "/v2" }, expect: { statusCode: 200, backend: "shop/web-v2", route: "HTTPRoute/shop/web" } },
  { label: "other namespaces' clients meet the producer routes", mesh: { service: "shop/web", port: 80, client: "elsewhere/app" }, request: { headers: { "X-Only": "yes" }, path: "/v2" }, expect: { statusCode: 200, backend: "shop/web-v2", route: "HTTPRoute/shop/web" } },
  { label: "no client given: producer routes", mesh: { service: "shop/web", port: 80 }, request: { path: "/v2" }, expect: { statusCode: 200, backend: "shop/web-v2" } },
  // GEP-1294 "Route types": one kind per Service port.
  { label: "GRPCRoute takes port 7070: the GRPCRoute matcher decides", mesh: { service: "shop/kinds", port: 7070, client: C }, request: { protocol: "GRPC", grpc: { service: "pkg.Svc", method: "M" } }, expect: { statusCode: 200, backend: "shop/web", route: "GRPCRoute/shop/kinds-grpc", grpcStatus: "OK" } },
  { label: "a GRPCRoute port and a call no rule takes: Unimplemented", mesh: { service: "shop/only-grpc", port: 7070, client: C }, request: { protocol: "GRPC", grpc: { service: "pkg.Other", method: "M" } }, expect: { statusCode: 404, backend: null, route: null, grpcStatus: "Unimplemented" } },
  { label: "the HTTPRoute keeps the ports the GRPCRoute does not take", mesh: { service: "shop/kinds", port: 80, client: C }, expect: { statusCode: 200, backend: "shop/web", route: "HTTPRoute/shop/kinds-http" } },
  { label: "gRPC over HTTPRoutes: the HTTP answer and its gRPC status", mesh: { service: "shop/web", port: 7070, client: C }, request: { protocol: "GRPC", grpc: { service: "pkg.Svc", method: "M" } }, expect: { statusCode: 200, route: "HTTPRoute/shop/web", grpcStatus: "OK" } },
  // Stream routes (GEP-1294 "Route types": every core route type is available in a mesh), the Gateway's stream matcher.
  { label: "TCPRoutes: the oldest takes the connection", mesh: { service: "shop/stream", port: 5432, client: C }, request: { protocol: "TCP" }, expect: { statusCode: 200, backend: "shop/web", route: "TCPRoute/shop/tcp-old" } },
  { label: "an HTTP request to a TCPRoute port is forwarded as bytes", mesh: { service: "shop/stream", port: 5432, client: C }, expect: { statusCode: 200, backend: "shop/web", route: "TCPRoute/shop/tcp-old" } },
  { label: "UDPRoute: UDP datagrams", mesh: { service: "shop/stream", port: 53, client: C }, request: { protocol: "UDP" }, expect: { statusCode: 200, backend: "shop/web", route: "UDPRoute/shop/dns" } },
  { label: "a UDPRoute takes no TCP traffic: the Service itself", mesh: { service: "shop/stream", port: 53, client: C }, request: { protocol: "TCP" }, expect: { statusCode: 200, backend: "shop/stream", route: null } },
  // GEP-1294 "hostnames field": the TLSRoute's hostnames are not used to pick it.
  { label: "TLSRoute: a TLS session with another SNI still goes through it", mesh: { service: "shop/stream", port: 443, client: C }, request: { protocol: "TLS", host: "other.example.org" }, expect: { statusCode: 200, backend: "shop/web-v2", route: "TLSRoute/shop/tls" } },
  { label: "a cleartext HTTP request to a TLSRoute port: not simulated", mesh: { service: "shop/stream", port: 443, client: C }, expect: { statusCode: 0, backend: null, route: null } },
  { label: "a rejected parentRef binds nothing", mesh: { service: "shop/idle", port: 80, client: C }, request: { path: "/x" }, expect: { statusCode: 200, backend: "shop/idle", route: null } },
  { label: "a redirect without Host names the cluster IP", mesh: { service: "shop/ip", port: 80, client: C }, request: { host: "", path: "/p" }, expect: { statusCode: 302, location: "https://10.0.0.7/p" } },
  // GEP-1294 "Multiple routes for a Service": a request "sent to a Service backend (ex: curl pod-ip)" uses no Route.
  { label: "mesh.pod: straight to the workload", mesh: { pod: "shop/web-v1", port: 8080, client: C }, request: { path: "/v2" }, expect: { statusCode: 200, backend: "shop/web-v1", route: null } },
  { label: "headless Service: no frontend, its endpoints answer", mesh: { service: "shop/hl", port: 80, client: C }, expect: { statusCode: 200, backend: "shop/hl", route: null } },
  { label: "ExternalName Service: not simulated", mesh: { service: "shop/ext", port: 80, client: C }, expect: { statusCode: 0, backend: null } },
  { label: "a Service not in the configuration: no answer", mesh: { service: "shop/gone", port: 80, client: C }, expect: { statusCode: 404, backend: null, connectionError: "no Service shop/gone: the name does not resolve" } },
  { label: "a port the Service does not declare: refused", mesh: { service: "shop/web", port: 9999, client: C }, expect: { statusCode: 404, backend: null, connectionError: "Service shop/web has no port 9999" } },
  { label: "a mesh request without Service or Pod", mesh: { port: 80 }, expect: { statusCode: 0, backend: null } },
];

describe("mesh matching", () => {
  it.each(ROWS)("$label", (row) => {
    const o = match(model, { mesh: row.mesh, request: { protocol: "HTTP", path: "/", host: "web", ...row.request } });
    const { shares, location, ...fields } = row.expect;
    const trace = o.trace.map((s) => `${s.step}: ${s.detail}`).join("\n");
    for (const [k, v] of Object.entries(fields)) expect(o[k as keyof Outcome], `${k}\n${trace}`).toEqual(v);
    if (shares) expect(Object.fromEntries(o.backends.map((b) => [`${b.namespace}/${b.name}`, b.probability]))).toEqual(shares);
    if (location !== undefined) expect(o.redirect?.location).toBe(location);
    // Mesh traffic never lands on a Gateway listener, and the trace names the Service it was sent to.
    expect(o.listener).toBeNull();
    if (row.mesh.service) expect(o.trace.some((s) => s.refs.includes(`Service/${row.mesh.service}`))).toBe(true);
  });

  it("the trace says which group applied and what was set aside", () => {
    const consumer = match(model, { mesh: { service: "shop/web", port: 80, client: "client/app" }, request: { path: "/" } });
    expect(consumer.trace.map((s) => s.detail).join("\n")).toMatch(/consumer routes of namespace client apply[\s\S]*producer routes of Service shop\/web do not apply to this client: HTTPRoute\/shop\/web/);
    const kinds = match(model, { mesh: { service: "shop/kinds", port: 7070, client: C }, request: { protocol: "GRPC" } });
    expect(kinds.trace.some((s) => s.detail.includes("GRPCRoute routes take port 7070, so HTTPRoute/shop/kinds-http is ignored here"))).toBe(true);
  });

  it("routes pasted without Services: the Service is assumed to exist and its routes apply", () => {
    const m = modelOf(YAML.split("\n---\n").filter((d) => !d.startsWith("apiVersion: v1\nkind: Service")).join("\n---\n"));
    const o = match(m, { mesh: { service: "shop/web", port: 80, client: C }, request: { path: "/v2" } });
    expect([o.statusCode, o.backend, o.route]).toEqual([200, "shop/web-v2", "HTTPRoute/shop/web"]);
    expect(o.trace.some((s) => s.detail.includes("assumed to exist"))).toBe(true);
  });

  it("a route that lost its port to a more specific kind (Conflicted) is not applied", () => {
    const m = modelOf(YAML.replace("name: kinds, port: 7070}", "name: kinds}"));
    expect(m.routes.find((r) => r.key === "HTTPRoute/shop/kinds-http")!.parents[0].reason).toBe("Conflicted");
    const o = match(m, { mesh: { service: "shop/kinds", port: 80, client: C }, request: { path: "/" } });
    // The GRPCRoute (a rule without matches: every call) takes port 80 too; the HTTPRoute is out.
    expect([o.statusCode, o.route, o.grpcStatus]).toEqual([200, "GRPCRoute/shop/kinds-grpc", undefined]);
    expect(o.trace.some((s) => s.refs.includes("HTTPRoute/shop/kinds-http"))).toBe(false);
  });

  it("trace steps of the Gateway matchers name the Service, not the stand-in listener", () => {
    for (const mesh of [{ service: "shop/only-grpc", port: 7070, client: C }, { service: "shop/web", port: 80, client: "client/app" }]) {
      const o = match(model, { mesh, request: { protocol: mesh.port === 7070 ? "GRPC" : "HTTP", path: "/nothing" } });
      expect(o.statusCode).toBe(404);
      expect(o.trace.flatMap((s) => s.refs).filter((r) => r.startsWith("Listener/"))).toEqual([]);
      expect(o.trace.at(-1)!.refs).toContain(`Service/${mesh.service}`);
    }
  });

  it("never throws on malformed mesh targets", () => {
    for (const mesh of [null, 3, "x", { service: 5 }, { service: "", pod: "" }, { service: "a/b/c", port: -1 }]) {
      const o = match(model, { mesh: mesh as unknown as MeshTarget, request: { path: "/" } });
      expect(typeof o.statusCode).toBe("number");
    }
  });
});
