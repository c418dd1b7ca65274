import { describe, expect, it } from "vitest";
import { CLASS, gateway, grant, httpRoute, parentConds, sim, service } from "./testing/fixture";

const GW = gateway("gw", ["{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"]);
const R = "HTTPRoute/apps/r";
const ROUTE_FROM = { group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "apps" };
const route = (backendRefs: string, filters = "") => httpRoute("apps", "r", `  parentRefs: [{name: gw, namespace: infra}]\n  rules:\n  - backendRefs: ${backendRefs}\n${filters ? `    filters: ${filters}\n` : ""}`);

describe("backendRefs → BackendView and route ResolvedRefs", () => {
  it.each<[string, string, string[], string, (string | true)[]]>([
    ["existing Service", "[{name: svc, port: 80}]", [service("apps", "svc")], "ResolvedRefs=True/ResolvedRefs", [true]],
    ["missing Service", "[{name: nope, port: 80}]", [service("apps", "svc")], "ResolvedRefs=False/BackendNotFound", ["BackendNotFound"]],
    ["unknown kind", "[{group: example.com, kind: Unknown, name: svc, port: 80}]", [service("apps", "svc")], "ResolvedRefs=False/InvalidKind", ["InvalidKind"]],
    ["core kind that is not a Service", "[{kind: ConfigMap, name: svc}]", [service("apps", "svc")], "ResolvedRefs=False/InvalidKind", ["InvalidKind"]],
    ["cross-namespace without grant", "[{name: svc, namespace: web, port: 80}]", [service("web", "svc")], "ResolvedRefs=False/RefNotPermitted", ["RefNotPermitted"]],
    ["cross-namespace with grant", "[{name: svc, namespace: web, port: 80}]", [service("web", "svc"), grant("web", "g", ROUTE_FROM, { group: "", kind: "Service" })], "ResolvedRefs=True/ResolvedRefs", [true]],
    ["grant for another Service name", "[{name: svc, namespace: web, port: 80}]", [service("web", "svc"), grant("web", "g", ROUTE_FROM, { group: "", kind: "Service", name: "other" })], "ResolvedRefs=False/RefNotPermitted", ["RefNotPermitted"]],
    ["one good, one bad: the bad one's reason", "[{name: svc, port: 80}, {name: nope, port: 80}]", [service("apps", "svc")], "ResolvedRefs=False/BackendNotFound", [true, "BackendNotFound"]],
    ["Service without port", "[{name: svc}]", [service("apps", "svc")], "ResolvedRefs=False/UnsupportedValue", ["UnsupportedValue"]],
  ])("%s", (_label, refs, objects, want, backends) => {
    const m = sim(CLASS, GW, route(refs), ...objects);
    // ResolvedRefs never affects acceptance ("partially invalid" routes still attach).
    expect(parentConds(m, R, "infra/gw")).toEqual(["Accepted=True/Accepted", want]);
    expect(m.routes[0].rules[0].backends.map((b) => (b.valid ? true : b.reason))).toEqual(backends);
    const rels = m.relations.filter((r) => r.type === "backendRef");
    expect(rels.map((r) => (r.ok ? true : r.reason))).toEqual(backends);
    for (const b of m.routes[0].rules[0].backends.filter((x) => !x.valid)) expect(m.diagnostics.some((d) => d.code === b.reason && d.path?.join() === b.path.join())).toBe(true);
  });

  it("defaults weight to 1 and keeps weight 0", () => {
    const m = sim(CLASS, GW, route("[{name: svc, port: 80}, {name: svc, port: 80, weight: 0}, {name: svc, port: 80, weight: 7}]"), service("apps", "svc"));
    expect(m.routes[0].rules[0].backends.map((b) => b.weight)).toEqual([1, 0, 7]);
    expect(m.relations.filter((r) => r.type === "backendRef").map((r) => r.weight)).toEqual([1, 0, 7]);
  });

  it("resolves RequestMirror targets as mirrors (rule filters and backendRef filters)", () => {
    const mirror = (name: string) => `{type: RequestMirror, requestMirror: {backendRef: {name: ${name}, port: 80}}}`;
    const m = sim(CLASS, GW, route(`[{name: svc, port: 80, filters: [${mirror("gone")}]}]`, `[${mirror("svc")}]`), service("apps", "svc"));
    expect(m.routes[0].rules[0].mirrors!.map((b) => [b.name, b.valid])).toEqual([["svc", true]]);
    expect(m.relations.filter((r) => r.type === "mirror").map((r) => [r.to, r.ok])).toEqual([
      ["Service/apps/gone", false],
      ["Service/apps/svc", true],
    ]);
    expect(parentConds(m, R, "infra/gw")).toContain("ResolvedRefs=False/BackendNotFound");
  });

  it("without any Service in the input, assumes backends exist and records it", () => {
    const m = sim(CLASS, GW, route("[{name: svc, port: 80}]"));
    expect(parentConds(m, R, "infra/gw")).toContain("ResolvedRefs=True/ResolvedRefs");
    expect(m.assumptions).toEqual([expect.objectContaining({ code: "service-exists", refs: ["Service/apps/svc"] })]);
  });

  it("warns when the Service does not expose the port", () => {
    const m = sim(CLASS, GW, route("[{name: svc, port: 81}]"), service("apps", "svc", 80));
    expect(parentConds(m, R, "infra/gw")).toContain("ResolvedRefs=True/ResolvedRefs");
    expect(m.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(["warning:port-not-found"]);
  });

  it("rules without backendRefs are fine (the matcher answers 500)", () => {
    const m = sim(CLASS, GW, httpRoute("apps", "r", "  parentRefs: [{name: gw, namespace: infra}]\n  rules: [{matches: [{path: {value: /}}]}]"), service("apps", "svc"));
    expect(parentConds(m, R, "infra/gw")).toEqual(["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]);
    expect(m.routes[0].rules[0].backends).toEqual([]);
  });
});
