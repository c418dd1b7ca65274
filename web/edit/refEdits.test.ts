/** Edge removal and drag-to-connect plans, applied to real examples with src/edit. */
import { describe, expect, it } from "vitest";
import { load, buildGraph, applyEdit } from "../../src";
import type { Graph, GraphNode } from "../../src/graph";
import { basicHttp } from "../gallery/basic-http";
import { canaryWeight } from "../gallery/canary-weight";
import { connectPlan, removeRefsPlan, type ConnectContext } from "./refEdits";

function graphOf(yaml: string): Graph {
  return buildGraph(load(yaml).model);
}
const node = (g: Graph, id: string): GraphNode => {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const ctx = (over: Partial<ConnectContext> = {}): ConnectContext => ({ rules: ["a", "b"], parentRefs: [], backendRefs: [], ...over });

describe("removeRefsPlan", () => {
  const rows: { name: string; yaml: string; from: string; to: string; gone: RegExp[]; kept: RegExp[] }[] = [
    { name: "a backendRef", yaml: basicHttp.yaml, from: "HTTPRoute/shop/shop", to: "Service/shop/api", gone: [/- name: api\n\s+port: 8080/], kept: [/name: storefront/, /# No matches/] },
    { name: "a parentRef (to a listener)", yaml: basicHttp.yaml, from: "HTTPRoute/shop/shop", to: "Listener/infra/web/http", gone: [/- name: web\n\s+namespace: infra/], kept: [/hostnames:/, /# Basic HTTP routing/] },
    { name: "the canary of a weighted pair", yaml: canaryWeight.yaml, from: "HTTPRoute/shop/checkout", to: "Service/shop/checkout-v2", gone: [/checkout-v2\n\s+port: 8080\n\s+weight: 10/], kept: [/checkout-v1\n\s+port: 8080\n\s+weight: 90/] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const g = graphOf(r.yaml);
      const refs = g.edges.filter((e) => e.from === r.from && e.to === r.to);
      expect(refs.length).toBeGreaterThan(0);
      const plan = removeRefsPlan(refs);
      if (!("edit" in plan)) throw new Error(plan.error);
      const out = applyEdit(r.yaml, plan.edit);
      if (!out.ok) throw new Error(out.error);
      for (const re of r.gone) expect(out.text).not.toMatch(re);
      for (const re of r.kept) expect(out.text).toMatch(re);
      expect(graphOf(out.text).edges.some((e) => e.from === r.from && e.to === r.to)).toBe(false);
    });
  }

  it("several references in one list are deleted from the last, so indexes hold", () => {
    const yaml = basicHttp.yaml.replace("    - backendRefs:\n        - name: storefront", "    - backendRefs:\n        - name: api\n          port: 8080\n        - name: storefront");
    const g = graphOf(yaml);
    const refs = g.edges.filter((e) => e.from === "HTTPRoute/shop/shop" && e.to === "Service/shop/api");
    expect(refs).toHaveLength(2);
    const plan = removeRefsPlan(refs);
    if (!("edit" in plan)) throw new Error(plan.error);
    expect(plan.what).toBe("removed 2 backendRefs");
    const out = applyEdit(yaml, plan.edit);
    if (!out.ok) throw new Error(out.error);
    expect(out.text).not.toMatch(/- name: api\n/);
    expect(out.text).toMatch(/- name: storefront/);
  });

  it("structure (a Gateway's class) is not removable", () => {
    const g = graphOf(basicHttp.yaml);
    const refs = g.edges.filter((e) => e.type === "gatewayClass");
    expect(removeRefsPlan(refs)).toHaveProperty("error");
  });
});

describe("connectPlan", () => {
  const g = graphOf(basicHttp.yaml + "\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: extra\n  namespace: other\nspec:\n  ports:\n    - port: 9090\n");
  const route = node(g, "HTTPRoute/shop/shop");
  const apply = (yaml: string, plan: ReturnType<typeof connectPlan>): string => {
    if (!("edit" in plan) || typeof plan.edit !== "object") throw new Error(JSON.stringify(plan));
    const out = applyEdit(yaml, plan.edit);
    if (!out.ok) throw new Error(out.error);
    return out.text;
  };

  it("route → listener adds a parentRef with sectionName (and the namespace, being another)", () => {
    const text = apply(basicHttp.yaml, connectPlan(route, node(g, "Listener/infra/web/http"), ctx({ parentRefs: [{ name: "web", namespace: "infra" }] })));
    expect(text).toContain("    - name: web\n      namespace: infra\n      sectionName: http\n");
  });

  it("route → Gateway without a section: refused when that parentRef exists", () => {
    expect(connectPlan(route, node(g, "Gateway/infra/web"), ctx({ parentRefs: [{ name: "web", namespace: "infra" }] }))).toEqual({ error: "shop already has this parentRef" });
  });

  it("route → listener refused when the same section is already referenced", () => {
    const plan = connectPlan(route, node(g, "Listener/infra/web/http"), ctx({ parentRefs: [{ name: "web", namespace: "infra", sectionName: "http" }] }));
    expect(plan).toHaveProperty("error");
  });

  it("rule → Service adds a backendRef with the Service's port", () => {
    const text = apply(basicHttp.yaml, connectPlan(route, node(g, "Service/shop/storefront"), ctx({ rule: 0, servicePort: 80 })));
    expect(text).toContain("        - name: api\n          port: 8080\n        - name: storefront\n          port: 80\n");
  });

  it("route with several rules → Service asks which rule", () => {
    const plan = connectPlan(route, node(g, "Service/other/extra"), ctx({ servicePort: 9090 }));
    if (!("choose" in plan)) throw new Error("expected a choice");
    expect(plan.choose).toEqual(["a", "b"]);
    const out = applyEdit(basicHttp.yaml, plan.edit(1));
    if (!out.ok) throw new Error(out.error);
    expect(out.text).toContain("        - name: storefront\n          port: 80\n        - name: extra\n          namespace: other\n          port: 9090\n");
  });

  it("a backend the rule already has is refused", () => {
    expect(connectPlan(route, node(g, "Service/shop/api"), ctx({ rule: 0, backendRefs: [[{ name: "api", port: 8080 }]] }))).toHaveProperty("error");
  });

  it("a route with one rule needs no choice; one with none gets a rule", () => {
    const one = connectPlan(route, node(g, "Service/shop/api"), ctx({ rules: ["x"], backendRefs: [[]] }));
    expect(one).toMatchObject({ edit: { op: "addBackend", rule: 0 } });
    const none = connectPlan(route, node(g, "Service/shop/api"), ctx({ rules: [] }));
    expect(none).toMatchObject({ edit: { op: "addRule", rule: { backendRefs: [{ name: "api" }] } } });
  });

  it("meaningless drops are refused", () => {
    expect(connectPlan(node(g, "Service/shop/api"), route, ctx())).toHaveProperty("error");
    expect(connectPlan(route, node(g, "GatewayClass/example"), ctx())).toHaveProperty("error");
  });
});
