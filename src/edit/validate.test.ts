/** The inspector's checks, one table per rule (CRD patterns and CEL rules quoted in validate.ts). */
import { describe, expect, it } from "vitest";
import { duplicateListenerNames, validateHeaderName, validateHostname, validateHostnames, validateListenerName, validateName, validatePathValue, validatePort, validateWeight, weightsAllZero } from "./validate";

function table<T>(name: string, check: (v: T) => { message: string } | null, rows: [T, RegExp | null][]): void {
  describe(name, () => {
    for (const [input, expected] of rows) {
      it(`${JSON.stringify(input)} → ${expected ? expected.source : "ok"}`, () => {
        const issue = check(input);
        if (expected) expect(issue?.message).toMatch(expected);
        else expect(issue).toBeNull();
      });
    }
  });
}

table<unknown>("validatePort", validatePort, [
  [80, null],
  [1, null],
  [65535, null],
  [0, /between 1 and 65535/],
  [65536, /between 1 and 65535/],
  [-1, /between/],
  [80.5, /whole number/],
  ["80", /whole number/],
]);

table<string>("validateHostname", validateHostname, [
  ["example.com", null],
  ["*.example.com", null],
  ["a-b.c-d.example", null],
  ["localhost", null],
  ["", /empty/],
  ["Example.com", /lower case/],
  ["*example.com", /wildcard/],
  ["foo.*.example.com", /wildcard/],
  ["*", /wildcard/],
  ["-a.example.com", /DNS labels/],
  ["a_b.example.com", /DNS labels/],
  ["example.com.", /DNS labels/],
  ["10.0.0.1", /not an IP/],
  ["::1", /not an IP/],
  [`${"a".repeat(64)}.com`, /label is longer than 63/],
  [`${"a.".repeat(127)}com`, /longer than 253/],
]);

table<string>("validateHeaderName", validateHeaderName, [
  ["x-request-id", null],
  ["X_Custom.Header~1", null],
  ["", /empty/],
  ["x header", /may only hold/],
  ["x:h", /may only hold/],
  ["é", /may only hold/],
  ["h".repeat(257), /longer than 256/],
]);

table<unknown>("validateWeight", validateWeight, [
  [0, null],
  [1_000_000, null],
  [1_000_001, /between 0 and 1000000/],
  [-1, /between/],
  [1.5, /whole number/],
]);

table<string>("validateName", validateName, [
  ["store", null],
  ["store.v2-canary", null],
  ["", /empty/],
  ["Store", /lower-case/],
  ["-store", /lower-case/],
  ["store_", /lower-case/],
]);

table<string>("validateListenerName", validateListenerName, [
  ["https-1", null],
  ["HTTPS", /listener name must be lower-case/],
]);

describe("validatePathValue", () => {
  const rows: [string, string, RegExp | null][] = [
    ["PathPrefix", "/", null],
    ["Exact", "/api/v1/items", null],
    ["PathPrefix", "/a%20b", null],
    ["PathPrefix", "api", /must be an absolute path and start with '\/'/],
    ["Exact", "", /start with/],
    ["PathPrefix", "/a//b", /must not contain '\/\/'/],
    ["PathPrefix", "/a/./b", /must not contain '\/\.\/'/],
    ["PathPrefix", "/a/../b", /must not contain '\/\.\.\/'/],
    ["PathPrefix", "/a%2fb", /must not contain '%2f'/],
    ["PathPrefix", "/a%2Fb", /must not contain '%2F'/],
    ["PathPrefix", "/a#b", /must not contain '#'/],
    ["PathPrefix", "/a/..", /must not end with '\/\.\.'/],
    ["PathPrefix", "/a/.", /must not end with '\/\.'/],
    ["PathPrefix", "/a b", /percent-encoded/],
    ["RegularExpression", "^/api/[0-9]+$", null],
    ["RegularExpression", "", /empty/],
    ["Exact", `/${"a".repeat(1024)}`, /longer than 1024/],
  ];
  for (const [type, value, expected] of rows) {
    it(`${type} ${JSON.stringify(value.slice(0, 30))} → ${expected ? expected.source : "ok"}`, () => {
      const issue = validatePathValue(type, value);
      if (expected) expect(issue?.message).toMatch(expected);
      else expect(issue).toBeNull();
    });
  }
});

describe("list checks", () => {
  it("duplicate listener names: one issue per repeat, with its index", () => {
    expect(duplicateListenerNames([{ name: "http" }, { name: "https" }, { name: "http" }, { name: "http" }])).toEqual([
      { severity: "error", message: expect.stringMatching(/http is used more than once/), index: 2 },
      { severity: "error", message: expect.stringMatching(/http is used more than once/), index: 3 },
    ]);
    expect(duplicateListenerNames([{ name: "a" }, { name: "b" }])).toEqual([]);
  });

  it("weights all zero is a warning; absent weights count as 1", () => {
    expect(weightsAllZero([0, 0])).toEqual({ severity: "warning", message: expect.stringMatching(/all weights are 0/) });
    expect(weightsAllZero([0, undefined])).toBeNull();
    expect(weightsAllZero([0, 5])).toBeNull();
    expect(weightsAllZero([])).toBeNull();
  });

  it("hostnames: each bad one with its index", () => {
    expect(validateHostnames(["ok.example.com", "Bad", "*.fine.io", "x..y"]).map((i) => i.index)).toEqual([1, 3]);
  });
});
