/** The simulator's text fields ⇄ request objects, table-driven. */
import { describe, expect, it } from "vitest";
import { buildRequest, describeRequest, formatHeaders, formatTarget, parseHeaders, parseQuery, parseTarget, withTarget } from "./request";
import type { RequestSpec, SimRequest } from "../../src/model/request";

describe("parseTarget", () => {
  it.each<[string, RequestSpec, string?]>([
    ["http://shop.example.com/cart", { protocol: "HTTP", host: "shop.example.com", path: "/cart" }],
    ["https://shop.example.com:8443/a/b?x=1&y=two+words", { protocol: "HTTPS", host: "shop.example.com", port: 8443, path: "/a/b", rawQuery: "x=1&y=two+words", query: { x: "1", y: "two words" } }],
    ["shop.example.com", { protocol: "HTTP", host: "shop.example.com", path: "/" }],
    ["shop.example.com:8080/p", { protocol: "HTTP", host: "shop.example.com", port: 8080, path: "/p" }],
    ["/only/a/path", { protocol: "HTTP", host: "", path: "/only/a/path" }],
    ["http://h/a/../b?k=1&k=2", { protocol: "HTTP", host: "h", path: "/a/../b", rawQuery: "k=1&k=2", query: { k: ["1", "2"] } }],
    ["http://h/p#frag", { protocol: "HTTP", host: "h", path: "/p" }],
    ["http://[::1]:81/", { protocol: "HTTP", host: "[::1]", port: 81, path: "/" }],
    ["http://h?x", { protocol: "HTTP", host: "h", path: "/", rawQuery: "x", query: { x: "" } }],
    ["grpc://grpc.example.com/catalog.v1.Catalog/GetProduct", { protocol: "GRPC", host: "grpc.example.com", path: "/catalog.v1.Catalog/GetProduct", grpc: { service: "catalog.v1.Catalog", method: "GetProduct" } }],
    ["  HTTPS://Upper.example.com/  ", { protocol: "HTTPS", host: "Upper.example.com", path: "/" }],
  ])("%s", (text, spec) => {
    const r = parseTarget(text);
    expect(r.error).toBeUndefined();
    expect(r.spec).toEqual(spec);
  });

  it.each([
    ["ftp://x/", "unknown scheme"],
    ["http://x:0/", "port 0"],
    ["http://x:70000/", "port 70000"],
    ["grpc://x/onlyservice", "gRPC target"],
  ])("%s is an error", (text, message) => {
    expect(parseTarget(text).error).toContain(message);
  });

  it("keeps the current protocol when the text has no scheme", () => {
    expect(parseTarget("h/p", "HTTPS").spec.protocol).toBe("HTTPS");
  });

  it.each<[RequestSpec, string]>([
    [{ protocol: "HTTP", host: "a", path: "/x" }, "http://a/x"],
    [{ protocol: "HTTP", host: "a", port: 80, path: "/x" }, "http://a/x"],
    [{ protocol: "HTTPS", host: "a", port: 8443, path: "/" }, "https://a:8443/"],
    [{ host: "a", path: "/q", query: { k: ["1", "2"], s: "a b" } }, "http://a/q?k=1&k=2&s=a%20b"],
    [{ protocol: "GRPC", host: "g", grpc: { service: "s.S", method: "M" } }, "grpc://g/s.S/M"],
  ])("formatTarget %j", (spec, text) => {
    expect(formatTarget(spec)).toBe(text);
    const back = parseTarget(text).spec;
    expect(formatTarget(back)).toBe(text);
  });
});

describe("headers", () => {
  it.each<[string, Record<string, string | string[]>, number[]]>([
    ["X-Canary: always", { "X-Canary": "always" }, []],
    ["a: 1\n\nb:2\na: 3", { a: ["1", "3"], b: "2" }, []],
    ["Cookie: a=b; c=d:e", { Cookie: "a=b; c=d:e" }, []],
    ["no colon\nbad name: x\n: empty", {}, [1, 2, 3]],
    ["", {}, []],
  ])("%j", (text, headers, bad) => {
    expect(parseHeaders(text)).toEqual({ headers, badLines: bad });
  });

  it("formats lines back", () => {
    expect(formatHeaders({ a: ["1", "3"], b: "2" })).toBe("a: 1\na: 3\nb: 2");
    expect(parseHeaders(formatHeaders({ a: ["1", "3"], b: "2" })).headers).toEqual({ a: ["1", "3"], b: "2" });
  });
});

describe("requests", () => {
  it("parses query strings like a server", () => {
    expect(parseQuery("a=1&a=2&b&c=%ZZ&d=%41")).toEqual({ a: ["1", "2"], b: "", c: "%ZZ", d: "A" });
  });

  it("builds the request object and describes it", () => {
    const r = buildRequest("infra/web", parseTarget("http://shop.example.com/api?x=1"), "POST", parseHeaders("X-A: b"));
    expect(r).toEqual({ gateway: "infra/web", request: { protocol: "HTTP", host: "shop.example.com", path: "/api", rawQuery: "x=1", query: { x: "1" }, method: "POST", headers: { "X-A": "b" } } });
    expect(describeRequest(r)).toBe("POST shop.example.com/api?x=1");
    expect(describeRequest({ gateway: "g/g", request: { protocol: "HTTPS", host: "h", port: 8443, path: "/" } })).toBe("GET https://h:8443/");
    expect(describeRequest({ gateway: "g/g", request: { protocol: "GRPC", host: "h", grpc: { service: "s.S", method: "M" } } })).toBe("gRPC h s.S/M");
  });
});

describe("withTarget", () => {
  const gateway: SimRequest = { gateway: "infra/web", request: { protocol: "HTTP", host: "old", path: "/" } };
  const mesh: SimRequest = { mesh: { service: "ratings/ratings", port: 8080, client: "qa/x" }, request: { protocol: "HTTP", host: "ratings", path: "/" } };
  it.each<[string, SimRequest, string, string, SimRequest]>([
    ["an HTTP URL to a gateway", gateway, "http://shop.example.com/a?b=1", "X-A: 1", { gateway: "infra/web", request: { protocol: "HTTP", host: "shop.example.com", path: "/a", rawQuery: "b=1", query: { b: "1" }, method: "PUT", headers: { "X-A": "1" } } }],
    ["the same URL to a mesh Service keeps the mesh target", mesh, "http://ratings/x", "", { mesh: { service: "ratings/ratings", port: 8080, client: "qa/x" }, request: { protocol: "HTTP", host: "ratings", path: "/x", method: "PUT", headers: {} } }],
    ["a gRPC URL carries no method", gateway, "grpc://g.example.com:8080/s.S/M", "te: trailers", { gateway: "infra/web", request: { protocol: "GRPC", host: "g.example.com", port: 8080, path: "/s.S/M", grpc: { service: "s.S", method: "M" }, headers: { te: "trailers" } } }],
    ["a tls:// URL is a TLS connection with SNI, port 443 by default", gateway, "tls://vault.example.com", "", { gateway: "infra/web", request: { protocol: "TLS", host: "vault.example.com", sni: "vault.example.com", port: 443 } }],
    ["a tcp:// URL is a connection to a port, without hostname", gateway, "tcp://db.example.com:5432", "", { gateway: "infra/web", request: { protocol: "TCP", host: "", port: 5432 } }],
    ["udp:// without a port", gateway, "udp://dns", "", { gateway: "infra/web", request: { protocol: "UDP", host: "" } }],
  ])("%s", (_name, current, url, headers, want) => {
    expect(withTarget(current, parseTarget(url), "PUT", parseHeaders(headers))).toEqual(want);
  });
});

describe("describeRequest for every mode", () => {
  it.each<[SimRequest, string]>([
    [{ gateway: "g/g", request: { protocol: "TLS", host: "pay.example.com", sni: "pay.example.com", port: 443 } }, "TLS pay.example.com:443"],
    [{ gateway: "g/g", request: { protocol: "TLS", host: "", port: 8443 } }, "TLS :8443"],
    [{ gateway: "g/g", request: { protocol: "TCP", host: "", port: 5432 } }, "TCP :5432"],
    [{ gateway: "g/g", request: { protocol: "UDP", host: "", port: 53 } }, "UDP :53"],
    [{ mesh: { service: "ratings/ratings", port: 8080, client: "qa/load" }, request: { protocol: "HTTP", host: "ratings", path: "/r/1", method: "GET" } }, "mesh qa → ratings/ratings:8080 · GET ratings/r/1"],
    [{ mesh: { service: "ratings/ratings" }, request: { protocol: "GRPC", host: "ratings", grpc: { service: "r.R", method: "Get" } } }, "mesh ratings/ratings · gRPC ratings r.R/Get"],
  ])("%j", (r, text) => {
    expect(describeRequest(r)).toBe(text);
  });
});
