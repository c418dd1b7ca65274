/**
 * TLS connections, table-driven: the TLS listener by port and SNI (most specific first, listener
 * isolation), Passthrough and Terminate, the TLSRoute by SNI hostname then age, weights and
 * invalid backends (rejected share), refused connections, and TLS reaching ports without TLS
 * listener (HTTPS terminates and reads HTTP, TCP forwards the bytes, HTTP fails the handshake).
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { modelOf } from "./testing/fixture";
import type { Outcome } from "../model/outcome";

const CERT = Buffer.from("-----BEGIN CERTIFICATE-----\nc2ltdWxhdGVk\n-----END CERTIFICATE-----\n").toString("base64");
const KEY = Buffer.from("-----BEGIN PRIVATE KEY-----\nc2ltdWxhdGVk\n-----END PRIVATE KEY-----\n").toString("base64");
const SERVICES = ["payments", "wild", "never", "deep", "vip", "catchall", "a", "term-backend", "web", "raw"];

function tlsRoute(name: string, section: string, hostnames: string[], backends: string, created?: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: ${name}, namespace: tls${created ? `, creationTimestamp: "${created}"` : ""}}
spec:
  parentRefs: [{name: edge, sectionName: ${section}}]
  hostnames: ${JSON.stringify(hostnames)}
  rules: [{backendRefs: ${backends}}]`;
}

const YAML = [
  `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: tls}
spec:
  gatewayClassName: gc
  listeners:
  - {name: pass, port: 443, protocol: TLS, hostname: "*.example.com", tls: {mode: Passthrough}}
  - {name: pass-exact, port: 443, protocol: TLS, hostname: vip.example.com, tls: {mode: Passthrough}}
  - {name: any, port: 443, protocol: TLS, tls: {mode: Passthrough}}
  - {name: term, port: 8443, protocol: TLS, hostname: term.example.com, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}
  - {name: https, port: 9443, protocol: HTTPS, hostname: web.example.com, tls: {certificateRefs: [{name: cert}]}}
  - {name: tcp, port: 7000, protocol: TCP}
  - {name: http, port: 8080, protocol: HTTP}`,
  `apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: tls}
type: kubernetes.io/tls
data: {tls.crt: ${CERT}, tls.key: ${KEY}}`,
  tlsRoute("payments", "pass", ["payments.example.com"], "[{name: payments, port: 8443}]"),
  tlsRoute("wild", "pass", ["*.example.com"], "[{name: wild, port: 8443}]", "2024-01-01T00:00:00Z"),
  tlsRoute("a-wild-newer", "pass", ["*.example.com"], "[{name: never, port: 8443}]", "2024-02-01T00:00:00Z"),
  tlsRoute("deep", "pass", ["*.eu.example.com"], "[{name: deep, port: 8443}]"),
  tlsRoute("vip", "pass-exact", ["vip.example.com"], "[{name: vip, port: 8443}]"),
  tlsRoute("catchall", "any", ["other.org"], "[{name: catchall, port: 8443}]"),
  tlsRoute("split", "pass", ["split.example.com"], "[{name: a, port: 8443, weight: 1}, {name: missing, port: 8443, weight: 1}]"),
  tlsRoute("broken", "pass", ["broken.example.com"], "[{name: missing, port: 8443}]"),
  tlsRoute("term", "term", ["term.example.com"], "[{name: term-backend, port: 3000}]"),
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: tls}
spec:
  parentRefs: [{name: edge, sectionName: https}]
  rules: [{backendRefs: [{name: web, port: 8080}]}]`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: raw, namespace: tls}
spec:
  parentRefs: [{name: edge, sectionName: tcp}]
  rules: [{backendRefs: [{name: raw, port: 7000}]}]`,
  ...SERVICES.map((s) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${s}, namespace: tls}\nspec: {ports: [{port: 8443}, {port: 3000}, {port: 8080}, {port: 7000}]}`),
].join("\n---\n");

const model = modelOf(YAML);

interface Row {
  name: string;
  sni: string;
  port?: number;
  gateway?: string;
  expect: Partial<Outcome>;
  /** The connection is refused (status 0 with a connection error). */
  refused?: boolean;
}

const pass = (sni: string) => ({ mode: "Passthrough" as const, sni });
const rows: Row[] = [
  { name: "exact route hostname", sni: "payments.example.com", expect: { statusCode: 200, backend: "tls/payments", route: "TLSRoute/tls/payments", rule: 0, listener: "tls/edge/pass", frontendTLS: pass("payments.example.com") } },
  { name: "wildcard route hostname; the older of two equal routes wins", sni: "shop.example.com", expect: { backend: "tls/wild", route: "TLSRoute/tls/wild" } },
  { name: "the longer wildcard wins", sni: "a.eu.example.com", expect: { backend: "tls/deep" } },
  { name: "SNI is case-insensitive", sni: "PAYMENTS.example.com", expect: { backend: "tls/payments", frontendTLS: pass("payments.example.com") } },
  { name: "listener isolation: the exact listener takes its SNI", sni: "vip.example.com", expect: { backend: "tls/vip", listener: "tls/edge/pass-exact" } },
  { name: "listener without hostname for other names", sni: "other.org", expect: { backend: "tls/catchall", listener: "tls/edge/any" } },
  { name: "no route for the SNI on its listener: rejected", sni: "nomatch.org", refused: true, expect: { listener: "tls/edge/any", route: null } },
  { name: "no SNI: only the listener without hostname, whose route names a hostname", sni: "", refused: true, expect: { listener: "tls/edge/any" } },
  { name: "a weighted split with an invalid backend: its share is rejected", sni: "split.example.com", expect: { statusCode: 200, backend: null, route: "TLSRoute/tls/split" } },
  { name: "only an invalid backend: every connection is rejected", sni: "broken.example.com", refused: true, expect: { backend: null, route: "TLSRoute/tls/broken" } },
  { name: "Terminate: the gateway ends TLS, the backend gets plain bytes", sni: "term.example.com", port: 8443, expect: { backend: "tls/term-backend", frontendTLS: { mode: "Terminate", sni: "term.example.com" } } },
  { name: "Terminate listener: its hostname must match the SNI", sni: "x.example.com", port: 8443, refused: true, expect: { listener: null } },
  { name: "TLS to an HTTPS listener: the gateway terminates and reads HTTP", sni: "web.example.com", port: 9443, expect: { statusCode: 200, backend: "tls/web", route: "HTTPRoute/tls/web" } },
  { name: "TLS to a TCP listener: forwarded as bytes, the backend terminates", sni: "any.example.com", port: 7000, expect: { backend: "tls/raw", route: "TCPRoute/tls/raw", frontendTLS: pass("any.example.com") } },
  { name: "TLS to an HTTP listener: the handshake fails", sni: "x.example.com", port: 8080, refused: true, expect: { backend: null } },
  { name: "nothing listens on the port", sni: "x.example.com", port: 1234, refused: true, expect: { listener: null } },
  { name: "unknown Gateway", sni: "x.example.com", gateway: "tls/nope", refused: true, expect: { listener: null } },
];

function connect(r: Pick<Row, "sni" | "port" | "gateway">, trace = true): Outcome {
  return match(model, { gateway: r.gateway ?? "tls/edge", request: { protocol: "TLS", host: r.sni, sni: r.sni, port: r.port ?? 443 } }, { trace });
}

describe("TLSRoute matching", () => {
  it("the fixture is accepted as written", () => {
    expect(model.diagnostics.filter((d) => d.severity === "error" && !d.message.includes("missing")).map((d) => d.message)).toEqual([]);
  });

  it.each(rows)("$name", (r) => {
    const o = connect(r);
    const why = o.trace.map((s) => `${s.step}: ${s.detail}`).join("\n");
    expect(o, why).toMatchObject(r.expect);
    if (r.refused) expect({ statusCode: o.statusCode, error: typeof o.connectionError }, why).toEqual({ statusCode: 0, error: "string" });
    else expect(o.connectionError, why).toBeUndefined();
    const quiet = connect(r, false);
    expect({ ...quiet, trace: [] }).toEqual({ ...o, trace: [] });
  });

  it("weights with an invalid backend: half the connections reach a, half are rejected", () => {
    const o = connect({ sni: "split.example.com" });
    expect(o.backends.map((b) => [b.name, b.probability, b.invalid ?? null])).toEqual([
      ["a", 0.5, null],
      ["missing", 0.5, "BackendNotFound"],
    ]);
    expect(o.trace.some((s) => s.detail.includes("50% of connections would go to Service/tls/missing, which is invalid (BackendNotFound): they are rejected"))).toBe(true);
  });

  it("the trace names the listener chosen by SNI, the losing listeners and routes", () => {
    const steps = connect({ sni: "shop.example.com" }).trace;
    const details = steps.map((s) => s.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        "listener pass-exact loses: its hostname vip.example.com does not match SNI \"shop.example.com\"",
        "listener any loses: less specific than pass (*.example.com)",
        expect.stringMatching(/^listener pass \(port 443, TLS, hostname \*\.example\.com\) takes SNI "shop\.example\.com"/),
        expect.stringMatching(/^TLSRoute\/tls\/a-wild-newer also matches: it loses to TLSRoute\/tls\/wild, older route/),
        "TLSRoute/tls/payments: its hostnames (payments.example.com) do not match SNI \"shop.example.com\"",
      ]),
    );
    const chosen = steps.find((s) => s.step === "rule");
    expect(chosen?.refs).toEqual(["TLSRoute/tls/wild", "Listener/tls/edge/pass"]);
  });
});
