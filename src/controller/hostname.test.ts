import { describe, expect, it } from "vitest";
import { effectiveHostnames, hostnameMatches, hostnameRank, intersectHostname, stripPort } from "./hostname";

describe("hostnameMatches (HTTPRoute.spec.hostnames: wildcard = suffix match, not the bare domain)", () => {
  it.each([
    ["example.com", "example.com", true],
    ["example.com", "EXAMPLE.com", true],
    ["example.com", "foo.example.com", false],
    ["*.example.com", "foo.example.com", true],
    ["*.example.com", "foo.bar.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "fooexample.com", false],
    ["*.example.com", "test.example.net", false],
  ])("%s ~ %s → %s", (pattern, host, want) => {
    expect(hostnameMatches(pattern, host)).toBe(want);
  });
});

describe("intersectHostname (listener × route → the more specific side)", () => {
  it.each<[string | null, string, string | null]>([
    [null, "foo.example.com", "foo.example.com"],
    [null, "*.example.com", "*.example.com"],
    ["test.example.com", "test.example.com", "test.example.com"],
    ["test.example.com", "*.example.com", "test.example.com"],
    ["test.example.com", "other.example.com", null],
    ["*.example.com", "test.example.com", "test.example.com"],
    ["*.example.com", "foo.test.example.com", "foo.test.example.com"],
    ["*.example.com", "*.example.com", "*.example.com"],
    ["*.example.com", "*.foo.example.com", "*.foo.example.com"],
    ["*.foo.example.com", "*.example.com", "*.foo.example.com"],
    ["*.example.com", "example.com", null],
    ["*.example.com", "test.example.net", null],
    ["*.example.com", "*.example.net", null],
    ["example.com", "*.example.com", null],
  ])("%s × %s → %s", (listener, route, want) => {
    expect(intersectHostname(listener, route)).toBe(want);
  });
});

describe("effectiveHostnames ([] = any, null = no intersection)", () => {
  it.each<[string | null, string[], string[] | null]>([
    [null, [], []],
    ["foo.example.com", [], ["foo.example.com"]],
    [null, ["a.com", "b.com"], ["a.com", "b.com"]],
    // "any HTTPRoute hostnames that do not match the Listener hostname MUST be ignored"
    ["*.example.com", ["test.example.com", "test.example.net"], ["test.example.com"]],
    ["*.example.com", ["example.com", "test.example.net"], null],
    ["foo.example.com", ["*.example.com", "foo.example.com"], ["foo.example.com"]],
  ])("%s × %j → %j", (listener, route, want) => {
    expect(effectiveHostnames(listener, route)).toEqual(want);
  });
});

describe("hostnameRank (exact > longer wildcard > shorter wildcard > none)", () => {
  it("orders listener hostnames by specificity", () => {
    const sorted = [null, "*.example.com", "foo.example.com", "*.foo.example.com", "example.com"].sort((a, b) => hostnameRank(b) - hostnameRank(a));
    expect(sorted).toEqual(["foo.example.com", "example.com", "*.foo.example.com", "*.example.com", null]);
  });
});

describe("stripPort (Host header port is ignored)", () => {
  it.each([
    ["example.com:8080", "example.com"],
    ["example.com", "example.com"],
    ["[::1]:80", "[::1]"],
    ["::1", "::1"],
  ])("%s → %s", (host, want) => {
    expect(stripPort(host)).toBe(want);
  });
});
