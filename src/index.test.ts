/** The public API: `load` runs parse then simulate, merges diagnostics, and reuses its caches across edits. */
import { describe, expect, it } from "vitest";
import { load, ParseCache, ControllerCache, buildGraph, match, refKey } from "./index";

const GW = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: cls
  listeners:
  - {name: http, port: 80, protocol: HTTP}
`;
const route = (name: string, path: string, svc: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: PathPrefix, value: ${path}}}]
    backendRefs: [{name: ${svc}, port: 80}]
`;

describe("load", () => {
  it("parses, simulates, and lists parse diagnostics before the controller's", () => {
    const text = `${GW}---\n${route("a", "/a", "svc-a")}---\n${route("b", "/b", "svc-b")}---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: lost}\nspec:\n  parentRefs: [{name: nowhere}]\n  rules: [{matches: [{path: {type: Bogus}}]}]\n`;
    const l = load({ name: "f.yaml", text });
    expect(l.parse.resources.map(refKey)).toEqual(["Gateway/default/gw", "HTTPRoute/default/a", "HTTPRoute/default/b", "HTTPRoute/default/lost"]);
    expect(l.diagnostics).toEqual([...l.parse.diagnostics, ...l.model.diagnostics]);
    expect(l.parse.diagnostics.map((d) => d.code)).toContain("schema");
    expect(l.model.diagnostics.length).toBeGreaterThan(0);
    // Controller diagnostics carry places because load passes the parse's line indexes.
    for (const d of l.model.diagnostics) expect(d.line, d.message).toBeGreaterThan(0);
    expect(match(l.model, { gateway: "default/gw", request: { host: "x", path: "/b/1" } }).backend).toBe("default/svc-b");
    expect(buildGraph(l.model).nodes.map((n) => n.id)).toContain("Listener/default/gw/http");
  });

  it("with caches, an edit gives what a fresh load gives", () => {
    const parseCache = new ParseCache();
    const controllerCache = new ControllerCache();
    const before = `${GW}---\n${route("a", "/a", "svc-a")}---\n${route("b", "/b", "svc-b")}`;
    load({ name: "f.yaml", text: before }, parseCache, controllerCache);
    const after = before.replace("svc-b", "svc-c");
    const incremental = load({ name: "f.yaml", text: after }, parseCache, controllerCache);
    expect(parseCache.lastMisses).toBe(1);
    const fresh = load({ name: "f.yaml", text: after });
    expect(JSON.stringify([...incremental.model.status])).toBe(JSON.stringify([...fresh.model.status]));
    expect(JSON.stringify(incremental.model.relations)).toBe(JSON.stringify(fresh.model.relations));
    expect(match(incremental.model, { gateway: "default/gw", request: { host: "x", path: "/b" } }).backend).toBe("default/svc-c");
  });
});
