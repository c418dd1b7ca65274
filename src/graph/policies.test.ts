/**
 * Backend policies in the graph: a node per policy beside its target (the target's rank), its
 * status badge from the ancestor conditions, a targetRef edge per target (not ok when the target is
 * missing or another policy takes precedence; the section is the Service port name), and a summary
 * of what it does. Cached and reference builders agree.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../parse";
import { simulate } from "../controller";
import { buildGraph } from "./index";
import { buildGraphReference } from "./testing/reference";

const YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec: {gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
spec: {ports: [{name: https, port: 443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: svc, port: 443}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: tls-old, namespace: app, creationTimestamp: "2026-01-01T00:00:00Z"}
spec:
  targetRefs: [{group: "", kind: Service, name: svc, sectionName: https}]
  validation: {hostname: svc.example.com, wellKnownCACertificates: System}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: tls-new, namespace: app, creationTimestamp: "2026-01-02T00:00:00Z"}
spec:
  targetRefs: [{group: "", kind: Service, name: svc, sectionName: https}]
  validation: {hostname: other.example.com, wellKnownCACertificates: System}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: BackendLBPolicy
metadata: {name: lb, namespace: app}
spec:
  targetRefs: [{group: "", kind: Service, name: svc}]
  sessionPersistence: {sessionName: SID}
---
apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XBackendTrafficPolicy
metadata: {name: budget, namespace: app}
spec:
  targetRefs: [{group: "", kind: Service, name: missing}]
  retryConstraint: {budget: {percent: 25}}
`;

const model = (() => {
  const p = parse({ name: "in.yaml", text: YAML });
  return simulate(p.resources, { lines: p.lines });
})();
const graph = buildGraph(model);

describe("policies in the graph", () => {
  it("cached and reference builders agree", () => {
    expect(graph).toEqual(buildGraphReference(model));
  });

  it.each<[string, { role: string; rank: number; level: string; summary: string; inForce: string[] }]>([
    ["BackendTLSPolicy/app/tls-old", { role: "policy", rank: 4, level: "ok", summary: "upstream TLS: SNI svc.example.com, CA System", inForce: ["Service/app/svc#https"] }],
    ["BackendTLSPolicy/app/tls-new", { role: "policy", rank: 4, level: "error", summary: "upstream TLS: SNI other.example.com, CA System", inForce: [] }],
    ["BackendLBPolicy/app/lb", { role: "policy", rank: 4, level: "ok", summary: 'session persistence: cookie "SID" (session cookie)', inForce: ["Service/app/svc"] }],
    ["XBackendTrafficPolicy/app/budget", { role: "policy", rank: 4, level: "error", summary: "retry budget: 25% over 10s, min 10 per 1s", inForce: [] }],
  ])("node %s", (id, want) => {
    const n = graph.nodes.find((x) => x.id === id);
    expect(n && { role: n.role, rank: n.rank, level: n.status.level, summary: n.data.summary, inForce: n.data.inForce }).toEqual(want);
  });

  it("the losing policy's badge says Conflicted, per ancestor Gateway", () => {
    const n = graph.nodes.find((x) => x.id === "BackendTLSPolicy/app/tls-new");
    expect(n?.status.problems.map((p) => `${p.type}=${p.status}/${p.reason} (${p.scope})`)).toEqual(["Accepted=False/Conflicted (ancestor app/gw)"]);
  });

  it.each<[string, string, boolean, string | undefined, string | undefined]>([
    ["BackendTLSPolicy/app/tls-old", "Service/app/svc", true, undefined, "https"],
    ["BackendTLSPolicy/app/tls-new", "Service/app/svc", false, "Conflicted", "https"],
    ["BackendLBPolicy/app/lb", "Service/app/svc", true, undefined, undefined],
    ["XBackendTrafficPolicy/app/budget", "Service/app/missing", false, "TargetNotFound", undefined],
  ])("edge %s → %s", (from, to, ok, reason, section) => {
    const edges = graph.edges.filter((e) => e.type === "targetRef" && e.from === from);
    expect(edges.map((e) => ({ to: e.to, ok: e.ok, reason: e.reason, section: e.section }))).toEqual([{ to, ok, reason, section }]);
  });

  it("a missing target becomes a placeholder node", () => {
    expect(graph.nodes.find((x) => x.id === "Service/app/missing")?.defined).toBe(false);
  });
});
