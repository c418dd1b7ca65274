import { describe, expect, it } from "vitest";
import { selectorMatches } from "./allowed-routes";
import { CLASS, gateway, httpRoute, namespace, parentConds, sim, service, status } from "./testing/fixture";

describe("selectorMatches (Kubernetes label selector semantics)", () => {
  const labels = { team: "a", env: "prod", "kubernetes.io/metadata.name": "apps" };
  it.each<[string, unknown, boolean]>([
    ["empty selector matches all", {}, true],
    ["matchLabels hit", { matchLabels: { team: "a" } }, true],
    ["matchLabels miss", { matchLabels: { team: "b" } }, false],
    ["matchLabels on the name label", { matchLabels: { "kubernetes.io/metadata.name": "apps" } }, true],
    ["In", { matchExpressions: [{ key: "env", operator: "In", values: ["prod", "staging"] }] }, true],
    ["In miss", { matchExpressions: [{ key: "env", operator: "In", values: ["dev"] }] }, false],
    ["NotIn", { matchExpressions: [{ key: "env", operator: "NotIn", values: ["dev"] }] }, true],
    ["NotIn on a missing key", { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["x"] }] }, true],
    ["Exists", { matchExpressions: [{ key: "team", operator: "Exists" }] }, true],
    ["DoesNotExist", { matchExpressions: [{ key: "team", operator: "DoesNotExist" }] }, false],
    ["labels and expressions are ANDed", { matchLabels: { team: "a" }, matchExpressions: [{ key: "env", operator: "In", values: ["dev"] }] }, false],
    ["unknown operator matches nothing", { matchExpressions: [{ key: "team", operator: "Like" }] }, false],
    ["not an object", "team=a", false],
  ])("%s", (_label, selector, want) => {
    expect(selectorMatches(selector, labels)).toBe(want);
  });
});

const route = (ns: string) => httpRoute(ns, "r", "  parentRefs: [{name: gw, namespace: infra}]\n  rules: [{backendRefs: [{name: svc, port: 80}]}]");

describe("allowedRoutes.namespaces.from", () => {
  it.each<[string, string, string, string[], string]>([
    ["Same, same namespace", "{from: Same}", "infra", [], "Accepted=True/Accepted"],
    ["Same, other namespace", "{from: Same}", "apps", [], "Accepted=False/NotAllowedByListeners"],
    ["default is Same", "{}", "apps", [], "Accepted=False/NotAllowedByListeners"],
    ["All", "{from: All}", "apps", [], "Accepted=True/Accepted"],
    ["Selector match", "{from: Selector, selector: {matchLabels: {team: a}}}", "apps", [namespace("apps", { team: "a" })], "Accepted=True/Accepted"],
    ["Selector miss", "{from: Selector, selector: {matchLabels: {team: a}}}", "apps", [namespace("apps", { team: "b" })], "Accepted=False/NotAllowedByListeners"],
    ["Selector on the automatic name label", "{from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: apps}}}", "apps", [namespace("apps")], "Accepted=True/Accepted"],
    ["Selector without selector", "{from: Selector}", "apps", [namespace("apps")], "Accepted=False/NotAllowedByListeners"],
  ])("%s", (_label, namespaces, ns, objects, want) => {
    const m = sim(CLASS, gateway("gw", [`{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: ${namespaces}}}`]), route(ns), service(ns, "svc"), ...objects);
    expect(parentConds(m, `HTTPRoute/${ns}/r`, "infra/gw")).toContain(want);
    expect(status(m, "Gateway/infra/gw").listeners![0].attachedRoutes).toBe(want.startsWith("Accepted=True") ? 1 : 0);
  });

  it("a Namespace missing from the input is assumed to carry only its name label, and says so", () => {
    const sel = "{from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: apps}}}";
    const m = sim(CLASS, gateway("gw", [`{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: ${sel}}}`]), route("apps"), service("apps", "svc"));
    expect(parentConds(m, "HTTPRoute/apps/r", "infra/gw")).toContain("Accepted=True/Accepted");
    expect(m.assumptions).toEqual([expect.objectContaining({ code: "namespace-exists", refs: ["Namespace/apps"] })]);
  });
});
