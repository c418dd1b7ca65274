/** Palette defaults: unique names, namespaces, references to what exists; the result applies cleanly. */
import { describe, expect, it } from "vitest";
import { load, buildGraph, applyEdit } from "../../src";
import type { Graph } from "../../src/graph";
import { basicHttp } from "../gallery/basic-http";
import { PALETTE, newResourceFor } from "./palette";

const g: Graph = buildGraph(load(basicHttp.yaml).model);
const item = (kind: string) => PALETTE.find((p) => p.kind === kind)!;
const byId = (id: string) => g.nodes.find((n) => n.id === id) ?? null;

describe("newResourceFor", () => {
  it("a route with the selected Service attaches to the only Gateway, across namespaces", () => {
    const { resource, id } = newResourceFor(item("HTTPRoute"), { nodes: g.nodes, selected: byId("Service/shop/api") });
    expect(id).toBe("HTTPRoute/shop/http-route");
    expect(resource).toMatchObject({ kind: "HTTPRoute", namespace: "shop", parent: { name: "web", namespace: "infra" }, backend: { name: "api" } });
  });

  it("the backendRef takes the Service's port when known", () => {
    const { resource } = newResourceFor(item("HTTPRoute"), { nodes: g.nodes, selected: byId("Service/shop/api"), portOf: (id) => (id === "Service/shop/api" ? 8080 : undefined) });
    expect(resource.backend).toEqual({ name: "api", port: 8080 });
  });

  it("a route for a selected listener gets its sectionName", () => {
    const { resource } = newResourceFor(item("GRPCRoute"), { nodes: g.nodes, selected: byId("Listener/infra/web/http") });
    expect(resource.parent).toEqual({ name: "web", sectionName: "http" });
    expect(resource.namespace).toBe("infra");
  });

  it("names already taken get a number", () => {
    const { resource } = newResourceFor(item("Service"), { nodes: [...g.nodes, { ...byId("Service/shop/api")!, id: "Service/shop/service", name: "service" }], selected: byId("Service/shop/api") });
    expect(resource.name).toBe("service-2");
  });

  it("a Gateway takes the existing GatewayClass; a GatewayClass has no namespace", () => {
    expect(newResourceFor(item("Gateway"), { nodes: g.nodes, selected: null }).resource).toMatchObject({ gatewayClassName: "example" });
    const c = newResourceFor(item("GatewayClass"), { nodes: g.nodes, selected: null });
    expect(c.id).toBe("GatewayClass/gateway-class");
    expect(c.resource.namespace).toBeUndefined();
  });

  for (const p of PALETTE) {
    it(`${p.kind}: the new object parses without errors (and is drawn, unless a Secret nobody refers to)`, () => {
      const { resource, id } = newResourceFor(p, { nodes: g.nodes, selected: null });
      const out = applyEdit(basicHttp.yaml, { op: "createResource", resource });
      if (!out.ok) throw new Error(out.error);
      expect(out.text.startsWith(basicHttp.yaml)).toBe(true);
      const after = load(out.text);
      expect(after.parse.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(after.parse.resources.some((r) => r.kind === p.kind && r.name === resource.name)).toBe(true);
      if (p.kind !== "Secret") expect(buildGraph(after.model).nodes.some((n) => n.id === id && n.defined)).toBe(true);
    });
  }
});
