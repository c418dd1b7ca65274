import { describe, expect, it } from "vitest";
import { normalizePrefix, prefixMatches, replacePrefix } from "./path";

describe("PathPrefix matches whole path elements", () => {
  it.each([
    ["/v2", "/v2", true],
    ["/v2", "/v2/", true],
    ["/v2", "/v2/example", true],
    ["/v2", "/v2example", false],
    ["/v2/", "/v2", true],
    ["/v2/", "/v2/x", true],
    ["/", "/anything", true],
    ["/", "/", true],
    ["/match/prefix/", "/match/prefix/any", true],
    ["/match/prefix/", "/match/prefixes", false],
    ["/abc", "/ABC", false],
  ])("prefix %s, path %s → %s", (value, path, want) => expect(prefixMatches(normalizePrefix(value), path)).toBe(want));
});

describe("normalizePrefix drops the trailing slash", () => {
  it.each([
    ["/abc/", "/abc"],
    ["/abc", "/abc"],
    ["/", "/"],
    ["//", "/"],
    ["", "/"],
  ])("%s → %s", (v, want) => expect(normalizePrefix(v)).toBe(want));
});

describe("ReplacePrefixMatch (the API's table and the conformance cases)", () => {
  it.each([
    // HTTPPathModifier table: request path, prefix match, replacement, modified path.
    ["/foo/bar", "/foo", "/xyz", "/xyz/bar"],
    ["/foo/bar", "/foo", "/xyz/", "/xyz/bar"],
    ["/foo/bar", "/foo/", "/xyz", "/xyz/bar"],
    ["/foo/bar", "/foo/", "/xyz/", "/xyz/bar"],
    ["/foo", "/foo", "/xyz", "/xyz"],
    ["/foo/", "/foo", "/xyz", "/xyz/"],
    ["/foo/bar", "/foo", "", "/bar"],
    ["/foo/", "/foo", "", "/"],
    ["/foo", "/foo", "", "/"],
    ["/foo/", "/foo", "/", "/"],
    ["/foo", "/foo", "/", "/"],
    // HTTPRouteRewritePath / HTTPRouteRedirectPath
    ["/prefix/one/two", "/prefix/one", "/one", "/one/two"],
    ["/strip-prefix/three", "/strip-prefix", "/", "/three"],
    ["/strip-prefix", "/strip-prefix", "/", "/"],
    ["/prefix/rewrite-path-and-modify-headers/one", "/prefix/rewrite-path-and-modify-headers", "/prefix", "/prefix/one"],
    ["/original-prefix/lemon", "/original-prefix", "/replacement-prefix", "/replacement-prefix/lemon"],
    // A root prefix keeps the whole path behind the replacement.
    ["/foo", "/", "/xyz", "/xyz/foo"],
  ])("%s with prefix %s → %s gives %s", (path, prefix, rep, want) => expect(replacePrefix(path, prefix, rep)).toBe(want));
});
