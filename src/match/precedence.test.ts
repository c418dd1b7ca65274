import { describe, expect, it } from "vitest";
import { compareCandidates, precedenceReason, PATH_RANK, timestampOf, type Candidate } from "./precedence";
import { compileMatch } from "./predicates";

/** A candidate from a raw match and route facts (only the precedence keys matter here). */
function cand(raw: Record<string, unknown>, o: { ns?: string; name?: string; created?: string; rule?: number; match?: number } = {}): Candidate {
  const m = compileMatch(raw, o.match ?? 0);
  const ns = o.ns ?? "default";
  const name = o.name ?? "r";
  return {
    match: m,
    rule: null as never,
    namespace: ns,
    routeRef: `HTTPRoute/${ns}/${name}`,
    nsName: `${ns}/${name}`,
    created: timestampOf(o.created),
    pathRank: PATH_RANK[m.path.kind],
    pathLength: m.path.value.length,
    methodRank: m.method ? 1 : 0,
    headerCount: m.headers.length,
    queryCount: m.query.length,
    ruleIndex: o.rule ?? 0,
    matchIndex: o.match ?? 0,
    plan: null as never,
  };
}

const exact = (v: string) => ({ path: { type: "Exact", value: v } });
const prefix = (v: string) => ({ path: { type: "PathPrefix", value: v } });
const T1 = "2024-01-01T00:00:00Z";
const T2 = "2024-06-01T00:00:00Z";

// Rows: winner, loser, and the words the trace uses for the deciding criterion.
const rows: { name: string; a: Candidate; b: Candidate; reason: string }[] = [
  { name: "Exact beats a longer prefix", a: cand(exact("/a")), b: cand(prefix("/a/very/long")), reason: "Exact path beats PathPrefix" },
  { name: "regex between Exact and prefix", a: cand({ path: { type: "RegularExpression", value: "/.*" } }), b: cand(prefix("/abcdefgh")), reason: "RegularExpression path beats PathPrefix" },
  { name: "Exact beats regex", a: cand(exact("/a")), b: cand({ path: { type: "RegularExpression", value: "/a.*" } }), reason: "Exact path beats RegularExpression" },
  { name: "longest prefix", a: cand(prefix("/match/prefix/")), b: cand(prefix("/match/")), reason: "longer PathPrefix path (14 > 7" },
  { name: "method beats headers", a: cand({ method: "GET" }), b: cand({ headers: [{ name: "a", value: "1" }, { name: "b", value: "2" }] }), reason: "method match" },
  { name: "more headers", a: cand({ headers: [{ name: "a", value: "1" }, { name: "b", value: "2" }] }), b: cand({ headers: [{ name: "a", value: "1" }] }), reason: "more header matches (2 > 1)" },
  { name: "headers beat query params", a: cand({ headers: [{ name: "a", value: "1" }] }), b: cand({ queryParams: [{ name: "a", value: "1" }, { name: "b", value: "1" }] }), reason: "more header matches" },
  { name: "more query params", a: cand({ queryParams: [{ name: "a", value: "1" }] }), b: cand({}), reason: "more query param matches (1 > 0)" },
  { name: "older route", a: cand({}, { name: "z", created: T1 }), b: cand({}, { name: "a", created: T2 }), reason: "older route" },
  { name: "a route with a timestamp is older than one without", a: cand({}, { name: "z", created: T1 }), b: cand({}, { name: "a" }), reason: "older route" },
  { name: "alphabetical namespace/name", a: cand({}, { ns: "a", name: "z", created: T1 }), b: cand({}, { ns: "b", name: "a", created: T1 }), reason: "alphabetical order (a/z < b/a)" },
  { name: "first rule", a: cand({}, { rule: 0 }), b: cand({}, { rule: 1 }), reason: "rule 0 before rule 1" },
  { name: "first match", a: cand({}, { match: 0 }), b: cand({}, { match: 2 }), reason: "match 0 before match 2" },
];

describe("HTTPRouteRule.matches precedence", () => {
  it.each(rows)("$name", ({ a, b, reason }) => {
    expect(compareCandidates(a, b)).toBeLessThan(0);
    expect(compareCandidates(b, a)).toBeGreaterThan(0);
    expect(precedenceReason(a, b)).toContain(reason);
  });

  it("is a total order consistent with sorting", () => {
    const list = rows.flatMap((r) => [r.b, r.a]);
    const sorted = [...list].sort(compareCandidates);
    for (let i = 1; i < sorted.length; i++) expect(compareCandidates(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
    expect(sorted[0].match.path.kind).toBe("Exact");
  });

  it("reads creationTimestamp, unknown ages sort last", () => {
    expect(timestampOf(T1)).toBe(Date.UTC(2024, 0, 1));
    expect(timestampOf(undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(timestampOf("not a date")).toBe(Number.POSITIVE_INFINITY);
  });
});
