/** The simulator's text fields ⇄ request objects, table-driven. */
import { describe, expect, it } from "vitest";
import { buildRequest, describeRequest, formatHeaders, formatTarget, parseHeaders, parseQuery, parseTarget } from "./request";
import type { RequestSpec } from "../../src/model/request";

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
