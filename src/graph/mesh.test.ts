/**
 * The mesh (GAMMA) in the graph: a route's Service parent is a `meshParent` edge (route → Service),
 * and a Service that is only a mesh parent (its frontend) is drawn left of the routes, so the
 * picture reads left to right: frontend → route → backends.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../parse";
import { simulate } from "../controller";
import { buildGraph, RANKS } from "./index";
import { buildGraphReference } from "./testing/reference";
import { layoutGraph } from "./layout";

const YAML = `apiVersion: v1
kind: Service
metadata: {name: front, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: v1, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: self, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: split, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: front, port: 80}]
  rules: [{backendRefs: [{name: v1, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: own, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: self}, {group: "", kind: Service, name: gone}]
  rules: [{backendRefs: [{name: self, port: 80}]}]
`;

function graph() {
  const p = parse({ name: "mesh.yaml", text: YAML });
  const model = simulate(p.resources, { lines: p.lines });
  return { model, graph: buildGraph(model) };
}

describe("mesh in the graph", () => {
  it("a Service parent is a meshParent edge from the route, with the port as its section and the controller's verdict", () => {
    const { graph: g } = graph();
    const mesh = g.edges.filter((e) => e.type === "meshParent").map((e) => ({ from: e.from, to: e.to, ok: e.ok, section: e.section, reason: e.reason }));
    expect(mesh).toEqual([
      { from: "HTTPRoute/shop/split", to: "Service/shop/front", ok: true, section: "80", reason: undefined },
      { from: "HTTPRoute/shop/own", to: "Service/shop/self", ok: true, section: undefined, reason: undefined },
      { from: "HTTPRoute/shop/own", to: "Service/shop/gone", ok: false, section: undefined, reason: "NoMatchingParent" },
    ]);
    expect(g.edges.some((e) => e.type === "parentRef")).toBe(false);
  });

  it.each([
    ["a frontend only: the listener column, left of the routes", "Service/shop/front", RANKS.listener],
    ["a backend only: the backend column", "Service/shop/v1", RANKS.service],
    ["frontend and backend of one route: one node, with the backends", "Service/shop/self", RANKS.service],
    ["a missing parent (placeholder): the listener column", "Service/shop/gone", RANKS.listener],
  ])("rank of %s", (_label, id, rank) => {
    const { graph: g } = graph();
    expect(g.nodes.find((n) => n.id === id)?.rank).toBe(rank);
  });

  it("the cached builder equals the reference builder", () => {
    const { model, graph: g } = graph();
    expect(g).toEqual(buildGraphReference(model));
  });

  it("the layout reads left to right: frontend, then route, then backend", () => {
    const { graph: g } = graph();
    const layout = layoutGraph(g);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x("Service/shop/front")).toBeLessThan(x("HTTPRoute/shop/split"));
    expect(x("HTTPRoute/shop/split")).toBeLessThan(x("Service/shop/v1"));
    const e = layout.edges.find((l) => l.source === "HTTPRoute/shop/split" && l.target === "Service/shop/front")!;
    // The edge leaves the route on its left and enters the frontend on its right.
    expect([e.sourceHandle, e.targetHandle, e.types]).toEqual(["left", "right", ["meshParent"]]);
  });
});
