import { describe, expect, it } from "vitest";
import { CLASS, gateway, httpRoute, listenerView, parentConds, sim, service, status } from "./testing/fixture";

const LISTENERS = [
  "{name: a, port: 80, protocol: HTTP, hostname: a.example.com, allowedRoutes: {namespaces: {from: All}}}",
  "{name: wild, port: 80, protocol: HTTP, hostname: '*.example.com', allowedRoutes: {namespaces: {from: All}}}",
  "{name: alt, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}",
  "{name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: All}}}",
];
const R = "HTTPRoute/apps/r";

function run(parentRefs: string, hostnames = "") {
  const spec = `  parentRefs: ${parentRefs}\n${hostnames ? `  hostnames: ${hostnames}\n` : ""}  rules: [{backendRefs: [{name: svc, port: 80}]}]`;
  return sim(CLASS, gateway("gw", LISTENERS), httpRoute("apps", "r", spec), service("apps", "svc"));
}

describe("parentRef attachment (sectionName, port, hostnames)", () => {
  it.each<[string, string, string, string, string, string[]]>([
    ["whole Gateway", "[{name: gw, namespace: infra}]", "", "infra/gw", "Accepted=True/Accepted", ["a", "wild", "alt"]],
    ["sectionName", "[{name: gw, namespace: infra, sectionName: alt}]", "", "infra/gw/alt", "Accepted=True/Accepted", ["alt"]],
    ["port", "[{name: gw, namespace: infra, port: 80}]", "", "infra/gw:80", "Accepted=True/Accepted", ["a", "wild"]],
    ["sectionName and port agree", "[{name: gw, namespace: infra, sectionName: a, port: 80}]", "", "infra/gw/a:80", "Accepted=True/Accepted", ["a"]],
    ["sectionName and port disagree", "[{name: gw, namespace: infra, sectionName: a, port: 8080}]", "", "infra/gw/a:8080", "Accepted=False/NoMatchingParent", []],
    ["unknown sectionName", "[{name: gw, namespace: infra, sectionName: nope}]", "", "infra/gw/nope", "Accepted=False/NoMatchingParent", []],
    ["unknown port", "[{name: gw, namespace: infra, port: 9999}]", "", "infra/gw:9999", "Accepted=False/NoMatchingParent", []],
    ["wrong kind for listener", "[{name: gw, namespace: infra, sectionName: tls}]", "", "infra/gw/tls", "Accepted=False/NotAllowedByListeners", []],
    ["hostname picks listeners", "[{name: gw, namespace: infra}]", "[b.example.com]", "infra/gw", "Accepted=True/Accepted", ["wild", "alt"]],
    ["no hostname intersection on the section", "[{name: gw, namespace: infra, sectionName: a}]", "[b.example.com]", "infra/gw/a", "Accepted=False/NoMatchingListenerHostname", []],
    ["Gateway not in the input", "[{name: other, namespace: infra}]", "", "infra/other", "Accepted=False/NoMatchingParent", []],
    ["namespace defaults to the route's", "[{name: gw}]", "", "apps/gw", "Accepted=False/NoMatchingParent", []],
    ["unsupported parent kind", "[{group: example.com, kind: Thing, name: gw}]", "", "apps/gw", "Accepted=False/NoMatchingParent", []],
  ])("%s", (_label, parentRefs, hostnames, ref, want, listeners) => {
    const m = run(parentRefs, hostnames);
    expect(parentConds(m, R, ref)).toEqual([want, "ResolvedRefs=True/ResolvedRefs"]);
    const pv = m.routes[0].parents[0];
    expect(pv.listeners).toEqual(listeners.map((l) => `infra/gw/${l}`));
    expect(pv.accepted).toBe(want.startsWith("Accepted=True"));
    const counts = Object.fromEntries(status(m, "Gateway/infra/gw").listeners!.map((l) => [l.name, l.attachedRoutes]));
    for (const l of ["a", "wild", "alt", "tls"]) expect(counts[l]).toBe(listeners.includes(l) ? 1 : 0);
    const rel = m.relations.find((r) => r.type === "parentRef")!;
    expect(rel.ok).toBe(pv.accepted);
    if (!pv.accepted) expect(m.diagnostics.find((d) => d.code === pv.reason)?.resource?.name).toBe("r");
  });

  it("records effective hostnames per listener for the matcher", () => {
    const m = run("[{name: gw, namespace: infra}]", "['*.example.com', x.other.org]");
    expect(listenerView(m, "infra/gw/a").routes[0].hostnames).toEqual(["a.example.com"]);
    expect(listenerView(m, "infra/gw/wild").routes[0].hostnames).toEqual(["*.example.com"]);
    expect(listenerView(m, "infra/gw/alt").routes[0].hostnames).toEqual(["*.example.com", "x.other.org"]);
  });

  it("counts a route once per listener even through two parentRefs, and keeps one status entry per distinct parentRef", () => {
    const m = run("[{name: gw, namespace: infra}, {name: gw, namespace: infra, sectionName: alt}, {name: gw, namespace: infra}]");
    expect(status(m, "Gateway/infra/gw").listeners!.find((l) => l.name === "alt")!.attachedRoutes).toBe(1);
    expect(status(m, R).parents!.map((p) => p.parentRef)).toEqual(["infra/gw", "infra/gw/alt"]);
    expect(listenerView(m, "infra/gw/alt").routes.length).toBe(1);
  });

  it("mesh (Service) parents go to mesh-parents.ts (its table: mesh-parents.test.ts)", () => {
    const m = run("[{group: '', kind: Service, name: svc}]");
    const p = status(m, R).parents![0];
    expect(p.parentKind).toBe("Service");
    expect(p.conditions[0]).toMatchObject({ type: "Accepted", status: "True", reason: "Accepted" });
    expect(p.conditions[0].message).toMatch(/producer route/);
    expect(m.relations.filter((r) => r.type === "meshParent").map((r) => r.to)).toEqual(["Service/apps/svc"]);
  });

  it("never throws on malformed parentRefs", () => {
    const m = run("[null, 3, {name: gw, namespace: infra, port: '80'}]");
    // null and 3 are the same (nameless) parentRef: one status entry, not accepted.
    expect(status(m, R).parents!.map((p) => [p.parentRef, p.conditions[0].reason])).toEqual([
      ["apps/", "NoMatchingParent"],
      ["infra/gw", "Accepted"],
    ]);
  });
});
