import { describe, expect, it } from "vitest";
import { applyHeaderFilter, copyHeaders } from "./headers";
import { buildRedirect, modifyPath } from "./redirect";
import { compileMatch } from "./predicates";
import type { Candidate } from "./precedence";

const candWith = (path: Record<string, unknown>) => ({ match: compileMatch({ path }, 0) }) as unknown as Candidate;
const prefixCand = candWith({ type: "PathPrefix", value: "/original-prefix" });

describe("HTTPHeaderFilter (RequestHeaderModifier / ResponseHeaderModifier)", () => {
  const rows: { name: string; start: Record<string, string>; filter: unknown; want: Record<string, string> }[] = [
    { name: "set overwrites", start: { "x-header-set": "some-other-value" }, filter: { set: [{ name: "X-Header-Set", value: "set-overwrites-values" }] }, want: { "x-header-set": "set-overwrites-values" } },
    { name: "set adds when absent", start: {}, filter: { set: [{ name: "X-Header-Set", value: "v" }] }, want: { "x-header-set": "v" } },
    { name: "add appends with a comma", start: { "x-header-add": "some-other-value" }, filter: { add: [{ name: "X-Header-Add", value: "add-appends-values" }] }, want: { "x-header-add": "some-other-value,add-appends-values" } },
    { name: "add when absent", start: {}, filter: { add: [{ name: "X-Header-Add", value: "v" }] }, want: { "x-header-add": "v" } },
    { name: "remove is case-insensitive", start: { "x-header-remove": "val", keep: "1" }, filter: { remove: ["X-Header-Remove"] }, want: { keep: "1" } },
    { name: "first entry per name", start: {}, filter: { set: [{ name: "a", value: "1" }, { name: "A", value: "2" }] }, want: { a: "1" } },
    { name: "remove, then set, then add", start: { a: "0" }, filter: { remove: ["a"], set: [{ name: "a", value: "1" }], add: [{ name: "a", value: "2" }] }, want: { a: "1,2" } },
    { name: "no filter body", start: { a: "1" }, filter: undefined, want: { a: "1" } },
    { name: "__proto__ is an ordinary header name", start: {}, filter: { set: [{ name: "__proto__", value: "x" }], add: [{ name: "toString", value: "y" }] }, want: JSON.parse('{"__proto__":"x","tostring":"y"}') },
  ];
  it.each(rows)("$name", ({ start, filter, want }) => {
    const h = copyHeaders(start);
    applyHeaderFilter(h, filter);
    expect(JSON.stringify(h)).toBe(JSON.stringify(want));
  });
});

describe("RequestRedirect Location", () => {
  const base = { scheme: "http", hostname: "example.com", listenerPort: 80, path: "/original-prefix/lemon", rawQuery: "" };
  const rows: { name: string; filter: Record<string, unknown>; input?: Partial<typeof base>; location: string; status?: number }[] = [
    { name: "defaults: same scheme, host, path; 302", filter: {}, location: "http://example.com/original-prefix/lemon", status: 302 },
    { name: "hostname", filter: { hostname: "example.org" }, location: "http://example.org/original-prefix/lemon" },
    { name: "statusCode", filter: { statusCode: 301 }, location: "http://example.com/original-prefix/lemon", status: 301 },
    { name: "scheme only: well-known port of the new scheme, omitted", filter: { scheme: "https" }, location: "https://example.com/original-prefix/lemon" },
    { name: "scheme only from the 8080 listener: still the well-known port", filter: { scheme: "https" }, input: { listenerPort: 8080 }, location: "https://example.com/original-prefix/lemon" },
    { name: "no scheme, no port: the listener's port", filter: {}, input: { listenerPort: 8080 }, location: "http://example.com:8080/original-prefix/lemon" },
    { name: "port 8083", filter: { port: 8083 }, location: "http://example.com:8083/original-prefix/lemon" },
    { name: "port equal to the scheme default is omitted", filter: { scheme: "https", port: 443 }, location: "https://example.com/original-prefix/lemon" },
    { name: "https with port 8443", filter: { scheme: "https", port: 8443 }, location: "https://example.com:8443/original-prefix/lemon" },
    { name: "http from an https listener", filter: { scheme: "http" }, input: { scheme: "https", listenerPort: 443 }, location: "http://example.com/original-prefix/lemon" },
    { name: "no scheme on an https listener on 443", filter: {}, input: { scheme: "https", listenerPort: 443 }, location: "https://example.com/original-prefix/lemon" },
    { name: "ReplacePrefixMatch", filter: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/replacement-prefix" } }, location: "http://example.com/replacement-prefix/lemon" },
    { name: "ReplaceFullPath", filter: { path: { type: "ReplaceFullPath", replaceFullPath: "/full-path-replacement" } }, location: "http://example.com/full-path-replacement" },
    { name: "query kept", filter: {}, input: { rawQuery: "a=1" }, location: "http://example.com/original-prefix/lemon?a=1" },
  ];
  it.each(rows)("$name", ({ filter, input, location, status }) => {
    const { redirect, error } = buildRedirect(filter, { ...base, ...input }, prefixCand);
    expect(error).toBeUndefined();
    expect(redirect.location).toBe(location);
    if (status) expect(redirect.statusCode).toBe(status);
  });

  it("ReplacePrefixMatch on a non-prefix match keeps the path and says why", () => {
    const r = modifyPath("/a/b", { type: "ReplacePrefixMatch", replacePrefixMatch: "/x" }, candWith({ type: "Exact", value: "/a/b" }));
    expect(r.path).toBe("/a/b");
    expect(r.error).toContain("PathPrefix");
  });
});
