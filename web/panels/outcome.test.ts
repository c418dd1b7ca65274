/** Outcome readings: destinations, change detection and the lit path, on real engine outcomes. */
import { describe, expect, it } from "vitest";
import { buildGraph, load, match } from "../../src/index";
import type { SimRequest } from "../../src/model/request";
import { GALLERY } from "../gallery";
import type { Outcome } from "../../src/model/outcome";
import { destination, destinationChanged, litPathOf, pct, verdictOf, type Verdict } from "./outcome";

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

/** An outcome as the engine makes them, with the fields a row sets. */
function outcome(o: Partial<Outcome>): Outcome {
  return { statusCode: 200, backend: null, backends: [], listener: null, route: null, rule: null, match: null, requestHeaders: {}, path: "/", host: "", redirect: null, responseHeaders: {}, mirrors: [], trace: [], ...o };
}
const one = (ns: string, name: string, probability = 1) => ({ namespace: ns, name, port: 5432, weight: 1, probability });
const tcp: SimRequest = { gateway: "data/db-edge", request: { protocol: "TCP", host: "", port: 5432 } };
const grpc: SimRequest = { gateway: "catalog/grpc", request: { protocol: "GRPC", host: "g", grpc: { service: "s.S", method: "M" } } };
const mesh: SimRequest = { mesh: { service: "ratings/ratings", port: 8080, client: "qa/load" }, request: { protocol: "HTTP", host: "ratings", path: "/" } };

describe("verdictOf and destination by kind of traffic", () => {
  it.each<[string, SimRequest, Partial<Outcome>, Pick<Verdict, "code" | "level">, string]>([
    ["TCP to one backend", tcp, { backend: "data/db", backends: [one("data", "db")] }, { code: "connected", level: "ok" }, "TCP → data/db"],
    ["TCP split", tcp, { backends: [one("data", "a", 0.5), one("data", "b", 0.5)] }, { code: "connected", level: "ok" }, "TCP → data/a 50% · data/b 50%"],
    ["TCP split with an invalid share", tcp, { backends: [one("data", "a", 0.5), { ...one("data", "gone", 0.5), invalid: "BackendNotFound" }] }, { code: "connected", level: "warn" }, "TCP → data/a 50% · data/gone 50%"],
    ["UDP", { gateway: "g/g", request: { protocol: "UDP", port: 53 } }, { backend: "dns/coredns", backends: [one("dns", "coredns")] }, { code: "forwarded", level: "ok" }, "UDP → dns/coredns"],
    ["TLS refused", { gateway: "g/g", request: { protocol: "TLS", sni: "x" } }, { statusCode: 404, connectionError: "no TLSRoute claims SNI x" }, { code: "no connection", level: "bad" }, "no connection: no TLSRoute claims SNI x"],
    ["TCP to an invalid backend", tcp, { statusCode: 500, backends: [{ ...one("data", "gone"), invalid: "BackendNotFound" }] }, { code: "500", level: "bad" }, "500"],
    ["gRPC OK", grpc, { backend: "catalog/read", backends: [one("catalog", "read")], grpcStatus: "OK" }, { code: "gRPC OK", level: "ok" }, "gRPC OK → catalog/read"],
    ["gRPC Unimplemented", grpc, { statusCode: 404, grpcStatus: "Unimplemented" }, { code: "gRPC Unimplemented", level: "warn" }, "gRPC Unimplemented"],
    ["gRPC to a broken backend", grpc, { statusCode: 500, grpcStatus: "Unknown" }, { code: "gRPC Unknown", level: "bad" }, "gRPC Unknown"],
    ["not simulated", tcp, { statusCode: 0, trace: [{ step: "protocol", detail: "TCPRoute matching is not simulated yet", refs: [] }] }, { code: "not simulated", level: "muted" }, "not simulated"],
    ["HTTP 404", get("a/b", "h", "/"), { statusCode: 404 }, { code: "404", level: "warn" }, "404"],
  ])("%s", (_name, req, o, verdict, dest) => {
    const out = outcome(o);
    const v = verdictOf(req, out);
    expect({ code: v.code, level: v.level }).toEqual(verdict);
    expect(destination(out, req)).toBe(dest);
  });

  it.each<[string, Partial<Outcome>, string]>([
    ["passthrough", { frontendTLS: { mode: "Passthrough", sni: "a" } }, "The TLS stream is forwarded still encrypted (passthrough: the backend terminates TLS)."],
    ["terminate", { frontendTLS: { mode: "Terminate", sni: "a" } }, "The gateway terminates TLS and forwards the decrypted stream."],
  ])("says who terminates TLS: %s", (_name, o, meaning) => {
    const tls: SimRequest = { gateway: "g/g", request: { protocol: "TLS", sni: "a", port: 443 } };
    expect(verdictOf(tls, outcome({ backend: "a/b", backends: [one("a", "b")], ...o })).meaning).toBe(meaning);
  });

  it("says which share of connections is rejected", () => {
    const o = outcome({ backends: [one("data", "a", 0.5), { ...one("data", "gone", 0.5), invalid: "BackendNotFound" }] });
    expect(verdictOf(tcp, o).meaning).toBe("The TCP connection is forwarded. 50% of the connections are rejected: their backend is invalid.");
  });

  it("says why a request is not simulated", () => {
    expect(verdictOf(tcp, outcome({ statusCode: 0, trace: [{ step: "protocol", detail: "TCPRoute matching is not simulated yet", refs: [] }] })).meaning).toBe("TCPRoute matching is not simulated yet");
  });

  it("mesh calls read like HTTP, through the real engine", () => {
    const { o } = run("gamma-canary", mesh);
    expect(verdictOf(mesh, o)).toMatchObject({ code: "200", level: "ok" });
    expect(destination(o, mesh)).toBe("200 → ratings/ratings-v2");
  });

  it("a mesh call's lit path starts at the Service it is sent to", () => {
    const { o, ids } = run("gamma-canary", mesh);
    expect(litPathOf(mesh, o, ids)).toEqual(["Service/ratings/ratings", "HTTPRoute/qa/ratings-qa", "Service/ratings/ratings-v2"]);
  });
});
