/** Outcome readings: destinations, change detection and the lit path, on real engine outcomes. */
import { describe, expect, it } from "vitest";
import { buildGraph, load, match } from "../../src/index";
import type { SimRequest } from "../../src/model/request";
import { GALLERY } from "../gallery";
import { destination, destinationChanged, litPathOf, pct } from "./outcome";

function run(id: string, request: SimRequest, edit?: (yaml: string) => string) {
  const ex = GALLERY.find((e) => e.id === id)!;
  const { model } = load({ name: "x.yaml", text: edit ? edit(ex.yaml) : ex.yaml });
  const ids = new Set(buildGraph(model).nodes.map((n) => n.id));
  return { o: match(model, request, { trace: true }), ids };
}

const get = (gateway: string, host: string, path: string): SimRequest => ({ gateway, request: { host, path, method: "GET" } });

describe("destination", () => {
  it.each<[string, SimRequest, string]>([
    ["basic-http", get("infra/web", "shop.example.com", "/api/x"), "200 → shop/api"],
    ["basic-http", get("infra/web", "nope.example.com", "/"), "404"],
    ["canary-weight", get("shop/web", "shop.example.com", "/checkout"), "200 → shop/checkout-v1 90% · shop/checkout-v2 10%"],
    ["rewrite-redirect", get("site/web", "www.example.com", "/blog/a"), "301 → https://blog.example.org/a"],
    ["cross-namespace", get("frontend/web", "portal.example.com", "/exports"), "500"],
  ])("%s %j", (id, req, text) => {
    expect(destination(run(id, req).o)).toBe(text);
  });

  it("formats shares without noise", () => {
    expect([pct(0.9), pct(1 / 3), pct(1)]).toEqual(["90%", "33.3%", "100%"]);
  });
});

describe("destinationChanged", () => {
  const req = get("shop/web", "shop.example.com", "/checkout");
  const before = run("canary-weight", req).o;
  it.each<[string, (y: string) => string, boolean]>([
    ["same config", (y) => y, false],
    ["comment only", (y) => y.replace("# Canary", "# A canary"), false],
    ["weights moved", (y) => y.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50"), true],
    ["v2 removed", (y) => y.replace(/        - name: checkout-v2\n          port: 8080\n          weight: 10\n/, ""), true],
  ])("%s → %s", (_name, edit, changed) => {
    expect(destinationChanged(run("canary-weight", req, edit).o, before)).toBe(changed);
  });

  it("is false without a previous outcome", () => {
    expect(destinationChanged(before, null)).toBe(false);
  });
});

describe("litPathOf", () => {
  it.each<[string, SimRequest, string[]]>([
    ["basic-http", get("infra/web", "shop.example.com", "/api/x"), ["Gateway/infra/web", "Listener/infra/web/http", "HTTPRoute/shop/shop", "Service/shop/api"]],
    ["canary-weight", get("shop/web", "shop.example.com", "/checkout"), ["Gateway/shop/web", "Listener/shop/web/http", "HTTPRoute/shop/checkout", "Service/shop/checkout-v1", "Service/shop/checkout-v2"]],
    // The wildcard listener and the other routes lose: they stay dark.
    ["wildcard-listeners", get("edge/shared", "api.example.com", "/"), ["Gateway/edge/shared", "Listener/edge/shared/api", "HTTPRoute/edge/api", "Service/edge/api"]],
    // The route matched, but its backend is not permitted: the path stops at the route.
    ["cross-namespace", get("frontend/web", "portal.example.com", "/exports"), ["Gateway/frontend/web", "Listener/frontend/web/http", "HTTPRoute/frontend/portal"]],
    ["basic-http", get("infra/web", "nope.example.com", "/"), ["Gateway/infra/web", "Listener/infra/web/http"]],
  ])("%s %j", (id, req, path) => {
    const { o, ids } = run(id, req);
    expect(litPathOf(req, o, ids)).toEqual(path);
  });

  it("is empty without an outcome", () => {
    expect(litPathOf(get("a/b", "h", "/"), null, new Set())).toEqual([]);
  });
});
