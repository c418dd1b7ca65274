import { describe, expect, it } from "vitest";
import { compareRouteHostnames, hostOf, hostnameMatches, intersectHostname, isIpLiteral, portOf, routeHostRank } from "./hostname";

describe("hostOf: the Host header's hostname (port ignored, case-insensitive)", () => {
  it.each([
    ["example.com", "example.com"],
    ["Example.COM", "example.com"],
    ["very.specific.com:1234", "very.specific.com"],
    ["example.com.", "example.com"],
    ["[::1]:8080", "[::1]"],
    ["[::1]", "[::1]"],
    ["", ""],
    ["10.0.0.1:80", "10.0.0.1"],
  ])("%j → %j", (input, want) => expect(hostOf(input)).toBe(want));
});

describe("portOf", () => {
  it.each([
    ["foo.com:8080", 8080],
    ["foo.com", null],
    ["[::1]:443", 443],
    ["[::1]", null],
    ["foo.com:x", null],
  ])("%j → %j", (input, want) => expect(portOf(input)).toBe(want));
});

describe("hostnameMatches (wildcards match one or more labels, not the bare suffix)", () => {
  it.each([
    ["*.example.com", "foo.example.com", true],
    ["*.example.com", "foo.bar.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "fooexample.com", false],
    ["foo.example.com", "foo.example.com", true],
    ["foo.example.com", "bar.example.com", false],
    ["Foo.Example.com", "foo.example.com", true],
  ])("%s vs %s → %s", (pattern, host, want) => expect(hostnameMatches(pattern, host)).toBe(want));
});

describe("intersectHostname (listener vs route: the more specific side)", () => {
  it.each([
    ["*.example.com", "foo.example.com", "foo.example.com"],
    ["foo.example.com", "*.example.com", "foo.example.com"],
    ["*.example.com", "*.foo.example.com", "*.foo.example.com"],
    ["*.example.com", "example.com", null],
    ["*.example.com", "test.example.net", null],
    ["a.com", "b.com", null],
  ])("%s ∩ %s → %s", (listener, route, want) => expect(intersectHostname(listener, route)).toBe(want));
});

describe("route hostname precedence: non-wildcard characters, then characters", () => {
  it.each([
    ["foo.example.com", "*.example.com", -1],
    ["*.foo.example.com", "*.example.com", -1],
    ["*.example.com", null, -1],
    ["a.example.com", "bb.example.com", 1],
    ["x.y", "*.very.long.example.com", -1],
    [null, null, 0],
  ] as const)("%s vs %s → %d", (a, b, sign) => {
    expect(Math.sign(compareRouteHostnames(a, b))).toBe(sign);
    expect(Math.sign(routeHostRank(b) - routeHostRank(a))).toBe(sign);
  });
});

describe("isIpLiteral", () => {
  it.each([
    ["10.1.2.3", true],
    ["[::1]", true],
    ["example.com", false],
    ["1.2.3.example", false],
  ])("%s → %s", (h, want) => expect(isIpLiteral(h)).toBe(want));
});
