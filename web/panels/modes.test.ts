/** Simulator modes: reading a request's mode, converting between modes, the ports and hosts offered. */
import { describe, expect, it } from "vitest";
import type { SimRequest } from "../../src/model/request";
import type { GatewayInfo } from "../worker/protocol";
import { clientNamespaceOf, gatewayHosts, listenerPorts, modeOf, onGateway, serviceHost, switchMode, withClientNamespace, type ModeContext, type SimMode } from "./modes";

const gw = (ref: string, listeners: [string, number, string | null][], hostnames: string[] = []): GatewayInfo => ({
  ref,
  listeners: listeners.map(([protocol, port, hostname], i) => ({ name: `l${i}`, protocol, port, hostname })),
  hostnames,
});

const EDGE = gw("infra/edge", [["HTTP", 80, "shop.example.com"], ["HTTPS", 443, "shop.example.com"], ["TLS", 8443, "*.example.com"], ["TCP", 5432, null], ["TCP", 5433, null], ["UDP", 53, null]], ["api.example.com", "*.wild.example.com"]);
const ONLY_HTTPS = gw("infra/secure", [["HTTPS", 8443, "secure.example.com"]]);
const ctx: ModeContext = { gateways: [EDGE, ONLY_HTTPS], grpc: { service: "catalog.v1.Catalog", method: "GetProduct" }, meshService: { ref: "ratings/ratings", port: 8080 } };
const HTTP: SimRequest = { gateway: "infra/edge", request: { protocol: "HTTP", host: "shop.example.com", path: "/cart", method: "POST", headers: { "x-a": "1" } } };

describe("modeOf", () => {
  it.each<[SimRequest, SimMode]>([
    [HTTP, "HTTP"],
    [{ gateway: "a/b", request: {} }, "HTTP"],
    [{ gateway: "a/b", request: { protocol: "HTTPS" } }, "HTTP"],
    [{ gateway: "a/b", request: { protocol: "GRPC" } }, "GRPC"],
    [{ gateway: "a/b", request: { protocol: "TLS" } }, "TLS"],
    [{ gateway: "a/b", request: { protocol: "TCP" } }, "TCP"],
    [{ gateway: "a/b", request: { protocol: "UDP" } }, "UDP"],
    [{ mesh: { service: "a/b", port: 80 }, request: { protocol: "GRPC" } }, "MESH"],
  ])("%j → %s", (r, mode) => {
    expect(modeOf(r)).toBe(mode);
  });
});

describe("listener ports and hosts", () => {
  it.each<[SimMode, number[]]>([
    ["HTTP", [80, 443]],
    ["GRPC", [80, 443]],
    ["TLS", [8443]],
    ["TCP", [5432, 5433]],
    ["UDP", [53]],
    ["MESH", []],
  ])("%s ports", (mode, ports) => {
    expect(listenerPorts(EDGE, mode)).toEqual(ports);
  });

  it("offers listener hostnames of the mode's protocols, then route hostnames, never wildcards", () => {
    expect(gatewayHosts(EDGE, "HTTP")).toEqual(["shop.example.com", "api.example.com"]);
    expect(gatewayHosts(EDGE, "TLS")).toEqual(["api.example.com"]);
    expect(gatewayHosts(undefined, "HTTP")).toEqual([]);
  });
});

describe("switchMode", () => {
  it.each<[string, SimRequest, SimMode, SimRequest]>([
    ["HTTP → gRPC keeps host and metadata, takes the first method in view", HTTP, "GRPC", { gateway: "infra/edge", request: { protocol: "GRPC", host: "shop.example.com", grpc: { service: "catalog.v1.Catalog", method: "GetProduct" }, headers: { "x-a": "1" } } }],
    ["HTTP → TLS: the host becomes the SNI, on the TLS listener's port", HTTP, "TLS", { gateway: "infra/edge", request: { protocol: "TLS", host: "shop.example.com", sni: "shop.example.com", port: 8443 } }],
    ["HTTP → TCP: no hostname, the first TCP port", HTTP, "TCP", { gateway: "infra/edge", request: { protocol: "TCP", host: "", port: 5432 } }],
    ["HTTP → UDP", HTTP, "UDP", { gateway: "infra/edge", request: { protocol: "UDP", host: "", port: 53 } }],
    ["HTTP → mesh: the Service in view, its port, its name as Host", HTTP, "MESH", { mesh: { service: "ratings/ratings", port: 8080 }, request: { protocol: "HTTP", host: "ratings", path: "/", method: "GET", headers: { "x-a": "1" } } }],
    ["TLS → HTTP: an encrypted request stays HTTPS", { gateway: "infra/edge", request: { protocol: "TLS", host: "a.example.com", sni: "a.example.com", port: 8443 } }, "HTTP", { gateway: "infra/edge", request: { protocol: "HTTPS", host: "a.example.com", path: "/", method: "GET", headers: {} } }],
    ["TCP → HTTP on a gateway with only HTTPS: HTTPS on its port", { gateway: "infra/secure", request: { protocol: "TCP", host: "", port: 9000 } }, "HTTP", { gateway: "infra/secure", request: { protocol: "HTTPS", host: "secure.example.com", port: 8443, path: "/", method: "GET", headers: {} } }],
    ["mesh → HTTP: back to the first gateway and a host it serves", { mesh: { service: "ratings/ratings", port: 8080 }, request: { protocol: "HTTP", host: "ratings", path: "/x" } }, "HTTP", { gateway: "infra/edge", request: { protocol: "HTTP", host: "shop.example.com", path: "/", method: "GET", headers: {} } }],
    ["a TLS listener on 443 is named explicitly", { gateway: "x/y", request: { protocol: "HTTP", host: "h" } }, "TLS", { gateway: "x/y", request: { protocol: "TLS", host: "h", sni: "h", port: 443 } }],
  ])("%s", (_name, from, mode, to) => {
    const c = { ...ctx, gateways: [...ctx.gateways, gw("x/y", [["TLS", 443, null]])] };
    expect(switchMode(from, mode, c)).toEqual(to);
  });

  it("keeps the request when the mode does not change", () => {
    expect(switchMode(HTTP, "HTTP", ctx)).toBe(HTTP);
  });

  it("works without gateways, gRPC methods or Services in view", () => {
    const empty: ModeContext = { gateways: [] };
    expect(switchMode(HTTP, "GRPC", empty).request.grpc).toEqual({ service: "", method: "" });
    expect(switchMode(HTTP, "MESH", empty)).toEqual({ mesh: { service: "" }, request: { protocol: "HTTP", host: "", path: "/", method: "GET", headers: { "x-a": "1" } } });
    expect(switchMode({ request: {} }, "TCP", empty)).toEqual({ gateway: "", request: { protocol: "TCP", host: "" } });
  });
});

describe("onGateway", () => {
  const WILD = gw("infra/wild", [["HTTP", 80, "*.example.com"]]);
  it.each<[string, SimRequest, GatewayInfo, SimRequest]>([
    ["a host the gateway does not serve gives way to one it does", { gateway: "old/gw", request: { protocol: "GRPC", host: "other.example.com", grpc: { service: "s", method: "m" } } }, ONLY_HTTPS, { gateway: "infra/secure", request: { protocol: "GRPC", host: "secure.example.com", grpc: { service: "s", method: "m" } } }],
    ["a host it serves is kept", { gateway: "old/gw", request: { host: "api.example.com", path: "/" } }, EDGE, { gateway: "infra/edge", request: { host: "api.example.com", path: "/" } }],
    ["an empty host gets the first served one", { gateway: "", request: { host: "", path: "/" } }, EDGE, { gateway: "infra/edge", request: { host: "shop.example.com", path: "/" } }],
    ["a gateway with only wildcard names keeps the host", { gateway: "old/gw", request: { host: "x.example.com", path: "/" } }, WILD, { gateway: "infra/wild", request: { host: "x.example.com", path: "/" } }],
    ["TLS: the SNI follows", { gateway: "old/gw", request: { protocol: "TLS", host: "nope", sni: "nope", port: 443 } }, gw("a/tls", [["TLS", 443, "pay.example.com"]]), { gateway: "a/tls", request: { protocol: "TLS", host: "pay.example.com", sni: "pay.example.com", port: 443 } }],
    ["TCP: only the gateway changes", { gateway: "old/gw", request: { protocol: "TCP", host: "", port: 5432 } }, EDGE, { gateway: "infra/edge", request: { protocol: "TCP", host: "", port: 5432 } }],
  ])("%s", (_name, r, g, want) => {
    expect(onGateway(r, g)).toEqual(want);
  });
});

describe("mesh clients", () => {
  it.each<[string | undefined, string, string | undefined]>([
    [undefined, "qa", "qa/client"],
    ["shop/reviews", "qa", "qa/reviews"],
    ["reviews", "qa", "qa/reviews"],
    ["shop/reviews", "  ", undefined],
  ])("%s with namespace %j → %s", (client, ns, out) => {
    expect(withClientNamespace(client, ns)).toBe(out);
  });

  it.each<[string | undefined, string]>([
    [undefined, ""],
    ["qa/load", "qa"],
    ["bare", "default"],
  ])("namespace of %s", (client, ns) => {
    expect(clientNamespaceOf(client)).toBe(ns);
  });

  it("calls a Service by its short name", () => {
    expect(serviceHost("ratings/ratings-v2")).toBe("ratings-v2");
    expect(serviceHost("plain")).toBe("plain");
  });
});
