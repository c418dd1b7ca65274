/**
 * Table tests for mesh (GAMMA) parents (mesh-parents.ts): GEP-1294 "Namespace boundaries", "Ports",
 * "Allowed service types", and the ParentReference.sectionName text for Services.
 */
import { describe, expect, it } from "vitest";
import { CLASS, gateway, httpRoute, parentConds, sim, status } from "./testing/fixture";
import type { Model } from "../model/model";

/** Services of the fixture: `svc` with two named ports, a headless one, an ExternalName one, one without ports. */
const SERVICES = [
  `apiVersion: v1
kind: Service
metadata: {name: svc, namespace: mesh}
spec: {ports: [{name: http, port: 80}, {name: grpc, port: 7070}]}`,
  `apiVersion: v1
kind: Service
metadata: {name: headless, namespace: mesh}
spec: {clusterIP: None, ports: [{port: 80}]}`,
  `apiVersion: v1
kind: Service
metadata: {name: ext, namespace: mesh}
spec: {type: ExternalName, externalName: example.org}`,
  `apiVersion: v1
kind: Service
metadata: {name: bare, namespace: mesh}
spec: {selector: {app: bare}}`,
];

function run(ns: string, parentRefs: string, extra: string[] = SERVICES): Model {
  return sim(httpRoute(ns, "r", `  parentRefs: ${parentRefs}\n  rules: [{backendRefs: [{name: svc, namespace: mesh, port: 80}]}]`), ...extra);
}

interface Row {
  label: string;
  ns: string;
  parentRefs: string;
  /** Status parentRef and its Accepted condition. */
  ref: string;
  accepted: string;
  mesh?: { role: string; ports: number[] | null };
  /** The meshParent relation's target and section. */
  to: string;
  section?: string;
}

const ROWS: Row[] = [
  // GEP-1294 "Ports": "If port is not set, the implementation MUST associate the route with all ports defined in the Service."
  { label: "producer route, no port: every port of the Service", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: svc}]", ref: "mesh/svc", accepted: "Accepted=True/Accepted", mesh: { role: "producer", ports: [80, 7070] }, to: "Service/mesh/svc" },
  // "If port is set, the implementation MUST associate the route only with that port."
  { label: "producer route, port 80", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: svc, port: 80}]", ref: "mesh/svc:80", accepted: "Accepted=True/Accepted", mesh: { role: "producer", ports: [80] }, to: "Service/mesh/svc", section: "80" },
  { label: "a port the Service does not declare", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: svc, port: 9999}]", ref: "mesh/svc:9999", accepted: "Accepted=False/NoMatchingParent", to: "Service/mesh/svc", section: "9999" },
  // ParentReference.sectionName: "Service: Port name."
  { label: "sectionName names a port", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: svc, sectionName: grpc}]", ref: "mesh/svc/grpc", accepted: "Accepted=True/Accepted", mesh: { role: "producer", ports: [7070] }, to: "Service/mesh/svc", section: "grpc" },
  // "When both Port (experimental) and SectionName are specified, the name and port of the selected port must match both specified values."
  { label: "sectionName and port disagree", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: svc, sectionName: grpc, port: 80}]", ref: "mesh/svc/grpc:80", accepted: "Accepted=False/NoMatchingParent", to: "Service/mesh/svc", section: "grpc" },
  { label: "sectionName and port agree", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: svc, sectionName: http, port: 80}]", ref: "mesh/svc/http:80", accepted: "Accepted=True/Accepted", mesh: { role: "producer", ports: [80] }, to: "Service/mesh/svc", section: "http" },
  { label: "unknown sectionName", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: svc, sectionName: nope}]", ref: "mesh/svc/nope", accepted: "Accepted=False/NoMatchingParent", to: "Service/mesh/svc", section: "nope" },
  // "Namespace boundaries": "A route is a consumer route when the parentRef refers to a service in another namespace."
  { label: "consumer route (route in another namespace)", ns: "client", parentRefs: "[{group: '', kind: Service, name: svc, namespace: mesh, port: 80}]", ref: "mesh/svc:80", accepted: "Accepted=True/Accepted", mesh: { role: "consumer", ports: [80] }, to: "Service/mesh/svc", section: "80" },
  // The namespace defaults to the route's: a Service of that name elsewhere is not the parent.
  { label: "namespace defaults to the route's", ns: "client", parentRefs: "[{group: '', kind: Service, name: svc}]", ref: "client/svc", accepted: "Accepted=False/NoMatchingParent", to: "Service/client/svc" },
  { label: "group core means the core group", ns: "mesh", parentRefs: "[{group: core, kind: Service, name: svc, port: 7070}]", ref: "mesh/svc:7070", accepted: "Accepted=True/Accepted", mesh: { role: "producer", ports: [7070] }, to: "Service/mesh/svc", section: "7070" },
  { label: "Service not in the input", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: gone}]", ref: "mesh/gone", accepted: "Accepted=False/NoMatchingParent", to: "Service/mesh/gone" },
  // "Allowed service types": headless and ExternalName Services have no frontend.
  { label: "headless Service", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: headless}]", ref: "mesh/headless", accepted: "Accepted=False/NoMatchingParent", to: "Service/mesh/headless" },
  { label: "ExternalName Service", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: ext}]", ref: "mesh/ext", accepted: "Accepted=False/NoMatchingParent", to: "Service/mesh/ext" },
  { label: "Service without ports, no port: every port (unknown)", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: bare}]", ref: "mesh/bare", accepted: "Accepted=True/Accepted", mesh: { role: "producer", ports: null }, to: "Service/mesh/bare" },
  { label: "Service without ports, port 8080", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: bare, port: 8080}]", ref: "mesh/bare:8080", accepted: "Accepted=True/Accepted", mesh: { role: "producer", ports: [8080] }, to: "Service/mesh/bare", section: "8080" },
  { label: "Service without ports, a sectionName", ns: "mesh", parentRefs: "[{group: '', kind: Service, name: bare, sectionName: http}]", ref: "mesh/bare/http", accepted: "Accepted=False/NoMatchingParent", to: "Service/mesh/bare", section: "http" },
];

describe("mesh (Service) parents", () => {
  it.each(ROWS)("$label", (row) => {
    const m = run(row.ns, row.parentRefs);
    const key = `HTTPRoute/${row.ns}/r`;
    expect(parentConds(m, key, row.ref)).toEqual([row.accepted, "ResolvedRefs=True/ResolvedRefs"]);
    const pv = m.routes[0].parents[0];
    expect(pv.accepted).toBe(row.accepted.startsWith("Accepted=True"));
    expect(pv.listeners).toEqual([]);
    expect(pv.mesh ? { role: pv.mesh.role, ports: pv.mesh.ports } : undefined).toEqual(row.mesh);
    if (pv.mesh) expect(pv.mesh.service).toBe(row.ref.split(/[/:]/).slice(0, 2).join("/"));
    const rels = m.relations.filter((r) => r.type === "meshParent");
    expect(rels.map((r) => ({ to: r.to, ok: r.ok, section: r.section }))).toEqual([{ to: row.to, ok: pv.accepted, section: row.section }]);
    // A mesh parent is never a parentRef relation (those are Gateway/ListenerSet attachments).
    expect(m.relations.some((r) => r.type === "parentRef")).toBe(false);
    const diag = m.diagnostics.find((d) => d.code === "NoMatchingParent");
    expect(diag?.resource?.name).toBe(pv.accepted ? undefined : "r");
  });

  it("RouteParentStatus.controllerName: the XMesh's, else the simulated mesh's; Gateway parents carry none", () => {
    const both = "[{group: '', kind: Service, name: svc}, {name: gw, namespace: infra}]";
    const m = run("mesh", both, [...SERVICES, CLASS, gateway("gw", ["{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"])]);
    expect(status(m, "HTTPRoute/mesh/r").parents!.map((p) => [p.parentKind, p.controllerName])).toEqual([
      ["Service", "switchyard.dev/simulated-mesh"],
      ["Gateway", undefined],
    ]);
    const xmesh = "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XMesh\nmetadata: {name: mesh}\nspec: {controllerName: example.com/awesome-mesh}";
    const m2 = run("mesh", both, [...SERVICES, xmesh]);
    expect(status(m2, "HTTPRoute/mesh/r").parents![0].controllerName).toBe("example.com/awesome-mesh");
  });

  it("routes pasted without Services: the Service parent is assumed to exist", () => {
    const m = run("mesh", "[{group: '', kind: Service, name: svc, port: 80}]", []);
    expect(parentConds(m, "HTTPRoute/mesh/r", "mesh/svc:80")[0]).toBe("Accepted=True/Accepted");
    expect(m.routes[0].parents[0].mesh?.ports).toEqual([80]);
    expect(m.assumptions.filter((a) => a.refs.includes("Service/mesh/svc")).map((a) => a.code)).toContain("service-exists");
  });

  // GEP-1294 "Namespace boundaries": mesh routes "can send traffic to backendRefs in any namespace. Unlike Gateway bound routes, this is allowed without a ReferenceGrant."
  it.each([
    ["a mesh-only route needs no ReferenceGrant", "[{group: '', kind: Service, name: svc, namespace: mesh}]", "ResolvedRefs=True/ResolvedRefs"],
    ["a route with a Gateway parent too still needs one", "[{group: '', kind: Service, name: svc, namespace: mesh}, {name: gw, namespace: infra}]", "ResolvedRefs=False/RefNotPermitted"],
  ])("cross-namespace backendRefs: %s", (_label, parentRefs, want) => {
    const m = run("client", parentRefs, [...SERVICES, CLASS, gateway("gw", ["{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"])]);
    expect(parentConds(m, "HTTPRoute/client/r", "mesh/svc")[1]).toBe(want);
    expect(m.routes[0].rules[0].backends[0].valid).toBe(want.endsWith("/ResolvedRefs"));
  });

  it("hostnames of a route with a Service parent: one note that they play no part (GEP-1294 'hostnames field')", () => {
    const m = sim(httpRoute("mesh", "r", "  parentRefs: [{group: '', kind: Service, name: svc, port: 80}, {group: '', kind: Service, name: svc, port: 7070}]\n  hostnames: [a.example.com]\n  rules: [{backendRefs: [{name: svc, port: 80}]}]"), ...SERVICES);
    const notes = m.diagnostics.filter((d) => d.code === "mesh-hostnames-ignored");
    expect(notes.map((d) => [d.severity, d.path])).toEqual([["info", ["spec", "hostnames"]]]);
    expect(m.routes[0].parents.map((p) => p.accepted)).toEqual([true, true]);
  });

  it("a repeated Service parentRef gets one status entry and one diagnostic", () => {
    const m = run("mesh", "[{group: '', kind: Service, name: svc, port: 9}, {group: '', kind: Service, name: svc, port: 9}]");
    expect(status(m, "HTTPRoute/mesh/r").parents!.length).toBe(1);
    expect(m.diagnostics.filter((d) => d.code === "NoMatchingParent").length).toBe(1);
  });

  it("other route kinds attach to Services the same way (GEP-1294 'Route types': all are available in a mesh)", () => {
    const grpc = `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: mesh}
spec:
  parentRefs: [{group: '', kind: Service, name: svc, port: 7070}]
  rules: [{backendRefs: [{name: svc, port: 7070}]}]`;
    // On another port than the GRPCRoute's (on the same port the kinds conflict: mesh-conflicts.test.ts).
    const tcp = grpc.replace("GRPCRoute", "TCPRoute").replace("v1\n", "v1alpha2\n").replace("name: g,", "name: t,").replace("port: 7070}]\n  rules", "port: 80}]\n  rules");
    const m = sim(grpc, tcp, ...SERVICES);
    expect(parentConds(m, "GRPCRoute/mesh/g", "mesh/svc:7070")[0]).toBe("Accepted=True/Accepted");
    expect(parentConds(m, "TCPRoute/mesh/t", "mesh/svc:80")[0]).toBe("Accepted=True/Accepted");
  });
});
