/** The conformance status-case judge must be able to fail: rows of cases it must reject. */
import { describe, expect, it } from "vitest";
import { checkStatusCase } from "./testing/status-case";
import { CLASS, gateway, httpRoute, service, sim } from "./testing/fixture";
import type { StatusCase } from "../testing/conformance";

const m = sim(
  CLASS,
  gateway("gw", ["{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}", "{name: bad, port: 81, protocol: FOO}"]),
  service("apps", "svc"),
  httpRoute("apps", "ok", "  parentRefs: [{name: gw, namespace: infra}]\n  rules: [{backendRefs: [{name: svc, port: 80}]}]"),
  httpRoute("apps", "refused", "  parentRefs: [{name: gw, namespace: infra, sectionName: nope}]"),
);
const base = { namespace: "infra", name: "gw", kind: "Gateway" };
const route = { kind: "HTTPRoute", namespace: "apps", name: "ok", parent: "infra/gw" };

describe("checkStatusCase", () => {
  it.each<[string, StatusCase, boolean]>([
    ["route parent conditions hold", { ...route, conditions: [{ type: "Accepted", status: "True", reason: "Accepted" }] }, true],
    ["wrong reason", { ...route, conditions: [{ type: "Accepted", status: "True", reason: "Other" }] }, false],
    ["wrong status", { ...route, conditions: [{ type: "ResolvedRefs", status: "False" }] }, false],
    ["empty status = any", { ...route, conditions: [{ type: "ResolvedRefs", status: "" }] }, true],
    ["missing condition type", { ...route, conditions: [{ type: "PartiallyInvalid", status: "True" }] }, false],
    ["no such parent", { ...route, parent: "infra/other", conditions: [] }, false],
    ["no status at all", { kind: "HTTPRoute", namespace: "apps", name: "ghost", conditions: [] }, false],
    ["noAcceptedParents holds for a refused route", { kind: "HTTPRoute", namespace: "apps", name: "refused", noAcceptedParents: true }, true],
    ["noAcceptedParents fails for an accepted route", { kind: "HTTPRoute", namespace: "apps", name: "ok", noAcceptedParents: true }, false],
    ["attachedRoutes exact", { ...base, listeners: [{ name: "http", attachedRoutes: 1 }] }, true],
    ["attachedRoutes wrong", { ...base, listeners: [{ name: "http", attachedRoutes: 2 }] }, false],
    ["supportedKinds [] must be empty", { ...base, listeners: [{ name: "http", supportedKinds: [] }] }, false],
    ["supportedKinds [] on an invalid listener", { ...base, listeners: [{ name: "bad", supportedKinds: [] }] }, true],
    ["supportedKinds must be present", { ...base, listeners: [{ name: "http", supportedKinds: [{ kind: "TLSRoute" }] }] }, false],
    ["listenersExact with a missing name", { ...base, listenersExact: true, listeners: [{ name: "http" }] }, false],
    ["listenersExact holds", { ...base, listenersExact: true, listeners: [{ name: "http" }, { name: "bad" }] }, true],
    ["allListeners fails when one listener differs", { ...base, allListeners: { conditions: [{ type: "Accepted", status: "True" }] } }, false],
    ["zeroAttachedRoutes fails with two listeners", { ...base, zeroAttachedRoutes: true }, false],
    ["gateway conditions", { ...base, conditions: [{ type: "Accepted", status: "True", reason: "ListenersNotValid" }] }, true],
    ["latestObservedGeneration", { ...base, latestObservedGeneration: true }, true],
    ["generationChanged without a change", { ...base, generationChanged: true }, false],
  ])("%s → %s", (_label, sc, pass) => {
    expect(checkStatusCase(m, sc, m).length === 0).toBe(pass);
  });
});
