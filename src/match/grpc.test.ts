/**
 * GRPCRoute matching, table-driven: one configuration, rows of {request, expect}. Each row names
 * the rule it checks: method matches (Exact service+method, service only, method only,
 * RegularExpression), header matches, GRPCRouteRule.matches precedence, hostnames and listener
 * isolation, filters, traffic split, gRPC statuses, HTTPRoutes on the same listener, gRPC over TLS.
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { naiveMatch } from "./naive";
import { modelOf } from "./testing/fixture";
import type { Outcome } from "../model/outcome";
import type { RequestSpec } from "../model/request";

const CERT = Buffer.from("-----BEGIN CERTIFICATE-----\nc2ltdWxhdGVk\n-----END CERTIFICATE-----\n").toString("base64");
const KEY = Buffer.from("-----BEGIN PRIVATE KEY-----\nc2ltdWxhdGVk\n-----END PRIVATE KEY-----\n").toString("base64");
const T = (n: number) => `2024-01-0${n}T00:00:00Z`;
const SERVICES = ["read", "svc-all", "health", "lists", "gold", "tenants", "billing", "mirror", "s1", "s2", "api-backend", "wild-backend", "shop", "web", "rpc", "late", "lost", "secure-backend"];

const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: gc
  listeners:
  - {name: h2c, port: 80, protocol: HTTP}
  - {name: api, port: 80, protocol: HTTP, hostname: api.example.com}
  - {name: wild, port: 80, protocol: HTTP, hostname: "*.example.com"}
  - {name: mixed, port: 8080, protocol: HTTP}
  - name: tls
    port: 443
    protocol: HTTPS
    hostname: secure.example.com
    tls: {certificateRefs: [{name: cert}]}
---
apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: app}
type: kubernetes.io/tls
data: {tls.crt: ${CERT}, tls.key: ${KEY}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: catalog, namespace: app, creationTimestamp: "${T(1)}"}
spec:
  parentRefs: [{name: gw, sectionName: h2c}]
  rules:
  - matches: [{method: {service: catalog.v1.Catalog, method: Get}}]
    backendRefs: [{name: read, port: 9090}]
  - matches: [{method: {service: catalog.v1.Catalog}}]
    backendRefs: [{name: svc-all, port: 9090}]
  - matches: [{method: {method: Health}}]
    backendRefs: [{name: health, port: 9090}]
  - matches: [{method: {type: RegularExpression, service: 'catalog\\.v[0-9]+\\.Catalog', method: 'List.*'}}]
    backendRefs: [{name: lists, port: 9090}]
  - matches: [{method: {service: catalog.v1.Catalog, method: Get}, headers: [{name: X-Tenant, value: gold}]}]
    backendRefs: [{name: gold, port: 9090}]
  - matches: [{headers: [{name: x-tenant, type: RegularExpression, value: 'silver|bronze'}, {name: X-TENANT, value: ignored}]}]
    backendRefs: [{name: tenants, port: 9090}]
  - matches: [{method: {type: RegularExpression, service: '('}}]
    backendRefs: [{name: read, port: 9090}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: other, namespace: app, creationTimestamp: "${T(2)}"}
spec:
  parentRefs: [{name: gw, sectionName: h2c}]
  rules:
  - matches: [{method: {service: catalog.v1.Catalog, method: Get}}]
    backendRefs: [{name: svc-all, port: 9090}]
  - matches: [{method: {service: billing.v1.Billing, method: Pay}}]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: x-route, value: billing}], remove: [x-drop]}
    - type: ResponseHeaderModifier
      responseHeaderModifier: {add: [{name: x-served-by, value: billing}]}
    - type: RequestMirror
      requestMirror: {backendRef: {name: mirror, port: 9090}}
    backendRefs: [{name: billing, port: 9090}]
  - matches: [{method: {service: split.v1.Split}}]
    backendRefs: [{name: s1, port: 9090, weight: 3}, {name: s2, port: 9090, weight: 1}, {name: missing, port: 9090, weight: 1}]
  - matches: [{method: {service: broken.v1.Broken}}]
    backendRefs: [{name: missing, port: 9090}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: hosts-exact, namespace: app}
spec:
  parentRefs: [{name: gw, sectionName: api}]
  rules: [{backendRefs: [{name: api-backend, port: 9090}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: hosts-wild, namespace: app}
spec:
  parentRefs: [{name: gw, sectionName: wild}]
  hostnames: ["*.example.com"]
  rules: [{backendRefs: [{name: wild-backend, port: 9090}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: hosts-shop, namespace: app}
spec:
  parentRefs: [{name: gw, sectionName: wild}]
  hostnames: [shop.example.com]
  rules: [{matches: [{method: {service: shop.v1.Shop}}], backendRefs: [{name: shop, port: 9090}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: app, creationTimestamp: "${T(1)}"}
spec:
  parentRefs: [{name: gw, sectionName: mixed}]
  hostnames: [web.example.com]
  rules: [{backendRefs: [{name: web, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: rpc, namespace: app, creationTimestamp: "${T(2)}"}
spec:
  parentRefs: [{name: gw, sectionName: mixed}]
  hostnames: [rpc.example.com]
  rules: [{backendRefs: [{name: rpc, port: 9090}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: late, namespace: app, creationTimestamp: "${T(3)}"}
spec:
  parentRefs: [{name: gw, sectionName: mixed}]
  hostnames: ["*.example.com"]
  rules: [{backendRefs: [{name: late, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: lost, namespace: app, creationTimestamp: "${T(4)}"}
spec:
  parentRefs: [{name: gw, sectionName: mixed}]
  hostnames: [web.example.com]
  rules: [{backendRefs: [{name: lost, port: 9090}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: secure, namespace: app}
spec:
  parentRefs: [{name: gw, sectionName: tls}]
  rules: [{backendRefs: [{name: secure-backend, port: 9090}]}]
${SERVICES.map((s) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${s}, namespace: app}\nspec: {ports: [{port: 9090}, {port: 8080}]}\n`).join("")}`;

const model = modelOf(YAML);

interface Row {
  name: string;
  call: string;
  host?: string;
  port?: number;
  headers?: Record<string, string>;
  /** Expected fields of the Outcome. */
  expect: Partial<Pick<Outcome, "statusCode" | "backend" | "route" | "rule" | "match" | "grpcStatus" | "listener">>;
}

const rows: Row[] = [
  // GRPCMethodMatch, type Exact (Core: service and method).
  { name: "Exact service and method", call: "catalog.v1.Catalog/Get", expect: { backend: "app/read", route: "GRPCRoute/app/catalog", rule: 0, grpcStatus: "OK", statusCode: 200 } },
  { name: "method names are case-sensitive: the service-only rule takes it", call: "catalog.v1.Catalog/get", expect: { backend: "app/svc-all", rule: 1 } },
  { name: "service only: any method of the service", call: "catalog.v1.Catalog/Put", expect: { backend: "app/svc-all", rule: 1 } },
  { name: "method only: any service with that method", call: "grpc.health.v1.Health/Health", expect: { backend: "app/health", rule: 2 } },
  // GRPCMethodMatch, type RegularExpression (RE2, whole names).
  { name: "RegularExpression on service and method", call: "catalog.v2.Catalog/ListItems", expect: { backend: "app/lists", rule: 3 } },
  { name: "RegularExpression must match the whole method", call: "catalog.v2.Catalog/XListItems", expect: { backend: null, grpcStatus: "Unimplemented", statusCode: 404 } },
  // Precedence: more characters in the matching service (a pattern counts as written) beats an exact service.
  { name: "longer matching service wins (regex pattern 25 characters > 18)", call: "catalog.v1.Catalog/ListItems", expect: { backend: "app/lists", rule: 3 } },
  // Precedence: header matches, then the oldest route.
  { name: "more header matches win on equal service and method", call: "catalog.v1.Catalog/Get", headers: { "x-tenant": "gold" }, expect: { backend: "app/gold", rule: 4 } },
  { name: "header names are case-insensitive", call: "catalog.v1.Catalog/Get", headers: { "X-TENANT": "gold" }, expect: { backend: "app/gold", rule: 4 } },
  { name: "header values are case-sensitive", call: "catalog.v1.Catalog/Get", headers: { "x-tenant": "Gold" }, expect: { backend: "app/read", rule: 0 } },
  { name: "RegularExpression header, first entry per name only", call: "any.v1.Any/Call", headers: { "x-tenant": "bronze" }, expect: { backend: "app/tenants", rule: 5 } },
  { name: "a header regex must match the whole value", call: "any.v1.Any/Call", headers: { "x-tenant": "silverish" }, expect: { backend: null, grpcStatus: "Unimplemented" } },
  { name: "nothing matches: Unimplemented", call: "any.v1.Any/Call", expect: { backend: null, route: null, grpcStatus: "Unimplemented", statusCode: 404, listener: "app/gw/h2c" } },
  // Filters: RequestHeaderModifier, ResponseHeaderModifier, RequestMirror (checked below in detail).
  { name: "rule with filters", call: "billing.v1.Billing/Pay", expect: { backend: "app/billing", route: "GRPCRoute/app/other", rule: 1 } },
  // GRPCRouteRule.backendRefs: invalid backends give UNAVAILABLE.
  { name: "only invalid backends: UNAVAILABLE", call: "broken.v1.Broken/Do", expect: { backend: null, statusCode: 500, grpcStatus: "Unavailable", rule: 3 } },
  { name: "some invalid backends: the call is routed, the split is checked below", call: "split.v1.Split/Do", expect: { backend: null, statusCode: 200, grpcStatus: "OK", rule: 2 } },
  // Hostnames: listener isolation, then the most specific route hostname.
  { name: "exact listener hostname", call: "x.v1.X/Y", host: "api.example.com", expect: { backend: "app/api-backend", listener: "app/gw/api" } },
  { name: "exact route hostname before wildcard", call: "shop.v1.Shop/Buy", host: "shop.example.com", expect: { backend: "app/shop", listener: "app/gw/wild" } },
  { name: "wildcard route hostname when the exact one has no matching rule", call: "x.v1.X/Y", host: "shop.example.com", expect: { backend: "app/wild-backend" } },
  { name: "wildcard listener", call: "x.v1.X/Y", host: "deep.sub.example.com:80", expect: { backend: "app/wild-backend", listener: "app/gw/wild" } },
  { name: "listener without hostname for other hosts", call: "catalog.v1.Catalog/Get", host: "example.org", expect: { backend: "app/read", listener: "app/gw/h2c" } },
  // HTTPRoutes and GRPCRoutes on one listener (grpc-kinds.ts).
  { name: "a hostname served by HTTPRoutes: the call is an HTTP/2 POST", call: "x.v1.X/Y", host: "web.example.com", port: 8080, expect: { backend: "app/web", route: "HTTPRoute/app/web", grpcStatus: "OK" } },
  { name: "a hostname served by a GRPCRoute", call: "x.v1.X/Y", host: "rpc.example.com", port: 8080, expect: { backend: "app/rpc", route: "GRPCRoute/app/rpc" } },
  { name: "a newer HTTPRoute sharing the GRPCRoute's hostname is left out", call: "x.v1.X/Y", host: "other.example.com", port: 8080, expect: { backend: null, grpcStatus: "Unimplemented" } },
  // gRPC over TLS: the HTTPS listener is chosen by SNI.
  { name: "gRPC over TLS", call: "x.v1.X/Y", host: "secure.example.com", port: 443, expect: { backend: "app/secure-backend", listener: "app/gw/tls" } },
  { name: "gRPC over TLS, SNI no listener takes", call: "x.v1.X/Y", host: "other.example.com", port: 443, expect: { backend: null, grpcStatus: "Unimplemented" } },
];

function call(r: Pick<Row, "call" | "host" | "port" | "headers">, trace = true): Outcome {
  const [service, method] = r.call.split("/");
  const request: RequestSpec = { protocol: "GRPC", host: r.host ?? "", grpc: { service, method }, headers: r.headers };
  if (r.port) request.port = r.port;
  return match(model, { gateway: "app/gw", request }, { trace });
}

describe("GRPCRoute matching", () => {
  it("the fixture is accepted as written", () => {
    const problems = model.diagnostics.filter((d) => d.severity === "error" && !d.message.includes("missing"));
    expect(problems.map((d) => d.message)).toEqual([]);
  });

  it.each(rows)("$name", (r) => {
    const o = call(r);
    expect(o, o.trace.map((s) => `${s.step}: ${s.detail}`).join("\n")).toMatchObject(r.expect);
    // Tracing changes nothing but the trace.
    const quiet = call(r, false);
    expect({ ...quiet, trace: [] }).toEqual({ ...o, trace: [] });
  });

  it("applies the rule's filters: request and response headers, mirror", () => {
    const o = call({ call: "billing.v1.Billing/Pay", headers: { "x-drop": "1" } });
    expect(o.requestHeaders).toMatchObject({ "x-route": "billing", "content-type": "application/grpc" });
    expect(o.requestHeaders["x-drop"]).toBeUndefined();
    expect(o.responseHeaders).toEqual({ "x-served-by": "billing" });
    expect(o.mirrors).toEqual(["app/mirror"]);
  });

  it("splits by weight and marks the invalid share", () => {
    const o = call({ call: "split.v1.Split/Do" });
    expect(o.backends.map((b) => [b.name, b.probability, b.invalid ?? null])).toEqual([
      ["s1", 0.6, null],
      ["s2", 0.2, null],
      ["missing", 0.2, "BackendNotFound"],
    ]);
    expect(o.trace.some((s) => s.detail.includes("20% of calls would go to invalid backends: they get UNAVAILABLE"))).toBe(true);
  });

  it("the trace explains losers with the spec's criteria", () => {
    const details = call({ call: "catalog.v1.Catalog/Get", headers: { "x-tenant": "gold" } }).trace.map((s) => s.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/GRPCRoute\/app\/catalog rule 0 match 0 .* loses to GRPCRoute\/app\/catalog rule 4 match 0 .*: more header matches \(1 > 0\)/),
        expect.stringMatching(/rule 1 match 0 .* loses to .*: more characters in the matching method \(3 > 0\)/),
        expect.stringMatching(/rule 6 match 0 .* does not match: service regular expression "\(" does not compile/),
      ]),
    );
    expect(call({ call: "catalog.v1.Catalog/Get" }).trace.map((s) => s.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(/GRPCRoute\/app\/other rule 0 match 0 .* loses to GRPCRoute\/app\/catalog rule 0 match 0 .*: older route \(created 2024-01-01/)]),
    );
    const miss = call({ call: "catalog.v1.Catalog/Pat" }).trace.map((s) => s.detail);
    expect(miss).toEqual(expect.arrayContaining([expect.stringMatching(/rule 0 match 0 .* does not match: method "Pat" does not match "Get"/)]));
  });

  it("the trace says which route of a kind conflict is left out", () => {
    const o = call({ call: "x.v1.X/Y", host: "web.example.com", port: 8080 });
    const step = o.trace.find((s) => s.step === "kinds" && s.refs[0] === "GRPCRoute/app/lost");
    expect(step?.detail).toMatch(/GRPCRoute\/app\/lost is left out: it shares hostnames with HTTPRoute\/app\/web/);
    expect(step?.refs).toEqual(["GRPCRoute/app/lost", "HTTPRoute/app/web", "Listener/app/gw/mixed"]);
    // The left-out HTTPRoute (it shares *.example.com with the older GRPCRoute rpc) is no candidate.
    expect(o.trace.some((s) => s.step === "kinds" && s.detail.startsWith("HTTPRoute/app/late is left out: it shares hostnames with GRPCRoute/app/rpc"))).toBe(true);
    expect(o.trace.filter((s) => s.step !== "kinds" && s.refs.includes("HTTPRoute/app/late"))).toEqual([]);
  });

  it("HTTP requests leave the same route out; the naive matcher agrees", () => {
    for (const [host, route] of [
      ["other.example.com", null],
      ["web.example.com", "HTTPRoute/app/web"],
      ["rpc.example.com", null],
    ] as const) {
      const sim = { gateway: "app/gw", request: { host, port: 8080, path: "/" } };
      const o = match(model, sim);
      expect([o.route, o.statusCode], o.trace.map((s) => s.detail).join("\n")).toEqual([route, route ? 200 : 404]);
      const n = naiveMatch(model, sim);
      expect([n.route, n.statusCode]).toEqual([o.route, o.statusCode]);
    }
    const o = match(model, { gateway: "app/gw", request: { host: "other.example.com", port: 8080, path: "/" } });
    expect(o.trace.some((s) => s.step === "kinds" && s.detail.startsWith("HTTPRoute/app/late is left out"))).toBe(true);
  });

  it("an unknown Gateway is Unimplemented, and a path-only call is read as /service/method", () => {
    expect(match(model, { gateway: "app/nope", request: { protocol: "GRPC", grpc: { service: "a", method: "b" } } })).toMatchObject({ statusCode: 404, grpcStatus: "Unimplemented" });
    expect(match(model, { gateway: "app/gw", request: { protocol: "GRPC", path: "/catalog.v1.Catalog/Get" } })).toMatchObject({ backend: "app/read" });
  });
});
