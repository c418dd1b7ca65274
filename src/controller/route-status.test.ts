import { describe, expect, it } from "vitest";
import { CLASS, gateway, httpRoute, sim, service, status } from "./testing/fixture";

const GW = gateway("gw", ["{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"]);

describe("route status and placement of diagnostics", () => {
  it("stamps every condition with metadata.generation (1 when absent)", () => {
    const m = sim(CLASS, GW, service("apps", "svc"), httpRoute("apps", "r", "  parentRefs: [{name: gw, namespace: infra}]\n  rules: [{backendRefs: [{name: svc, port: 80}]}]"), `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r2, namespace: apps, generation: 4}
spec:
  parentRefs: [{name: gw, namespace: infra}]`);
    expect(status(m, "HTTPRoute/apps/r").parents![0].conditions.map((c) => c.observedGeneration)).toEqual([1, 1]);
    expect(status(m, "HTTPRoute/apps/r2").parents![0].conditions.map((c) => c.observedGeneration)).toEqual([4, 4]);
  });

  it("places diagnostics on the offending field with file/line/column from the parser", () => {
    const m = sim(CLASS, GW, service("apps", "svc"), httpRoute("apps", "r", "  parentRefs: [{name: gw, namespace: infra, sectionName: nope}]\n  rules:\n  - backendRefs:\n    - {name: missing, port: 80}"));
    const byCode = Object.fromEntries(m.diagnostics.map((d) => [d.code, d]));
    expect(byCode.NoMatchingParent).toMatchObject({ file: "fixture.yaml", path: ["spec", "parentRefs", 0, "sectionName"], severity: "error", resource: { kind: "HTTPRoute", namespace: "apps", name: "r" } });
    expect(byCode.BackendNotFound).toMatchObject({ path: ["spec", "rules", 0, "backendRefs", 0] });
    // Lines: class 1–4, gateway 7–13, service 16–19, route from 22 (parentRefs on 26).
    expect([byCode.NoMatchingParent.line, byCode.NoMatchingParent.column]).toEqual([26, 58]);
    expect(byCode.BackendNotFound.line).toBe(29);
    expect(byCode.BackendNotFound.column).toBe(7);
  });

  it("without line indexes, diagnostics still name the resource and path (line 0)", async () => {
    const { parse } = await import("../parse");
    const { simulate } = await import("./index");
    const { resources } = parse([CLASS, GW, httpRoute("apps", "r", "  parentRefs: [{name: gw, namespace: infra, port: 1}]")].join("\n---\n"));
    const d = simulate(resources).diagnostics[0];
    expect(d).toMatchObject({ code: "NoMatchingParent", line: 0, column: 0, path: ["spec", "parentRefs", 0, "port"] });
  });

  it("duplicate objects: the first definition counts", () => {
    const m = sim(CLASS, GW, httpRoute("apps", "r", "  parentRefs: [{name: gw, namespace: infra}]"), httpRoute("apps", "r", "  parentRefs: [{name: nope, namespace: infra}]"));
    expect(status(m, "HTTPRoute/apps/r").parents!.map((p) => p.parentRef)).toEqual(["infra/gw"]);
    expect(m.routes.length).toBe(1);
    // byKey holds the first definition, in input order.
    expect(m.byKey.get("HTTPRoute/apps/r")).toBe(m.resources[2]);
    expect([...m.byKey.keys()]).toEqual(["GatewayClass/gc", "Gateway/infra/gw", "HTTPRoute/apps/r"]);
  });

  it("never throws on garbage specs", () => {
    const m = sim(CLASS, "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: infra}\nspec: {listeners: 5}", "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: apps}\nspec: {parentRefs: {name: g}, rules: [5, null, {backendRefs: 'x'}], hostnames: 7}");
    expect(m.diagnostics.filter((d) => d.code === "internal")).toEqual([]);
    expect(status(m, "HTTPRoute/apps/r").parents).toEqual([]);
  });
});
