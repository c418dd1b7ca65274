import { describe, expect, it } from "vitest";
import { parse } from "../parse";
import { refKey } from "../model/ids";
import { cond, type ResourceStatus } from "../model/status";
import type { GatewayView, ListenerView, Model, Relation, RouteView } from "../model/model";
import { buildGraph, conditionHealth } from "./index";
import { buildGraphReference } from "./testing/reference";

const FIXTURE = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: cls }
spec: { controllerName: example.com/c }
---
apiVersion: v1
kind: Namespace
metadata: { name: infra }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: infra }
spec:
  gatewayClassName: cls
  listeners:
  - { name: http, port: 80, protocol: HTTP }
  - name: https
    port: 443
    protocol: HTTPS
    tls: { certificateRefs: [{ name: cert }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: a, namespace: apps }
spec:
  parentRefs: [{ name: gw, namespace: infra }]
  rules:
  - backendRefs: [{ name: one, port: 80, weight: 80 }, { name: two, port: 80, weight: 20 }]
    filters: [{ type: RequestMirror, requestMirror: { backendRef: { name: one, port: 80 } } }]
  - backendRefs: [{ name: gone, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: b, namespace: apps }
spec:
  parentRefs: [{ name: gw, namespace: infra, sectionName: https }]
---
apiVersion: v1
kind: Service
metadata: { name: one, namespace: apps }
---
apiVersion: v1
kind: Service
metadata: { name: two, namespace: apps }
---
apiVersion: v1
kind: Secret
metadata: { name: unrelated, namespace: apps }
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: { name: sp, namespace: infra }
spec:
  targetRefs: [{ group: gateway.networking.k8s.io, kind: Gateway, name: gw, sectionName: http }, { group: gateway.networking.k8s.io, kind: HTTPRoute, name: nowhere }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: { name: btls, namespace: apps }
spec:
  targetRefs: [{ group: "", kind: Service, name: two }]
  validation: { hostname: two.example, wellKnownCACertificates: System }
`;

/** A model written by hand (the controller's output shape), so the graph is tested on its own. */
function fixtureModel(): Model {
  const { resources } = parse(FIXTURE);
  const byKey = new Map(resources.map((r) => [refKey(r), r]));
  const gwRes = byKey.get("Gateway/infra/gw")!;
  const listener = (name: string, port: number, protocol: string, index: number, ok: boolean): ListenerView => ({
    id: `infra/gw/${name}`,
    gatewayKey: "Gateway/infra/gw",
    name,
    port,
    protocol,
    hostname: null,
    tls: null,
    origin: "Gateway/infra/gw",
    path: ["spec", "listeners", index],
    accepted: true,
    programmed: ok,
    conflicted: false,
    resolvedRefs: ok,
    supportedKinds: ["HTTPRoute"],
    conditions: [cond("Accepted", true, "Accepted"), cond("ResolvedRefs", ok, ok ? "ResolvedRefs" : "InvalidCertificateRef", ok ? "" : "Secret infra/cert does not exist"), cond("Programmed", ok, ok ? "Programmed" : "Invalid")],
    routes: [],
  });
  const gateway: GatewayView = { key: "Gateway/infra/gw", resource: gwRes, className: "cls", accepted: true, programmed: true, listeners: [listener("http", 80, "HTTP", 0, true), listener("https", 443, "HTTPS", 1, false)] };
  const routeA: RouteView = {
    key: "HTTPRoute/apps/a",
    kind: "HTTPRoute",
    resource: byKey.get("HTTPRoute/apps/a")!,
    hostnames: [],
    rules: [],
    parents: [{ index: 0, ref: "infra/gw", kind: "Gateway", group: "gateway.networking.k8s.io", namespace: "infra", name: "gw", accepted: true, reason: "Accepted", listeners: ["infra/gw/http"] }],
  };
  const routeB: RouteView = {
    key: "HTTPRoute/apps/b",
    kind: "HTTPRoute",
    resource: byKey.get("HTTPRoute/apps/b")!,
    hostnames: [],
    rules: [],
    parents: [{ index: 0, ref: "infra/gw/https", kind: "Gateway", group: "gateway.networking.k8s.io", namespace: "infra", name: "gw", sectionName: "https", accepted: false, reason: "NotAllowedByListeners", listeners: [] }],
  };
  gateway.listeners[0].routes.push({ route: routeA, parentIndex: 0, hostnames: [] });
  const rel = (type: Relation["type"], from: string, to: string, ok: boolean, path: Relation["path"], extra: Partial<Relation> = {}): Relation => ({ type, from, to, ok, path, ...extra });
  const relations: Relation[] = [
    rel("gatewayClass", "Gateway/infra/gw", "GatewayClass/cls", true, ["spec", "gatewayClassName"]),
    rel("certificateRef", "Gateway/infra/gw", "Secret/infra/cert", false, ["spec", "listeners", 1, "tls", "certificateRefs", 0], { reason: "InvalidCertificateRef" }),
    rel("parentRef", "HTTPRoute/apps/a", "Gateway/infra/gw", true, ["spec", "parentRefs", 0]),
    rel("parentRef", "HTTPRoute/apps/b", "Gateway/infra/gw", false, ["spec", "parentRefs", 0], { reason: "NotAllowedByListeners", section: "https" }),
    rel("backendRef", "HTTPRoute/apps/a", "Service/apps/one", true, ["spec", "rules", 0, "backendRefs", 0], { weight: 80 }),
    rel("backendRef", "HTTPRoute/apps/a", "Service/apps/two", true, ["spec", "rules", 0, "backendRefs", 1], { weight: 20 }),
    rel("mirror", "HTTPRoute/apps/a", "Service/apps/one", true, ["spec", "rules", 0, "filters", 0, "requestMirror", "backendRef"]),
    rel("backendRef", "HTTPRoute/apps/a", "Service/apps/gone", false, ["spec", "rules", 1, "backendRefs", 0], { reason: "BackendNotFound" }),
    rel("targetRef", "BackendTLSPolicy/apps/btls", "Service/apps/two", true, ["spec", "targetRefs", 0]),
    rel("backendRef", "HTTPRoute/apps/a", "InferencePool/apps/pool", true, ["spec", "rules", 2, "backendRefs", 0], { weight: 1 }),
  ];
  const status = new Map<string, ResourceStatus>([
    ["HTTPRoute/apps/a", { kind: "HTTPRoute", namespace: "apps", name: "a", conditions: [], parents: [{ parentRef: "infra/gw", parentKind: "Gateway", conditions: [cond("Accepted", true, "Accepted"), cond("ResolvedRefs", false, "BackendNotFound", "Service apps/gone not found")] }] }],
    ["HTTPRoute/apps/b", { kind: "HTTPRoute", namespace: "apps", name: "b", conditions: [], parents: [{ parentRef: "infra/gw/https", parentKind: "Gateway", conditions: [cond("Accepted", false, "NotAllowedByListeners")] }] }],
    ["Gateway/infra/gw", { kind: "Gateway", namespace: "infra", name: "gw", conditions: [cond("Accepted", true, "Accepted"), cond("Programmed", true, "Programmed")], listeners: [] }],
    ["GatewayClass/cls", { kind: "GatewayClass", namespace: "", name: "cls", conditions: [cond("Accepted", true, "Accepted"), cond("SupportedVersion", "Unknown", "Pending")] }],
  ]);
  return { resources, byKey, status, gateways: [gateway], routes: [routeA, routeB], relations, diagnostics: [], assumptions: [] };
}

describe("buildGraph", () => {
  const graph = buildGraph(fixtureModel());
  const node = (id: string) => graph.nodes.find((n) => n.id === id);
  const edge = (type: string, from: string, to: string) => graph.edges.filter((e) => e.type === type && e.from === from && e.to === to);

  it.each([
    { id: "GatewayClass/cls", rank: 0, role: "class", defined: true, level: "warning", group: undefined },
    { id: "Gateway/infra/gw", rank: 1, role: "gateway", defined: true, level: "ok", group: "Namespace/infra" },
    { id: "Listener/infra/gw/http", rank: 2, role: "listener", defined: true, level: "ok", group: "Namespace/infra" },
    { id: "Listener/infra/gw/https", rank: 2, role: "listener", defined: true, level: "error", group: "Namespace/infra" },
    { id: "HTTPRoute/apps/a", rank: 3, role: "route", defined: true, level: "error", group: "Namespace/apps" },
    { id: "HTTPRoute/apps/b", rank: 3, role: "route", defined: true, level: "error", group: "Namespace/apps" },
    { id: "Service/apps/one", rank: 4, role: "service", defined: true, level: "ok", group: "Namespace/apps" },
    { id: "Service/apps/gone", rank: 4, role: "service", defined: false, level: "ok", group: "Namespace/apps" },
    { id: "Secret/infra/cert", rank: 5, role: "core", defined: false, level: "ok", group: "Namespace/infra" },
    // Policies sit in their first target's column.
    { id: "BackendTLSPolicy/apps/btls", rank: 4, role: "policy", defined: true, level: "ok", group: "Namespace/apps" },
    { id: "SecurityPolicy/infra/sp", rank: 2, role: "policy", defined: true, level: "ok", group: "Namespace/infra" },
    { id: "HTTPRoute/infra/nowhere", rank: 3, role: "route", defined: false, level: "ok", group: "Namespace/infra" },
    // A backend of a kind Switchyard does not model is drawn with the Services.
    { id: "InferencePool/apps/pool", rank: 4, role: "service", defined: false, level: "ok", group: "Namespace/apps" },
  ])("node $id", ({ id, rank, role, defined, level, group }) => {
    const n = node(id);
    expect(n, id).toBeDefined();
    expect({ rank: n!.rank, role: n!.role, defined: n!.defined, level: n!.status.level, group: n!.groupId }).toEqual({ rank, role, defined, level, group });
  });

  it("leaves out objects nothing refers to that are not part of the topology", () => {
    expect(node("Secret/apps/unrelated")).toBeUndefined();
    expect(node("Namespace/infra")).toBeUndefined();
  });

  it("lists the False conditions with their scope", () => {
    expect(node("HTTPRoute/apps/b")!.status.problems).toEqual([{ type: "Accepted", status: "False", reason: "NotAllowedByListeners", message: "", scope: "parent infra/gw/https" }]);
    expect(node("Listener/infra/gw/https")!.status.problems.map((p) => `${p.type}=${p.status}/${p.reason}`)).toEqual(["ResolvedRefs=False/InvalidCertificateRef", "Programmed=False/Invalid"]);
  });

  it.each([
    { type: "listener", from: "Gateway/infra/gw", to: "Listener/infra/gw/http", ok: true, reason: undefined, percent: undefined },
    { type: "listener", from: "Gateway/infra/gw", to: "Listener/infra/gw/https", ok: true, reason: "Invalid", percent: undefined },
    { type: "gatewayClass", from: "Gateway/infra/gw", to: "GatewayClass/cls", ok: true, reason: undefined, percent: undefined },
    // A certificateRef written inside a listener starts at the listener's node.
    { type: "certificateRef", from: "Listener/infra/gw/https", to: "Secret/infra/cert", ok: false, reason: "InvalidCertificateRef", percent: undefined },
    // Attached: to the listener; not attached: to the listener it names, with the reason.
    { type: "parentRef", from: "HTTPRoute/apps/a", to: "Listener/infra/gw/http", ok: true, reason: "Accepted", percent: undefined },
    { type: "parentRef", from: "HTTPRoute/apps/b", to: "Listener/infra/gw/https", ok: false, reason: "NotAllowedByListeners", percent: undefined },
    { type: "backendRef", from: "HTTPRoute/apps/a", to: "Service/apps/one", ok: true, reason: undefined, percent: 80 },
    { type: "backendRef", from: "HTTPRoute/apps/a", to: "Service/apps/two", ok: true, reason: undefined, percent: 20 },
    { type: "backendRef", from: "HTTPRoute/apps/a", to: "Service/apps/gone", ok: false, reason: "BackendNotFound", percent: 100 },
    { type: "mirror", from: "HTTPRoute/apps/a", to: "Service/apps/one", ok: true, reason: undefined, percent: undefined },
    { type: "targetRef", from: "BackendTLSPolicy/apps/btls", to: "Service/apps/two", ok: true, reason: undefined, percent: undefined },
    // Implementation-specific policies: targetRefs read by the graph itself, sectionName → listener.
    { type: "targetRef", from: "SecurityPolicy/infra/sp", to: "Listener/infra/gw/http", ok: true, reason: undefined, percent: undefined },
    { type: "targetRef", from: "SecurityPolicy/infra/sp", to: "HTTPRoute/infra/nowhere", ok: false, reason: "TargetNotFound", percent: undefined },
  ])("edge $type $from → $to", ({ type, from, to, ok, reason, percent }) => {
    const es = edge(type, from, to);
    expect(es).toHaveLength(1);
    expect({ ok: es[0].ok, reason: es[0].reason, percent: es[0].percent }).toEqual({ ok, reason, percent });
  });

  it("does not draw a parentRef to the Gateway when the route attached to a listener", () => {
    expect(edge("parentRef", "HTTPRoute/apps/a", "Gateway/infra/gw")).toEqual([]);
  });

  it("gives every edge's ends a node and every edge a unique id", () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) expect([ids.has(e.from), ids.has(e.to)], e.id).toEqual([true, true]);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
  });

  it("groups nodes by namespace, saying which namespaces are defined", () => {
    expect(graph.groups.map((g) => [g.id, g.defined, g.members.length])).toEqual([
      ["Namespace/apps", false, graph.nodes.filter((n) => n.namespace === "apps").length],
      ["Namespace/infra", true, graph.nodes.filter((n) => n.namespace === "infra").length],
    ]);
    expect(graph.groups.flatMap((g) => g.members)).not.toContain("GatewayClass/cls");
  });

  it("carries listener and route facts for labels", () => {
    expect(node("Listener/infra/gw/http")!.data).toMatchObject({ port: 80, protocol: "HTTP", attachedRoutes: 1, gateway: "Gateway/infra/gw" });
    expect(node("Gateway/infra/gw")!.data).toMatchObject({ className: "cls", listeners: 2 });
  });

  it("is deterministic", () => {
    expect(JSON.stringify(buildGraph(fixtureModel()))).toBe(JSON.stringify(graph));
  });

  it("is the graph the reference builder makes (node and edge order included)", () => {
    expect(JSON.stringify(graph)).toBe(JSON.stringify(buildGraphReference(fixtureModel())));
  });
});

describe("conditionHealth", () => {
  it.each([
    { type: "Accepted", status: "True", expect: "ok" },
    { type: "Accepted", status: "False", expect: "error" },
    { type: "ResolvedRefs", status: "False", expect: "error" },
    { type: "Programmed", status: "Unknown", expect: "warning" },
    { type: "Conflicted", status: "False", expect: "ok" },
    { type: "Conflicted", status: "True", expect: "error" },
    { type: "PartiallyInvalid", status: "True", expect: "warning" },
    { type: "OverlappingTLSConfig", status: "True", expect: "warning" },
  ] as const)("$type=$status → $expect", ({ type, status, expect: want }) => {
    expect(conditionHealth(cond(type, status, "R"))).toBe(want);
  });
});
