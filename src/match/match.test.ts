/**
 * The wired matcher on a YAML fixture: listener selection (isolation, SNI, 421), hostname and match
 * precedence across routes, filters, traffic split, and bad input. Rows are {request, expect}.
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { naiveMatch } from "./naive";
import { modelOf } from "./testing/fixture";
import type { RequestSpec } from "../model/request";
import type { Outcome } from "../model/outcome";

const CERT = Buffer.from("-----BEGIN CERTIFICATE-----\nc2ltdWxhdGVk\n-----END CERTIFICATE-----\n").toString("base64");
const KEY = Buffer.from("-----BEGIN PRIVATE KEY-----\nc2ltdWxhdGVk\n-----END PRIVATE KEY-----\n").toString("base64");

const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: foo, port: 80, protocol: HTTP, hostname: foo.example.com}
  - {name: wild, port: 80, protocol: HTTP, hostname: "*.example.com"}
  - {name: alt, port: 8080, protocol: HTTP}
  - name: secure
    port: 443
    protocol: HTTPS
    hostname: secure.example.com
    tls: {certificateRefs: [{name: cert}]}
  - name: https-any
    port: 443
    protocol: HTTPS
    tls: {certificateRefs: [{name: cert}]}
---
apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: infra}
type: kubernetes.io/tls
data: {tls.crt: ${CERT}, tls.key: ${KEY}}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: infra}
spec: {ports: [{port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: infra}
spec: {ports: [{port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: c, namespace: infra}
spec: {ports: [{port: 8080}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-http, namespace: infra, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /x}}]
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: Exact, value: /same}}]
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /m}, method: POST}, {path: {type: PathPrefix, value: /m}, headers: [{name: x, value: "1"}, {name: y, value: "2"}]}]
    backendRefs: [{name: b, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /m}, headers: [{name: x, value: "1"}]}]
    backendRefs: [{name: c, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /split}}]
    backendRefs: [{name: a, port: 8080, weight: 3}, {name: b, port: 8080, weight: 1}, {name: c, port: 8080, weight: 0}]
  - matches: [{path: {type: PathPrefix, value: /zero}}]
    backendRefs: [{name: a, port: 8080, weight: 0}]
  - matches: [{path: {type: PathPrefix, value: /missing}}]
    backendRefs: [{name: nope, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /half-missing}}]
    backendRefs: [{name: a, port: 8080}, {name: nope, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /none}}]
  - matches: [{path: {type: PathPrefix, value: /rewrite}}]
    filters:
    - type: URLRewrite
      urlRewrite: {hostname: internal.example.net, path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}
    - type: RequestHeaderModifier
      requestHeaderModifier: {add: [{name: X-Trace, value: gw}], remove: [X-Drop]}
    - type: RequestMirror
      requestMirror: {backendRef: {name: c, port: 8080}, percent: 25}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: RegularExpression, value: "/re/[0-9]+"}}]
    backendRefs: [{name: c, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: older-same, namespace: infra, creationTimestamp: "2023-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  rules:
  - matches: [{path: {type: Exact, value: /same}}]
    backendRefs: [{name: b, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-foo, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: foo}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /foo}}]
    backendRefs: [{name: b, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: host-exact, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: wild}]
  hostnames: [app.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /api}, method: DELETE}]
    backendRefs: [{name: a, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: host-wild, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: wild}]
  rules:
  - matches: [{path: {type: Exact, value: /deep/path}}]
    backendRefs: [{name: c, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-alt, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: alt}]
  rules:
  - filters: [{type: RequestRedirect, requestRedirect: {hostname: example.org}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-https, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: secure}, {name: gw, sectionName: https-any}]
  rules:
  - filters: [{type: RequestRedirect, requestRedirect: {scheme: http}}]
    matches: [{path: {type: PathPrefix, value: /insecure}}]
  - backendRefs: [{name: a, port: 8080}]
`;

const model = modelOf(YAML);
const send = (r: RequestSpec, gateway = "infra/gw") => match(model, { gateway, request: { protocol: "HTTP", method: "GET", path: "/", ...r } });

interface Want {
  status: number;
  backend?: string | null;
  listener?: string | null;
  route?: string | null;
  rule?: number | null;
  step?: string;
}

const rows: { name: string; request: RequestSpec; gateway?: string; want: Want }[] = [
  // Listener selection and isolation
  { name: "no Host: the listener without hostname", request: { host: "", path: "/x" }, want: { status: 200, backend: "infra/a", listener: "infra/gw/http", route: "HTTPRoute/infra/on-http", rule: 0 } },
  { name: "IP Host: the listener without hostname", request: { host: "10.0.0.7", path: "/x" }, want: { status: 200, listener: "infra/gw/http" } },
  { name: "exact listener hostname wins", request: { host: "foo.example.com", path: "/foo" }, want: { status: 200, backend: "infra/b", listener: "infra/gw/foo" } },
  { name: "listener isolation: foo's request never reaches http's routes", request: { host: "foo.example.com", path: "/x" }, want: { status: 404, listener: "infra/gw/foo", step: "listener" } },
  { name: "Host port suffix ignored, case-insensitive", request: { host: "FOO.example.com:80", path: "/foo" }, want: { status: 200, listener: "infra/gw/foo" } },
  { name: "wildcard listener", request: { host: "bar.example.com", path: "/deep/path" }, want: { status: 200, backend: "infra/c", listener: "infra/gw/wild" } },
  { name: "wildcard listener does not match its bare suffix", request: { host: "example.com", path: "/x" }, want: { status: 200, listener: "infra/gw/http" } },
  { name: "other port", request: { host: "", port: 8080, path: "/any" }, want: { status: 302, listener: "infra/gw/alt", backend: null } },
  { name: "no listener on the port", request: { host: "", port: 9999 }, want: { status: 404, listener: null, step: "listener" } },
  { name: "HTTPS by SNI", request: { protocol: "HTTPS", host: "secure.example.com", path: "/p" }, want: { status: 200, listener: "infra/gw/secure", backend: "infra/a" } },
  { name: "HTTPS, Host of another listener than the SNI's: 421", request: { protocol: "HTTPS", sni: "secure.example.com", host: "other.example.com" }, want: { status: 421, listener: "infra/gw/secure", backend: null, step: "listener" } },
  { name: "HTTPS, Host owned by no other listener: handled", request: { protocol: "HTTPS", sni: "zzz.example.net", host: "secure2.example.net" }, want: { status: 200, listener: "infra/gw/https-any" } },
  { name: "HTTP request to the HTTPS port", request: { protocol: "HTTP", port: 443, host: "secure.example.com" }, want: { status: 404, listener: null } },
  // Hostname precedence among routes on one listener
  { name: "exact route hostname beats wildcard, even with a shorter path", request: { host: "app.example.com", path: "/deep/path" }, want: { status: 200, route: "HTTPRoute/infra/host-exact", rule: 0 } },
  { name: "other hosts get the wildcard route", request: { host: "other.example.com", path: "/deep/path" }, want: { status: 200, route: "HTTPRoute/infra/host-wild" } },
  { name: "method match beats a plain prefix", request: { host: "app.example.com", path: "/api/x", method: "DELETE" }, want: { status: 200, route: "HTTPRoute/infra/host-exact", rule: 1 } },
  // Match precedence across rules and routes
  { name: "older route wins a tie", request: { host: "", path: "/same" }, want: { status: 200, backend: "infra/b", route: "HTTPRoute/infra/older-same" } },
  { name: "method beats two headers", request: { host: "", path: "/m", method: "POST", headers: { x: "1", y: "2" } }, want: { status: 200, backend: "infra/b", rule: 2 } },
  { name: "two headers beat one", request: { host: "", path: "/m", headers: { X: "1", Y: "2" } }, want: { status: 200, backend: "infra/b", rule: 2 } },
  { name: "one header", request: { host: "", path: "/m/", headers: { x: "1" } }, want: { status: 200, backend: "infra/c", rule: 3 } },
  { name: "no match: 404", request: { host: "", path: "/m" }, want: { status: 404, backend: null, listener: "infra/gw/http", route: null } },
  { name: "regex path", request: { host: "", path: "/re/42" }, want: { status: 200, backend: "infra/c" } },
  // Backends
  { name: "weighted: no single backend", request: { host: "", path: "/split" }, want: { status: 200, backend: null } },
  { name: "all weights 0: 500", request: { host: "", path: "/zero" }, want: { status: 500, backend: null } },
  { name: "missing Service: 500", request: { host: "", path: "/missing" }, want: { status: 500, backend: null } },
  { name: "half missing: served, backend not single", request: { host: "", path: "/half-missing" }, want: { status: 200, backend: null } },
  { name: "no backendRefs: 500", request: { host: "", path: "/none" }, want: { status: 500, backend: null } },
  // Bad input
  { name: "unknown gateway: 404", gateway: "infra/nope", request: { host: "" }, want: { status: 404, listener: null, step: "gateway" } },
  { name: "TCP to a port with only HTTP listeners: refused (l4.ts)", request: { protocol: "TCP", host: "" }, want: { status: 0, step: "connection" } },
];

describe("match: wired on a YAML fixture", () => {
  it("the fixture is accepted by the controller", () => {
    const gw = model.gateways.find((g) => g.resource.name === "gw")!;
    expect(gw.listeners.map((l) => [l.name, l.programmed])).toEqual([["http", true], ["foo", true], ["wild", true], ["alt", true], ["secure", true], ["https-any", true]]);
  });

  it.each(rows)("$name", ({ request, gateway, want }) => {
    const o = send(request, gateway);
    const got: Want = { status: o.statusCode };
    if ("backend" in want) got.backend = o.backend;
    if ("listener" in want) got.listener = o.listener;
    if ("route" in want) got.route = o.route;
    if ("rule" in want) got.rule = o.rule;
    if (want.step) got.step = o.trace.some((s) => s.step === want.step) ? want.step : `no ${want.step} step`;
    expect(got, o.trace.map((s) => `${s.step}: ${s.detail}`).join("\n")).toEqual(want);
    if (request.protocol !== "TCP") {
      const n = naiveMatch(model, { gateway: gateway ?? "infra/gw", request: { protocol: "HTTP", method: "GET", path: "/", ...request } });
      expect([n.statusCode, n.backend, n.route, n.rule]).toEqual([o.statusCode, o.backend, o.route, o.rule]);
    }
  });
});

describe("match: what the backend and the client get", () => {
  it("URLRewrite, header modifier and mirror", () => {
    const o = send({ host: "", path: "/rewrite/items", headers: { "X-Drop": "1", "X-Trace": "client" } });
    expect(o).toMatchObject({ statusCode: 200, backend: "infra/a", path: "/v2/items", host: "internal.example.net", requestHeaders: { "x-trace": "client,gw" }, mirrors: ["infra/c"], mirrorShares: [{ backend: "infra/c", percent: 25 }] });
    expect(o.requestHeaders).not.toHaveProperty("x-drop");
  });

  it("weighted split lists shares, weight 0 gets none", () => {
    const o = send({ host: "", path: "/split" });
    expect(o.backends.map((b) => [b.name, b.probability])).toEqual([["a", 0.75], ["b", 0.25], ["c", 0]]);
  });

  it("the invalid half keeps its share and is marked", () => {
    const o = send({ host: "", path: "/half-missing" });
    expect(o.backends.map((b) => [b.name, b.probability, b.invalid ?? null])).toEqual([["a", 0.5, null], ["nope", 0.5, "BackendNotFound"]]);
    expect(o.trace.some((s) => s.detail.includes("get 500"))).toBe(true);
  });

  it("redirect without scheme keeps the listener's port; scheme change uses the well-known port", () => {
    expect(send({ host: "", port: 8080, path: "/a?b=1" }).redirect).toEqual({ statusCode: 302, location: "http://example.org:8080/a?b=1" });
    expect(send({ protocol: "HTTPS", host: "secure.example.com", path: "/insecure" }).redirect).toEqual({ statusCode: 302, location: "http://secure.example.com/insecure" });
  });

  it("the trace names losers and the deciding criterion", () => {
    const o = send({ host: "", path: "/m", headers: { x: "1", y: "2" } });
    const text = o.trace.map((s) => `${s.step}: ${s.detail}`).join("\n");
    expect(text).toContain("rule 3 match 0 (PathPrefix \"/m\", 1 header) also matches but loses");
    expect(text).toContain("more header matches (2 > 1)");
    expect(text).toContain("rule 2 match 0 (PathPrefix \"/m\", POST) does not match: method GET is not POST");
    expect(o.trace.find((s) => s.step === "rule")!.refs).toContain("HTTPRoute/infra/on-http");
  });

  it("with trace off, no steps and the same answer", () => {
    const req = { gateway: "infra/gw", request: { protocol: "HTTP" as const, host: "", path: "/rewrite/x" } };
    const off = match(model, req, { trace: false });
    const on = match(model, req);
    expect(off.trace).toEqual([]);
    expect({ ...off, trace: [] }).toEqual({ ...on, trace: [] });
  });

  it("gRPC over h2c: an HTTP/2 POST to /service/method, with a gRPC status", () => {
    const hit = match(model, { gateway: "infra/gw", request: { protocol: "GRPC", host: "", grpc: { service: "x", method: "Y" } } });
    expect(hit).toMatchObject({ statusCode: 200, path: "/x/Y", grpcStatus: "OK", listener: "infra/gw/http" });
    expect(hit.requestHeaders["content-type"]).toBe("application/grpc");
    const miss = match(model, { gateway: "infra/gw", request: { protocol: "GRPC", host: "foo.example.com", grpc: { service: "x", method: "Y" } } });
    expect(miss).toMatchObject({ statusCode: 404, grpcStatus: "Unimplemented" });
  });

  it("never throws on nonsense", () => {
    const bad: unknown[] = [null, {}, { gateway: 5, request: null }, { gateway: "infra/gw", request: { protocol: "http", port: -1, headers: "x", query: 3 } }];
    for (const b of bad) {
      const o: Outcome = match(model, b as never);
      expect(typeof o.statusCode).toBe("number");
    }
    expect(match({} as never, { gateway: "a/b", request: {} }).statusCode).toBe(404);
  });
});
