/**
 * Gateway.spec.allowedListeners.namespaces.from (None — the default —, Same, Selector, All): which
 * ListenerSets a Gateway takes. Each row: the Gateway's allowedListeners (null = not set), the
 * ListenerSet's namespace, extra objects, then the ListenerSet's Accepted condition and the Gateway's
 * attachedListenerSets.
 */
import { describe, expect, it } from "vitest";
import { CLASS, gateway, namespace, show, sim, status } from "./testing/fixture";
import { allowed, listenerSet } from "./testing/listenerset-fixture";

const GW_LISTENER = "{name: gw-l, port: 80, protocol: HTTP, hostname: gw.example.com}";
const LS_LISTENER = "{name: ls-l, port: 80, protocol: HTTP, hostname: ls.example.com}";

describe("Gateway.spec.allowedListeners", () => {
  it.each<[string, string | null, string, string[], string, number]>([
    ["not set: None by default", null, "infra", [], "Accepted=False/NotAllowed", 0],
    ["None", "{from: None}", "infra", [], "Accepted=False/NotAllowed", 0],
    ["Same, same namespace", "{from: Same}", "infra", [], "Accepted=True/Accepted", 1],
    ["Same, other namespace", "{from: Same}", "apps", [namespace("apps")], "Accepted=False/NotAllowed", 0],
    ["All, other namespace", "{from: All}", "apps", [namespace("apps")], "Accepted=True/Accepted", 1],
    ["Selector match", "{from: Selector, selector: {matchLabels: {team: a}}}", "apps", [namespace("apps", { team: "a" })], "Accepted=True/Accepted", 1],
    ["Selector miss", "{from: Selector, selector: {matchLabels: {team: a}}}", "apps", [namespace("apps", { team: "b" })], "Accepted=False/NotAllowed", 0],
    ["Selector on the automatic name label", "{from: Selector, selector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [apps]}]}}", "apps", [namespace("apps")], "Accepted=True/Accepted", 1],
    ["Selector without selector", "{from: Selector}", "apps", [namespace("apps")], "Accepted=False/NotAllowed", 0],
    ["unknown from value", "{from: Some}", "infra", [], "Accepted=False/NotAllowed", 0],
  ])("%s", (_label, allowedListeners, lsNs, objects, want, count) => {
    const m = sim(CLASS, gateway("gw", [GW_LISTENER], allowedListeners === null ? "" : allowed(allowedListeners)), listenerSet(lsNs, "ls", [LS_LISTENER]), ...objects);
    const ls = status(m, `ListenerSet/${lsNs}/ls`);
    expect(show(ls.conditions)[0]).toBe(want);
    // ListenerSetConditionType Programmed follows: NotAllowed sets are not programmed, for the same reason.
    expect(show(ls.conditions)[1]).toBe(want.startsWith("Accepted=True") ? "Programmed=True/Programmed" : "Programmed=False/NotAllowed");
    expect(status(m, "Gateway/infra/gw").attachedListenerSets).toBe(count);
    // The Gateway's own acceptance never depends on its ListenerSets.
    expect(show(status(m, "Gateway/infra/gw").conditions)[0]).toBe("Accepted=True/Accepted");
  });

  it("a Namespace missing from the input is assumed to carry only its name label, and says so", () => {
    const sel = "{from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: apps}}}";
    const m = sim(CLASS, gateway("gw", [GW_LISTENER], allowed(sel)), listenerSet("apps", "ls", [LS_LISTENER]));
    expect(show(status(m, "ListenerSet/apps/ls").conditions)[0]).toBe("Accepted=True/Accepted");
    expect(m.assumptions).toEqual([expect.objectContaining({ code: "namespace-exists", refs: ["Namespace/apps"] })]);
  });

  it("a NotAllowed set is reported on its parentRef; its listeners say why and serve nothing", () => {
    const m = sim(CLASS, gateway("gw", [GW_LISTENER]), listenerSet("infra", "ls", [LS_LISTENER]));
    expect(m.diagnostics.filter((d) => d.code === "NotAllowed").map((d) => [d.resource?.kind, d.path])).toEqual([["ListenerSet", ["spec", "parentRef"]]]);
    const l = status(m, "ListenerSet/infra/ls").listeners![0];
    expect(show(l.conditions)).toEqual(expect.arrayContaining(["Accepted=False/NotAllowed", "Programmed=False/NotAllowed"]));
    expect(l.supportedKinds).toEqual([]);
    const view = m.gateways[0].listeners.find((x) => x.origin === "ListenerSet/infra/ls")!;
    expect([view.accepted, view.programmed]).toEqual([false, false]);
    expect(m.relations.filter((r) => r.type === "listenerSet")).toEqual([expect.objectContaining({ from: "ListenerSet/infra/ls", to: "Gateway/infra/gw", ok: false, reason: "NotAllowed" })]);
  });

  it("a Gateway that neither sets allowedListeners nor is named by a ListenerSet reports no attachedListenerSets", () => {
    const m = sim(CLASS, gateway("gw", [GW_LISTENER]));
    expect(status(m, "Gateway/infra/gw").attachedListenerSets).toBeUndefined();
  });
});
