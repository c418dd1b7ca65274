/**
 * Backend policy effects on requests: one YAML fixture (a Gateway with a backend client
 * certificate, Services with named ports, BackendTLSPolicies, BackendLBPolicy,
 * XBackendTrafficPolicy, route rules with sessionPersistence) and rows of {request, expect}.
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { modelOf } from "./testing/fixture";
import { landOnBackend, policyIndex } from "./policy-effects";
import { Trace } from "./trace";

const svc = (name: string, ports = "[{name: https, port: 443}, {name: plain, port: 8080}]") => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: app}
spec: {ports: ${ports}}`;
const btls = (name: string, target: string, validation: string, created = "2026-01-01T00:00:00Z") => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: ${name}, namespace: app, creationTimestamp: "${created}"}
spec:
  targetRefs: [${target}]
  validation: ${validation}`;
const rule = (path: string, backends: string, extra = "") => `  - matches: [{path: {type: PathPrefix, value: ${path}}}]
    backendRefs: ${backends}${extra}`;

const YAML = [
  `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: gc
  tls: {backend: {clientCertificateRef: {name: client}}}
  listeners: [{name: http, port: 80, protocol: HTTP}]`,
  `apiVersion: v1
kind: Secret
metadata: {name: client, namespace: app}
type: kubernetes.io/tls
stringData: {tls.crt: "-----BEGIN CERTIFICATE-----\\nAA==\\n-----END CERTIFICATE-----\\n", tls.key: "-----BEGIN PRIVATE KEY-----\\nAA==\\n-----END PRIVATE KEY-----\\n"}`,
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: app}\ndata: {ca.crt: pem}",
  svc("secure"),
  svc("sans"),
  svc("broken"),
  svc("sticky"),
  svc("plain"),
  btls("whole", "{group: '', kind: Service, name: secure}", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}], hostname: secure.example.com}"),
  btls("port", "{group: '', kind: Service, name: secure, sectionName: https}", "{wellKnownCACertificates: System, hostname: port.example.com}"),
  btls("sans", "{group: '', kind: Service, name: sans}", "{wellKnownCACertificates: System, hostname: sans.example.com, subjectAltNames: [{type: URI, uri: 'spiffe://td/ns/app/sa/sans'}]}"),
  btls("broken", "{group: '', kind: Service, name: broken}", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: missing}], hostname: broken.example.com}"),
  btls("loser", "{group: '', kind: Service, name: secure}", "{wellKnownCACertificates: System, hostname: loser.example.com}", "2026-02-01T00:00:00Z"),
  `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: BackendLBPolicy
metadata: {name: lb, namespace: app, creationTimestamp: "2026-01-01T00:00:00Z"}
spec:
  targetRefs: [{group: '', kind: Service, name: sticky}]
  sessionPersistence: {sessionName: SID, absoluteTimeout: 1h, cookieConfig: {lifetimeType: Permanent}}`,
  `apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XBackendTrafficPolicy
metadata: {name: budget, namespace: app, creationTimestamp: "2026-01-01T00:00:00Z"}
spec:
  targetRefs: [{group: '', kind: Service, name: sticky}]
  retryConstraint: {budget: {percent: 30, interval: 20s}}`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
${[
  rule("/secure-https", "[{name: secure, port: 443}]"),
  rule("/secure-plain", "[{name: secure, port: 8080}]"),
  rule("/sans", "[{name: sans, port: 443}]"),
  rule("/broken", "[{name: broken, port: 443}]"),
  rule("/half-broken", "[{name: broken, port: 443}, {name: plain, port: 8080}]"),
  rule("/sticky", "[{name: sticky, port: 8080}]"),
  rule("/rule-session", "[{name: sticky, port: 8080}]", "\n    sessionPersistence: {sessionName: RULE, type: Header}"),
  rule("/plain", "[{name: plain, port: 8080}]"),
  rule("/mirror-secure", "[{name: plain, port: 8080}]", "\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: secure, port: 443}}}]"),
  rule("/mirror-broken", "[{name: plain, port: 8080}]", "\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: broken, port: 443}, percent: 50}}]"),
  rule("/mirror-plain", "[{name: plain, port: 8080}]", "\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: plain, port: 8080}}}]"),
].join("\n")}`,
].join("\n---\n");

const model = modelOf(YAML);

describe("backend policy effects on requests", () => {
  it.each<{ path: string; status: number; backend: string | null; tls?: object | null; policies?: string[]; trace: string[] }>([
    {
      path: "/secure-https",
      status: 200,
      backend: "app/secure",
      tls: { policy: "BackendTLSPolicy/app/port", sni: "port.example.com", verify: ["port.example.com"], ca: ["System"], clientCertificate: "app/client" },
      policies: ["BackendTLSPolicy/app/port"],
      trace: ["upstream TLS to Service app/secure:443 (BackendTLSPolicy app/port (sectionName https)): SNI port.example.com", "the gateway presents the client certificate of Secret app/client"],
    },
    {
      path: "/secure-plain",
      status: 200,
      backend: "app/secure",
      tls: { policy: "BackendTLSPolicy/app/whole", sni: "secure.example.com", ca: ["ConfigMap/app/ca"] },
      trace: ["trusted CA from ConfigMap app/ca", "BackendTLSPolicy app/loser targets Service app/secure:8080 but has no effect: app/whole takes precedence"],
    },
    {
      path: "/sans",
      status: 200,
      backend: "app/sans",
      tls: { sni: "sans.example.com", verify: ["spiffe://td/ns/app/sa/sans"], ca: ["System"] },
      trace: ["one of its subjectAltNames (URI:spiffe://td/ns/app/sa/sans); the hostname is only the SNI", "the System CA certificates"],
    },
    { path: "/broken", status: 500, backend: null, tls: null, policies: ["BackendTLSPolicy/app/broken"], trace: ["upstream TLS to Service app/broken:443 fails", "NoValidCACertificate", "the gateway cannot connect to Service/app/broken: 500"] },
    { path: "/half-broken", status: 200, backend: null, trace: ["50% of requests go to Service/app/broken", "upstream TLS to Service app/broken:443 fails"] },
    {
      path: "/sticky",
      status: 200,
      backend: "app/sticky",
      tls: null,
      policies: ["XBackendTrafficPolicy/app/budget", "BackendLBPolicy/app/lb"],
      trace: ['session persistence (BackendLBPolicy app/lb): cookie "SID" (permanent cookie (Expires/Max-Age), absolute timeout 1h)', "retry budget (XBackendTrafficPolicy app/budget): retries to Service app/sticky:8080 may make up at most 30% of its active requests over 20s, and at least 10 per 1s"],
    },
    {
      path: "/rule-session",
      status: 200,
      backend: "app/sticky",
      trace: ['session persistence (route rule): header "RULE"', "BackendLBPolicy app/lb sets session persistence for Service app/sticky:8080, but the route rule's own sessionPersistence overrides it"],
    },
    { path: "/plain", status: 200, backend: "app/plain", tls: null, trace: [] },
  ])("$path", ({ path, status, backend, tls, policies, trace }) => {
    const o = match(model, { gateway: "app/gw", request: { host: "x.example.com", path } });
    const steps = o.trace.map((s) => s.detail);
    expect({ status: o.statusCode, backend: o.backend }, steps.join("\n")).toEqual({ status, backend });
    const b = o.backends.find((x) => `${x.namespace}/${x.name}` === (backend ?? `app/${path.split("/")[1]}`));
    if (tls === null) expect(b?.tls).toBeUndefined();
    else if (tls) expect(b?.tls).toMatchObject(tls);
    if (policies) expect(b?.policies).toEqual(policies);
    for (const want of trace) expect(steps.some((s) => s.includes(want)), `no trace step with ${JSON.stringify(want)} in\n${steps.join("\n")}`).toBe(true);
    if (path === "/plain") expect(o.trace.some((s) => s.step === "policy")).toBe(false);
  });

  // A mirror target is a backend the gateway connects to: its policies apply to the mirrored copy.
  it.each<{ path: string; mirrors: string[]; share: object; trace: string }>([
    {
      path: "/mirror-secure",
      mirrors: ["app/secure"],
      share: { backend: "app/secure", percent: 100, policies: ["BackendTLSPolicy/app/port"], tls: { policy: "BackendTLSPolicy/app/port", sni: "port.example.com", verify: ["port.example.com"], ca: ["System"], clientCertificate: "app/client" } },
      trace: "upstream TLS to Service app/secure:443 (BackendTLSPolicy app/port (sectionName https)): SNI port.example.com",
    },
    {
      path: "/mirror-broken",
      mirrors: [],
      share: { backend: "app/broken", percent: 50, policies: ["BackendTLSPolicy/app/broken"], invalid: expect.stringMatching(/NoValidCACertificate/) },
      trace: "the gateway cannot connect to mirror target app/broken",
    },
    { path: "/mirror-plain", mirrors: ["app/plain"], share: { backend: "app/plain", percent: 100 }, trace: "100% of requests are mirrored to app/plain" },
  ])("mirror $path: the target's policies apply to the mirrored copy; the request itself is unaffected", ({ path, mirrors, share, trace }) => {
    const o = match(model, { gateway: "app/gw", request: { host: "x.example.com", path } });
    const steps = o.trace.map((s) => s.detail);
    expect([o.statusCode, o.backend]).toEqual([200, "app/plain"]);
    expect(o.mirrors).toEqual(mirrors);
    expect(o.mirrorShares).toEqual([share]);
    expect(steps.some((s) => s.includes(trace)), steps.join("\n")).toBe(true);
  });

  it("half of the traffic to a split with a backend the gateway cannot connect to gets 500", () => {
    const o = match(model, { gateway: "app/gw", request: { host: "x.example.com", path: "/half-broken" } });
    expect(o.backends.map((b) => [b.name, b.probability, !!b.invalid])).toEqual([
      ["broken", 0.5, true],
      ["plain", 0.5, false],
    ]);
  });

  it("the trace names the policies as refs, so the canvas can light them up", () => {
    const o = match(model, { gateway: "app/gw", request: { host: "x.example.com", path: "/secure-https" } });
    const step = o.trace.find((s) => s.step === "policy");
    expect(step?.refs).toEqual(["BackendTLSPolicy/app/port", "Service/app/secure", "Secret/app/client", "HTTPRoute/app/r"]);
  });

  it("without trace the Outcome is the same", () => {
    for (const path of ["/secure-https", "/broken", "/half-broken", "/sticky", "/mirror-secure", "/mirror-broken"]) {
      const a = match(model, { gateway: "app/gw", request: { host: "x.example.com", path } });
      const b = match(model, { gateway: "app/gw", request: { host: "x.example.com", path } }, { trace: false });
      expect({ ...b, trace: [] }).toEqual({ ...a, trace: [] });
    }
  });

  it("policyIndex is null for a Model without policies, and landOnBackend then does nothing", () => {
    const bare = modelOf(YAML.split("\n---\n").filter((d) => !/Policy/.test(d)).join("\n---\n"));
    expect(policyIndex(bare)).toBeNull();
    expect(policyIndex(model)).not.toBeNull();
    const t = Trace.create(true);
    expect(landOnBackend(policyIndex(bare), "app/gw", { namespace: "app", name: "broken", port: 443 }, null, {}, "HTTPRoute/app/r", t)).toBeNull();
    expect(t.steps).toEqual([]);
    // Other matchers pass plain backend objects (mesh traffic: no Gateway, so no client certificate).
    expect(landOnBackend(policyIndex(model), null, { namespace: "app", name: "broken", port: 443 }, null, {}, "", t)).toMatch(/NoValidCACertificate/);
  });
});
