/**
 * Reported vs computed status, table-driven: each row is our ResourceStatus, the cluster's `.status`
 * (YAML), and the rows that must differ (as `scope|item`).
 */
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { ResourceStatus } from "../../src/model/status";
import { cond } from "../../src/model/status";
import { formatParentRef } from "../../src/controller/parent-refs";
import { compareStatus, parentRefText } from "./compare";

const T = (type: string, reason = type) => cond(type, true, reason);
const F = (type: string, reason: string) => cond(type, false, reason);

const gateway: ResourceStatus = {
  kind: "Gateway",
  namespace: "infra",
  name: "edge",
  conditions: [T("Accepted"), T("Programmed")],
  listeners: [{ name: "http", attachedRoutes: 1, supportedKinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }], conditions: [T("Accepted"), T("Programmed"), cond("Conflicted", false, "NoConflicts")] }],
};
const route: ResourceStatus = {
  kind: "HTTPRoute",
  namespace: "apps",
  name: "web",
  conditions: [],
  parents: [{ parentRef: "infra/edge/http", parentKind: "Gateway", conditions: [T("Accepted"), T("ResolvedRefs")] }],
};
const policy: ResourceStatus = { kind: "BackendTLSPolicy", namespace: "apps", name: "p", conditions: [], ancestors: [{ parentRef: "infra/edge", parentKind: "Gateway", conditions: [T("Accepted")] }] };

const GW_OK = `
conditions: [{type: Accepted, status: "True", reason: Accepted}, {type: Programmed, status: "True", reason: Programmed}]
listeners: [{name: http, attachedRoutes: 1, conditions: [{type: Accepted, status: "True", reason: Accepted}, {type: Programmed, status: "True", reason: Programmed}]}]`;
const ROUTE_OK = `
parents:
  - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: edge, namespace: infra, sectionName: http}
    controllerName: example.com/c
    conditions: [{type: Accepted, status: "True", reason: Accepted}, {type: ResolvedRefs, status: "True", reason: ResolvedRefs}]`;

describe("compareStatus", () => {
  it.each<[string, ResourceStatus, string | null, string[]]>([
    ["gateway: agreement (our healthy Conflicted=False left out by the controller is no disagreement)", gateway, GW_OK, []],
    ["gateway: attachedRoutes differ", gateway, GW_OK.replace("attachedRoutes: 1", "attachedRoutes: 2"), ["listener http|attachedRoutes"]],
    ["gateway: a condition's status differs", gateway, GW_OK.replace('Programmed, status: "True", reason: Programmed}]\nlisteners', 'Programmed, status: "False", reason: Invalid}]\nlisteners'), ["|Programmed"]],
    ["gateway: same status, another reason", gateway, GW_OK.replace("reason: Accepted}, {type: Programmed", "reason: ListenersNotValid}, {type: Programmed"), ["|Accepted"]],
    ["gateway: the controller adds an implementation-specific condition (True reads healthy: not counted)", gateway, GW_OK.replace("conditions: [{type: Accepted", 'conditions: [{type: Degraded, status: "True", reason: X}, {type: Accepted'), []],
    ["gateway: the controller reports a listener we do not have", gateway, GW_OK.replace("listeners: [", 'listeners: [{name: extra, attachedRoutes: 0, conditions: []}, '), ["listener extra|entry"]],
    ["gateway: a listener missing from the report", gateway, GW_OK.replace(/listeners: .*/, "listeners: []"), ["listener http|entry"]],
    ["gateway: CRD default status (no controller)", gateway, `conditions: [{type: Accepted, status: Unknown, reason: Pending}, {type: Programmed, status: Unknown, reason: Pending}]`, ["|Accepted", "|Programmed", "listener http|entry"]],
    ["gateway: no status at all", gateway, null, ["|status", "listener http|entry"]],
    ["route: agreement", route, ROUTE_OK, []],
    ["route: the parent's ResolvedRefs differs", route, ROUTE_OK.replace('ResolvedRefs, status: "True", reason: ResolvedRefs', 'ResolvedRefs, status: "False", reason: BackendNotFound'), ["parent Gateway infra/edge/http|ResolvedRefs"]],
    ["route: the controller reports the parent without sectionName", route, ROUTE_OK.replace(", sectionName: http", ""), ["parent Gateway infra/edge/http|entry", "parent Gateway infra/edge|entry"]],
    ["route: parentRef namespace defaults to the route's", { ...route, parents: [{ ...route.parents![0], parentRef: "apps/local" }] }, ROUTE_OK.replace("name: edge, namespace: infra, sectionName: http", "name: local"), []],
    ["route: our parent not Accepted while the controller accepts it", { ...route, parents: [{ ...route.parents![0], conditions: [F("Accepted", "NotAllowedByListeners"), T("ResolvedRefs")] }] }, ROUTE_OK, ["parent Gateway infra/edge/http|Accepted"]],
    ["policy: ancestors compared by ancestorRef", policy, `ancestors: [{ancestorRef: {group: gateway.networking.k8s.io, kind: Gateway, name: edge, namespace: infra}, controllerName: c, conditions: [{type: Accepted, status: "False", reason: Conflicted}]}]`, ["ancestor Gateway infra/edge|Accepted"]],
  ])("%s", (_label, ours, reportedYaml, want) => {
    const status = reportedYaml === null ? undefined : parseYaml(reportedYaml);
    const c = compareStatus(ours, { status, generation: 1 }, ours.namespace);
    expect(c.rows.filter((r) => r.differs).map((r) => `${r.scope}|${r.item}`)).toEqual(want);
    expect(c.disagreements).toBe(want.length);
    expect(c.hasReported).toBe(reportedYaml !== null);
  });

  it("an unhealthy condition only we report is a disagreement; a healthy one is shown but not counted", () => {
    const ours: ResourceStatus = { ...gateway, listeners: [], conditions: [T("Accepted"), T("Programmed"), F("ResolvedRefs", "InvalidCertificateRef")] };
    const c = compareStatus(ours, { status: parseYaml(`conditions: [{type: Accepted, status: "True", reason: Accepted}]`) }, "infra");
    expect(c.rows.map((r) => [r.item, r.differs, r.oneSided ?? false])).toEqual([
      ["Accepted", false, false],
      ["Programmed", false, true],
      ["ResolvedRefs", true, false],
    ]);
  });

  it("says when the reported conditions describe an older generation", () => {
    const st = parseYaml(GW_OK.replace("reason: Accepted}, {type: Programmed", "reason: Accepted, observedGeneration: 2}, {type: Programmed"));
    expect(compareStatus(gateway, { status: st, generation: 3 }, "infra").stale).toMatch(/generation 2; the object is at generation 3/);
    expect(compareStatus(gateway, { status: st, generation: 2 }, "infra").stale).toBeNull();
  });

  it.each([
    [{ name: "edge" }, "apps", "apps/edge"],
    [{ name: "edge", namespace: "infra", sectionName: "https" }, "apps", "infra/edge/https"],
    [{ name: "edge", namespace: "infra", port: 443 }, "apps", "infra/edge:443"],
    [{ name: "edge", sectionName: "https", port: 443 }, "apps", "apps/edge/https:443"],
  ])("parentRefText(%j) is the controller's formatParentRef", (ref, ns, want) => {
    expect(parentRefText(ref, ns)).toBe(want);
    const r = ref as { name: string; namespace?: string; sectionName?: string; port?: number };
    expect(formatParentRef(r.namespace ?? ns, r.name, r.sectionName, r.port)).toBe(want);
  });
});
