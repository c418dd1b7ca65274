/**
 * Routes and ListenerSets (GEP-1713 "Route Attachment", "Gateway parents and sectionName"): a
 * parentRef of kind ListenerSet attaches to the set's listeners (all, or those its sectionName/port
 * select), subject to their allowedRoutes — whose `Same` means the ListenerSet's namespace; a
 * parentRef of kind Gateway attaches only to the Gateway's own `spec.listeners`. Each row: the
 * route's namespace and parentRefs, then the route's parent conditions (by parentRef string) and the
 * listener ids it attached to.
 */
import { describe, expect, it } from "vitest";
import { CLASS, gateway, httpRoute, namespace, parentConds, service, show, sim, status } from "./testing/fixture";
import { allowed, listenerSet } from "./testing/listenerset-fixture";

const GW = gateway("gw", ["{name: web, port: 80, protocol: HTTP, hostname: gw.example.com, allowedRoutes: {namespaces: {from: All}}}"], allowed("{from: All}"));
const LS = listenerSet("apps", "ls", [
  "{name: web, port: 80, protocol: HTTP, hostname: ls.example.com, allowedRoutes: {namespaces: {from: All}}}",
  "{name: same, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}",
  "{name: tls, port: 443, protocol: TLS, hostname: tls.example.com, tls: {mode: Passthrough}}",
]);
const LS_REF = "{kind: ListenerSet, group: gateway.networking.k8s.io, name: ls, namespace: apps";
const BASE = [CLASS, GW, LS, namespace("apps"), namespace("other"), service("apps", "svc"), service("other", "svc")];

function route(ns: string, parentRefs: string, hostnames = ""): string {
  return httpRoute(ns, "r", `  parentRefs: ${parentRefs}\n${hostnames}  rules: [{backendRefs: [{name: svc, port: 80}]}]`);
}

describe("route parentRefs of kind ListenerSet", () => {
  it.each<[string, string, string, Record<string, string>, string[]]>([
    ["the whole ListenerSet: every listener admitting HTTPRoutes from the namespace", "apps", `[${LS_REF}}]`, { "apps/ls": "Accepted=True/Accepted" }, ["infra/gw/apps/ls/web", "infra/gw/apps/ls/same"]],
    ["from another namespace: allowedRoutes Same means the ListenerSet's namespace", "other", `[${LS_REF}}]`, { "apps/ls": "Accepted=True/Accepted" }, ["infra/gw/apps/ls/web"]],
    ["sectionName", "apps", `[${LS_REF}, sectionName: same}]`, { "apps/ls/same": "Accepted=True/Accepted" }, ["infra/gw/apps/ls/same"]],
    ["port", "apps", `[${LS_REF}, port: 80}]`, { "apps/ls:80": "Accepted=True/Accepted" }, ["infra/gw/apps/ls/web"]],
    ["sectionName of no listener of the set", "apps", `[${LS_REF}, sectionName: nope}]`, { "apps/ls/nope": "Accepted=False/NoMatchingParent" }, []],
    ["sectionName of a listener that refuses the namespace", "other", `[${LS_REF}, sectionName: same}]`, { "apps/ls/same": "Accepted=False/NotAllowedByListeners" }, []],
    ["sectionName of a listener for another route kind", "apps", `[${LS_REF}, sectionName: tls}]`, { "apps/ls/tls": "Accepted=False/NotAllowedByListeners" }, []],
    ["no hostname in common with the set's listener", "apps", `[${LS_REF}, sectionName: web}]`, { "apps/ls/web": "Accepted=False/NoMatchingListenerHostname" }, []],
    ["a ListenerSet not in the input", "apps", "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: nope}]", { "apps/nope": "Accepted=False/NoMatchingParent" }, []],
    ["the Gateway: only its own listeners", "apps", "[{name: gw, namespace: infra}]", { "infra/gw": "Accepted=True/Accepted" }, ["infra/gw/web"]],
    ["the Gateway with the sectionName of a ListenerSet listener", "apps", "[{name: gw, namespace: infra, sectionName: same}]", { "infra/gw/same": "Accepted=False/NoMatchingParent" }, []],
    ["both: each parentRef on its own", "apps", `[{name: gw, namespace: infra, sectionName: same}, ${LS_REF}, sectionName: same}]`, { "infra/gw/same": "Accepted=False/NoMatchingParent", "apps/ls/same": "Accepted=True/Accepted" }, ["infra/gw/apps/ls/same"]],
  ])("%s", (label, ns, parentRefs, want, listeners) => {
    const hosts = label.startsWith("no hostname") ? "  hostnames: [other.example.com]\n" : "";
    const m = sim(...BASE, route(ns, parentRefs, hosts));
    const key = `HTTPRoute/${ns}/r`;
    for (const [ref, cond] of Object.entries(want)) expect(parentConds(m, key, ref)).toContain(cond);
    const view = m.routes.find((r) => r.key === key)!;
    expect(view.parents.flatMap((p) => p.listeners)).toEqual(listeners);
    // RouteParentStatus.parentRef keeps the kind written (ListenerSetRouteStatusScopedToParentRef).
    const kinds = status(m, key).parents!.map((p) => p.parentKind);
    expect(kinds).toEqual(view.parents.map((p) => p.kind));
  });

  it("attachedRoutes of a ListenerSet listener count the routes attached through the set", () => {
    const m = sim(...BASE, route("apps", `[${LS_REF}}]`), httpRoute("other", "r2", `  parentRefs: [${LS_REF}}]\n  rules: [{backendRefs: [{name: svc, port: 80}]}]`));
    expect(status(m, "ListenerSet/apps/ls").listeners!.map((l) => `${l.name}=${l.attachedRoutes}`)).toEqual(["web=2", "same=1", "tls=0"]);
    expect(status(m, "Gateway/infra/gw").listeners!.map((l) => `${l.name}=${l.attachedRoutes}`)).toEqual(["web=0"]);
  });

  it("a ListenerSet the Gateway does not allow takes no routes", () => {
    const m = sim(CLASS, gateway("gw", ["{name: web, port: 80, protocol: HTTP}"]), LS, namespace("apps"), service("apps", "svc"), route("apps", `[${LS_REF}}]`));
    expect(parentConds(m, "HTTPRoute/apps/r", "apps/ls")).toEqual(["Accepted=False/NoMatchingParent", "ResolvedRefs=True/ResolvedRefs"]);
    expect(show(status(m, "ListenerSet/apps/ls").conditions)).toEqual(["Accepted=False/NotAllowed", "Programmed=False/NotAllowed"]);
    expect(status(m, "ListenerSet/apps/ls").listeners!.map((l) => l.attachedRoutes)).toEqual([0, 0, 0]);
  });

  it("the parentRef relation points at the ListenerSet; the set's relation at its Gateway", () => {
    const m = sim(...BASE, route("apps", `[${LS_REF}, sectionName: web}]`, "  hostnames: [ls.example.com]\n"));
    expect(m.relations.filter((r) => r.type === "parentRef")).toEqual([expect.objectContaining({ from: "HTTPRoute/apps/r", to: "ListenerSet/apps/ls", ok: true, section: "web" })]);
    expect(m.relations.filter((r) => r.type === "listenerSet")).toEqual([expect.objectContaining({ from: "ListenerSet/apps/ls", to: "Gateway/infra/gw", ok: true, path: ["spec", "parentRef"] })]);
  });

  it("XListenerSet parents use the experimental group", () => {
    const xs = listenerSet("apps", "xs", ["{name: web, port: 80, protocol: HTTP, hostname: x.example.com}"], { kind: "XListenerSet" });
    const m = sim(CLASS, GW, xs, namespace("apps"), service("apps", "svc"), route("apps", "[{kind: XListenerSet, group: gateway.networking.x-k8s.io, name: xs}, {kind: ListenerSet, group: gateway.networking.k8s.io, name: xs}]"));
    expect(parentConds(m, "HTTPRoute/apps/r", "apps/xs")).toContain("Accepted=True/Accepted");
    expect(status(m, "HTTPRoute/apps/r").parents!.map((p) => `${p.parentKind} ${show(p.conditions)[0]}`)).toEqual(["XListenerSet Accepted=True/Accepted", "ListenerSet Accepted=False/NoMatchingParent"]);
  });
});
