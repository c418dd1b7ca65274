import { describe, expect, it } from "vitest";
import { CLASS, gateway, httpRoute, service, show, sim, status } from "./testing/fixture";
import { durationMs, readRetryConstraint } from "./backend-traffic-policy";
import { describeSessionPersistence, readSessionPersistence } from "./session-persistence";
import type { Model } from "../model/model";

const GW = gateway("gw", ["{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"]);
const ROUTE = httpRoute("infra", "r", "  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: svc, port: 80}]}]");
const lb = (name: string, spec: string, created = "2026-01-01T00:00:00Z") => `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: BackendLBPolicy
metadata: {name: ${name}, namespace: infra, creationTimestamp: "${created}"}
spec:
${spec}`;
const xbtp = (name: string, spec: string, created = "2026-01-01T00:00:00Z") => `apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XBackendTrafficPolicy
metadata: {name: ${name}, namespace: infra, creationTimestamp: "${created}"}
spec:
${spec}`;
const TARGET = "  targetRefs: [{group: '', kind: Service, name: svc}]";
const conds = (m: Model, kind: string, name: string): string[] => show(status(m, `${kind}/infra/${name}`).ancestors?.[0]?.conditions);

describe("readSessionPersistence (SessionPersistence with the CRD's defaults and CEL rules)", () => {
  it.each<[string, unknown, object | null, string[]]>([
    ["absent", undefined, null, []],
    ["empty: Cookie, Session lifetime", {}, { type: "Cookie", sessionName: null, lifetimeType: "Session" }, []],
    ["named header", { type: "Header", sessionName: "X-Session" }, { type: "Header", sessionName: "X-Session", lifetimeType: null }, []],
    ["permanent cookie with timeout", { sessionName: "c", absoluteTimeout: "1h", cookieConfig: { lifetimeType: "Permanent" } }, { lifetimeType: "Permanent", absoluteTimeout: "1h" }, []],
    ["permanent cookie without timeout (CEL)", { cookieConfig: { lifetimeType: "Permanent" } }, { lifetimeType: "Permanent" }, ["AbsoluteTimeout must be specified when cookie lifetimeType is Permanent"]],
    ["cookieConfig with Header (CEL)", { type: "Header", cookieConfig: { lifetimeType: "Session" } }, { type: "Header" }, ["cookieConfig can only be set with type Cookie"]],
    ["unknown type", { type: "Query" }, { type: "Query" }, ['type "Query" is not Cookie or Header']],
    ["bad duration", { absoluteTimeout: "1 hour" }, {}, ['absoluteTimeout "1 hour" is not a Gateway API duration (e.g. 1h, 30m, 1h30m)']],
    ["sessionName too long", { sessionName: "x".repeat(129) }, {}, ["sessionName is longer than 128 characters"]],
    ["not an object", "cookie", null, ["sessionPersistence must be an object"]],
  ])("%s", (_label, raw, view, problems) => {
    const r = readSessionPersistence(raw);
    if (view === null) expect(r.view).toBeNull();
    else expect(r.view).toMatchObject(view);
    expect(r.problems.map((p) => p.message)).toEqual(problems);
  });

  it.each<[unknown, string]>([
    [{ sessionName: "sid", absoluteTimeout: "1h", cookieConfig: { lifetimeType: "Permanent" } }, 'cookie "sid" (permanent cookie (Expires/Max-Age), absolute timeout 1h)'],
    [{ type: "Header" }, "header (name chosen by the implementation)"],
  ])("describes %j", (raw, want) => {
    expect(describeSessionPersistence(readSessionPersistence(raw).view!)).toBe(want);
  });
});

describe("readRetryConstraint (XBackendTrafficPolicy.retryConstraint)", () => {
  it.each<[string, unknown, object, number]>([
    ["defaults", {}, { budgetPercent: 20, budgetInterval: "10s", minRetryCount: 10, minRetryInterval: "1s" }, 0],
    ["explicit", { budget: { percent: 30, interval: "1m" }, minRetryRate: { count: 5, interval: "2s" } }, { budgetPercent: 30, budgetInterval: "1m", minRetryCount: 5, minRetryInterval: "2s" }, 0],
    ["budget interval under one second", { budget: { interval: "500ms" } }, { budgetInterval: "500ms" }, 1],
    ["budget interval over one hour", { budget: { interval: "2h" } }, {}, 1],
    ["percent over 100", { budget: { percent: 120 } }, {}, 1],
    ["zero minRetryRate interval", { minRetryRate: { count: 1, interval: "0s" } }, {}, 1],
    ["count 0", { minRetryRate: { count: 0, interval: "1s" } }, {}, 1],
  ])("%s", (_label, raw, view, problems) => {
    const r = readRetryConstraint(raw);
    expect(r.view).toMatchObject(view);
    expect(r.problems).toHaveLength(problems);
  });

  it.each<[string, number | null]>([["1h30m", 5_400_000], ["10s", 10_000], ["250ms", 250], ["1.5h", null], ["", null]])("durationMs(%s)", (d, ms) => {
    expect(durationMs(d)).toBe(ms);
  });
});

describe("BackendLBPolicy and XBackendTrafficPolicy status", () => {
  it.each<[string, string, string[]]>([
    ["BackendLBPolicy with session persistence", lb("p", `${TARGET}\n  sessionPersistence: {sessionName: sid}`), ["BackendLBPolicy", "Accepted=True/Accepted"]],
    ["BackendLBPolicy v1alpha2 early shape (targetRef)", lb("p", "  targetRef: {group: '', kind: Service, name: svc}\n  sessionPersistence: {sessionName: sid}"), ["BackendLBPolicy", "Accepted=True/Accepted"]],
    ["BackendLBPolicy with invalid session persistence", lb("p", `${TARGET}\n  sessionPersistence: {cookieConfig: {lifetimeType: Permanent}}`), ["BackendLBPolicy", "Accepted=False/Invalid"]],
    ["XBackendTrafficPolicy with retry budget", xbtp("p", `${TARGET}\n  retryConstraint: {budget: {percent: 30}}`), ["XBackendTrafficPolicy", "Accepted=True/Accepted"]],
    ["XBackendTrafficPolicy with bad retry budget", xbtp("p", `${TARGET}\n  retryConstraint: {budget: {interval: 2h}}`), ["XBackendTrafficPolicy", "Accepted=False/Invalid"]],
    ["missing Service", xbtp("p", "  targetRefs: [{group: '', kind: Service, name: gone}]"), ["XBackendTrafficPolicy", ""]],
    ["the same target twice (list map keys)", xbtp("p", "  targetRefs: [{group: '', kind: Service, name: svc}, {group: '', kind: Service, name: svc}]"), ["XBackendTrafficPolicy", "Accepted=False/Invalid"]],
  ])("%s", (_label, doc, [kind, want]) => {
    const m = sim(CLASS, GW, ROUTE, service("infra", "svc"), doc);
    expect(conds(m, kind, "p")[0] ?? "").toBe(want);
    const v = m.policies?.find((p) => p.key === `${kind}/infra/p`);
    expect(v?.accepted).toBe(want === "Accepted=True/Accepted");
  });

  it("conflicts are per kind: the older of two BackendLBPolicies wins; an XBackendTrafficPolicy does not compete", () => {
    const sp = `${TARGET}\n  sessionPersistence: {sessionName: sid}`;
    const m = sim(CLASS, GW, ROUTE, service("infra", "svc"), lb("new", sp, "2026-01-02T00:00:00Z"), lb("old", sp, "2026-01-01T00:00:00Z"), xbtp("x", sp, "2026-01-03T00:00:00Z"));
    expect([conds(m, "BackendLBPolicy", "old")[0], conds(m, "BackendLBPolicy", "new")[0], conds(m, "XBackendTrafficPolicy", "x")[0]]).toEqual(["Accepted=True/Accepted", "Accepted=False/Conflicted", "Accepted=True/Accepted"]);
    expect(m.policies?.find((p) => p.name === "new")?.targets[0].overriddenBy).toBe("BackendLBPolicy/infra/old");
    // Policy → target edges are relations, not ok for the loser.
    expect(m.relations.filter((r) => r.type === "targetRef").map((r) => [r.from, r.ok])).toEqual([
      ["BackendLBPolicy/infra/new", false],
      ["BackendLBPolicy/infra/old", true],
      ["XBackendTrafficPolicy/infra/x", true],
    ]);
  });

  it("a sectionName on an XBackendTrafficPolicy targetRef is ignored with a warning", () => {
    const m = sim(CLASS, GW, ROUTE, service("infra", "svc"), xbtp("p", "  targetRefs: [{group: '', kind: Service, name: svc, sectionName: x}]"));
    expect(conds(m, "XBackendTrafficPolicy", "p")[0]).toBe("Accepted=True/Accepted");
    expect(m.diagnostics.some((d) => d.resource?.name === "p" && d.severity === "warning" && d.message.includes("sectionName"))).toBe(true);
  });
});

describe("route rule sessionPersistence is checked as the API server checks it", () => {
  it.each<[string, string, number]>([
    ["valid", "{sessionName: sid, type: Cookie}", 0],
    ["Permanent without absoluteTimeout", "{cookieConfig: {lifetimeType: Permanent}}", 1],
    ["cookieConfig on a header", "{type: Header, cookieConfig: {lifetimeType: Session}}", 1],
  ])("%s", (_label, sp, errors) => {
    const r = httpRoute("infra", "r", `  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: svc, port: 80}], sessionPersistence: ${sp}}]`);
    const m = sim(CLASS, GW, r, service("infra", "svc"));
    const found = m.diagnostics.filter((d) => d.resource?.kind === "HTTPRoute" && d.code === "schema");
    expect(found).toHaveLength(errors);
    if (errors) expect(found[0].path?.slice(0, 4)).toEqual(["spec", "rules", 0, "sessionPersistence"]);
  });
});
