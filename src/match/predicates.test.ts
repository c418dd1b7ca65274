import { describe, expect, it } from "vitest";
import { compileMatch, explainMismatch, matchesRequest } from "./predicates";
import { normalizeRequest } from "./normalize";
import type { RequestSpec } from "../model/request";

const req = (r: RequestSpec) => normalizeRequest({ gateway: "ns/gw", request: { protocol: "HTTP", host: "", ...r } });

// Rows: a raw HTTPRouteMatch, a request, whether it matches, and (when not) a word the trace must name.
const rows: { name: string; match: unknown; request: RequestSpec; want: boolean; why?: string }[] = [
  { name: "no path: default PathPrefix /", match: {}, request: { path: "/anything" }, want: true },
  { name: "Exact equal", match: { path: { type: "Exact", value: "/one" } }, request: { path: "/one" }, want: true },
  { name: "Exact is case-sensitive", match: { path: { type: "Exact", value: "/one" } }, request: { path: "/One" }, want: false, why: "path" },
  { name: "Exact does not match a trailing slash", match: { path: { type: "Exact", value: "/one" } }, request: { path: "/one/" }, want: false, why: "path" },
  { name: "PathPrefix per element", match: { path: { type: "PathPrefix", value: "/v2" } }, request: { path: "/v2example" }, want: false, why: "path" },
  { name: "path given with its query", match: { path: { type: "Exact", value: "/q" } }, request: { path: "/q?x=1" }, want: true },
  { name: "header name case-insensitive", match: { headers: [{ name: "Version", value: "one" }] }, request: { headers: { version: "one" } }, want: true },
  { name: "header value case-sensitive", match: { headers: [{ name: "version", value: "one" }] }, request: { headers: { Version: "ONE" } }, want: false, why: "header version" },
  { name: "header missing", match: { headers: [{ name: "version", value: "one" }] }, request: {}, want: false, why: "missing" },
  { name: "headers ANDed", match: { headers: [{ name: "a", value: "1" }, { name: "b", value: "2" }] }, request: { headers: { a: "1" } }, want: false, why: "header b" },
  { name: "first entry per header name wins", match: { headers: [{ name: "a", value: "1" }, { name: "A", value: "2" }] }, request: { headers: { a: "1" } }, want: true },
  { name: "repeated header values join with a comma", match: { headers: [{ name: "a", value: "1,2" }] }, request: { headers: { a: ["1", "2"] } }, want: true },
  { name: "query name case-sensitive", match: { queryParams: [{ name: "animal", value: "whale" }] }, request: { query: { Animal: "whale" } }, want: false, why: "query parameter animal" },
  { name: "query first value", match: { queryParams: [{ name: "animal", value: "whale" }] }, request: { query: { animal: ["whale", "dolphin"] } }, want: true },
  { name: "query from rawQuery", match: { queryParams: [{ name: "animal", value: "dolphin whale" }] }, request: { rawQuery: "animal=dolphin+whale" }, want: true },
  { name: "method", match: { method: "POST" }, request: { method: "GET" }, want: false, why: "method" },
  { name: "method ok", match: { method: "POST" }, request: { method: "post" }, want: true },
  { name: "regex path, full match", match: { path: { type: "RegularExpression", value: "/v[0-9]+/.*" } }, request: { path: "/v12/x" }, want: true },
  { name: "regex path must match whole path", match: { path: { type: "RegularExpression", value: "/v[0-9]+" } }, request: { path: "/v12/x" }, want: false, why: "path" },
  { name: "regex header", match: { headers: [{ name: "x", type: "RegularExpression", value: "ab+c" }] }, request: { headers: { x: "abbbc" } }, want: true },
  { name: "regex query", match: { queryParams: [{ name: "q", type: "RegularExpression", value: "[a-z]+" }] }, request: { query: { q: "abc1" } }, want: false, why: "query parameter q" },
  { name: "invalid regex fails with a reason", match: { path: { type: "RegularExpression", value: "/(" } }, request: { path: "/(" }, want: false, why: "does not compile" },
  { name: "RE2 has no backreferences", match: { headers: [{ name: "x", type: "RegularExpression", value: "(a)\\1" }] }, request: { headers: { x: "aa" } }, want: false, why: "does not compile" },
  { name: "a header named like an Object member is just a header (absent)", match: { headers: [{ name: "constructor", value: "x" }] }, request: {}, want: false, why: "missing" },
  { name: "a header named like an Object member is just a header (present)", match: { headers: [{ name: "Constructor", value: "x" }] }, request: { headers: { constructor: "x" } }, want: true },
  { name: "unknown path type never matches", match: { path: { type: "Glob", value: "/*" } }, request: { path: "/a" }, want: false, why: "unsupported" },
];

describe("HTTPRouteMatch predicates", () => {
  it.each(rows)("$name", ({ match, request, want, why }) => {
    const m = compileMatch(match, 0);
    const r = req(request);
    expect(matchesRequest(m, r)).toBe(want);
    const explained = explainMismatch(m, r);
    if (want) expect(explained).toBeNull();
    else expect(explained).toContain(why);
  });
});
