/**
 * The Inspector's kind views, rendered to text on real engine snapshots of the gallery examples
 * (and edits of them), plus the pure readers they use.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Engine } from "../../worker/engine";
import { GALLERY } from "../../gallery";
import { indexOf } from "../snapshotIndex";
import { loadParser, noteSnapshotText, objectOf } from "../resourceObjects";
import { KindDetailsView } from "./KindDetails";
import { matchText } from "./RouteDetails";
import { policySettings } from "./PolicyDetails";
import { flatten } from "./read";

beforeAll(() => loadParser());

/** The kind view's text for node `id` with `text` loaded, tags stripped. */
function inspect(text: string, id: string): string {
  const s = new Engine().load(text, "x.yaml");
  noteSnapshotText(s, text);
  const ix = indexOf(s);
  const node = ix.nodes.get(id);
  if (!node) throw new Error(`no node ${id}`);
  const html = renderToStaticMarkup(createElement(KindDetailsView, { node, ix, obj: objectOf(s, id) }));
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&gt;/g, ">").replace(/\s+/g, " ");
}
const yamlOf = (id: string) => GALLERY.find((e) => e.id === id)!.yaml;

describe("kind views", () => {
  it.each<[string, string, string[]]>([
    ["grpc-methods", "GRPCRoute/catalog/catalog", ["Hostnames (:authority)", "rule 0", "catalog.v1.Catalog/GetProduct", "or catalog.v1.Catalog/ListProducts", "catalog.v1.Catalog, any method", "catalog/catalog-write:9090"]],
    ["tls-passthrough", "TLSRoute/secure/payments", ["SNI hostnames", "payments.example.com", "every connection whose SNI is one of the hostnames", "secure/payments-api:8443"]],
    ["tcp-database", "TCPRoute/data/orders-db-read", ["every connection on the listener (no matches)", "data/orders-replica-a:5432 weight 1 · 50%", "data/orders-replica-b:5432 weight 1 · 50%"]],
    ["gamma-canary", "HTTPRoute/ratings/ratings-canary", ["Hostnames (Host header)", "none: any hostname its parents accept", "any request (no matches)", "ratings/ratings-v1:8080 weight 90 · 90%", "ratings/ratings-v2:8080 weight 10 · 10%"]],
    ["gamma-canary", "Service/ratings/ratings", ["Ports", "http 8080 TCP", "Mesh routes (2)", "HTTPRoute/ratings/ratings-canary port 8080 · producer", "HTTPRoute/qa/ratings-qa port 8080 · consumer"]],
    ["gamma-canary", "Service/ratings/ratings-v2", ["Mesh routes (0)", "calls to it go straight to its endpoints", "Receives traffic from", "HTTPRoute/qa/ratings-qa"]],
    ["listenerset-teams", "ListenerSet/blog/blog-listeners", ["Adds listeners to Gateway/platform/edge", "Listeners (1)", "blog-https HTTPS 443 · blog.example.com · TLS Terminate", "1 attached route"]],
    ["backend-tls", "BackendTLSPolicy/finance/billing-tls", ["Targets (1)", "Service/finance/billing · in force", "trusted CA: ConfigMap/finance/billing-ca", "SNI sent to the backend, and the name its certificate must carry billing.finance.internal"]],
    ["backend-tls", "Service/finance/billing", ["https 8443 TCP", "Policies BackendTLSPolicy/finance/billing-tls"]],
  ])("%s: %s", (example, id, texts) => {
    const out = inspect(yamlOf(example), id);
    for (const t of texts) expect(out).toContain(t);
  });

  it("shows traffic policies' settings and a TLS policy for one port", () => {
    const extra = `---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: BackendLBPolicy
metadata: {name: sticky, namespace: finance}
spec:
  targetRefs: [{group: "", kind: Service, name: reports}]
  sessionPersistence: {sessionName: SID, type: Cookie}
---
apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XBackendTrafficPolicy
metadata: {name: budget, namespace: finance}
spec:
  targetRefs: [{group: "", kind: Service, name: reports}]
  retryConstraint: {budget: {percent: 25, interval: 10s}, minRetryRate: {count: 5, interval: 1s}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: billing-tls-2, namespace: finance, creationTimestamp: "2030-01-01T00:00:00Z"}
spec:
  targetRefs: [{group: "", kind: Service, name: billing, sectionName: https}]
  validation: {hostname: other.finance.internal, wellKnownCACertificates: System}
`;
    const yaml = yamlOf("backend-tls").replace("name: billing-tls\n  namespace: finance", 'name: billing-tls\n  namespace: finance\n  creationTimestamp: "2020-01-01T00:00:00Z"') + extra;
    expect(inspect(yaml, "BackendLBPolicy/finance/sticky")).toContain("cookie or header name SID");
    const budget = inspect(yaml, "XBackendTrafficPolicy/finance/budget");
    expect(budget).toContain("retry budget (% of active requests) 25");
    expect(budget).toContain("retries always allowed 5");
    // A policy naming the port (sectionName) governs it, more specific than the one for the whole Service.
    const sectioned = inspect(yaml, "BackendTLSPolicy/finance/billing-tls-2");
    expect(sectioned).toContain("Service/finance/billing section https · in force");
    expect(sectioned).toContain("trusted CAs (the system's) System");
    expect(inspect(yaml, "Service/finance/reports")).toContain("Policies BackendLBPolicy/finance/sticky XBackendTrafficPolicy/finance/budget");
  });

  it("marks a policy target that does not exist", () => {
    const out = inspect(yamlOf("backend-tls").replace("      name: billing\n  validation", "      name: nobody\n  validation"), "BackendTLSPolicy/finance/billing-tls");
    expect(out).toContain("Service/finance/nobody");
    expect(out).toMatch(/nobody · (TargetNotFound|not found)/);
  });

  it("shows a ListenerSet listener's problems", () => {
    const out = inspect(yamlOf("listenerset-teams").replace("name: blog-cert\n---\napiVersion: gateway", "name: missing-cert\n---\napiVersion: gateway"), "ListenerSet/blog/blog-listeners");
    expect(out).toContain("ResolvedRefs=False");
  });
});

describe("readers", () => {
  it.each<[Record<string, unknown>, string, string]>([
    [{}, "HTTPRoute", "PathPrefix /"],
    [{ path: { type: "Exact", value: "/a" }, method: "POST", headers: [{ name: "x-v", value: "2" }], queryParams: [{ name: "q", type: "RegularExpression", value: "^a" }] }, "HTTPRoute", "Exact /a · POST · ?q~^a · x-v: 2"],
    [{ method: { service: "s.S", method: "M" } }, "GRPCRoute", "s.S/M"],
    [{ method: { type: "RegularExpression", service: "s\\..*" } }, "GRPCRoute", "RegularExpression s\\..*, any method"],
    [{ method: { method: "M" } }, "GRPCRoute", "any service, method M"],
    [{ headers: [{ name: "env", type: "RegularExpression", value: "prod.*" }] }, "GRPCRoute", "env ~ prod.*"],
    [{}, "GRPCRoute", "any"],
  ])("matchText %j (%s)", (m, kind, text) => {
    expect(matchText(m, kind)).toBe(text);
  });

  it("flattens settings to rows", () => {
    expect(flatten({ a: { b: 1, c: ["x", "y"] }, d: [{ e: true }], f: null, g: {} })).toEqual([
      ["a.b", "1"],
      ["a.c", "x, y"],
      ["d[0].e", "true"],
      ["f", "—"],
      ["g", "{}"],
    ]);
    expect(flatten(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]))).length).toBe(60);
  });

  it("leaves targets and CA references out of a policy's settings", () => {
    expect(policySettings({ targetRefs: [{ name: "a" }], validation: { hostname: "h", caCertificateRefs: [{ name: "ca" }] }, options: {} })).toEqual([["validation.hostname", "h"]]);
    expect(policySettings({ targetRef: { name: "a" }, sessionPersistence: { sessionName: "SID", type: "Cookie" } })).toEqual([
      ["sessionPersistence.sessionName", "SID"],
      ["sessionPersistence.type", "Cookie"],
    ]);
  });
});
