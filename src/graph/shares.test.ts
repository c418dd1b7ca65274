/** Rule totals of backendRef weights: the per-run fast path and the map fallback give the same sums. */
import { describe, expect, it } from "vitest";
import type { Relation, RouteView, RuleView } from "../model/model";
import { ruleTotals } from "./shares";
import { RouteLookup } from "./routes";
import type { Model } from "../model/model";
import type { Resource } from "../model/resource";

const ref = (from: string, rule: number, weight?: number): Relation => ({ type: "backendRef", from, to: "Service/ns/s", ok: true, path: ["spec", "rules", rule, "backendRefs", 0], weight });
const other = (type: Relation["type"], from: string): Relation => ({ type, from, to: "x", ok: true, path: ["spec"] });
/** A route view with `counts[i]` backends in rule i (only the counts matter here). */
const view = (key: string, counts: number[]): RouteView => ({ key, kind: "HTTPRoute", resource: { key } as unknown as Resource, hostnames: [], parents: [], rules: counts.map((n, index): RuleView => ({ index, raw: {}, backends: Array.from({ length: n }, () => null as never) })) });

const A = view("HTTPRoute/ns/a", [2, 1]);
const B = view("HTTPRoute/ns/b", [1]);
/** Views in the controller's order (paired with byKey), or listed out of it (found by key). */
const lookup = (ordered: boolean): RouteLookup => {
  const byKey = new Map<string, Resource>([A, B].map((r) => [r.key, r.resource]));
  return new RouteLookup({ byKey, routes: ordered ? [A, B] : [B, A] } as unknown as Model);
};

describe("ruleTotals", () => {
  it.each([
    { name: "one run per route, grants between (the controller's order)", rels: [ref(A.key, 0, 10), other("referenceGrant", "ReferenceGrant/ns/g"), ref(A.key, 0, 90), ref(A.key, 1), other("mirror", A.key), ref(B.key, 0, 0), other("parentRef", A.key)], want: [100, 0, 100, 1, 0, 0, 0] },
    { name: "a route's backendRefs in two runs (the map is used)", rels: [ref(A.key, 0, 10), ref(B.key, 0, 3), ref(A.key, 0, 90), ref(A.key, 1)], want: [100, 3, 100, 1] },
    { name: "more backendRefs than the view has (the map is used)", rels: [ref(A.key, 0, 1), ref(A.key, 0, 1), ref(A.key, 0, 1), ref(A.key, 1, 1)], want: [3, 3, 3, 1] },
    { name: "a route the views do not know (the map is used)", rels: [ref("HTTPRoute/ns/z", 0, 2), ref("HTTPRoute/ns/z", 0, 2)], want: [4, 4] },
    { name: "a backendRef outside spec.rules counts nowhere", rels: [{ ...ref(B.key, 0, 5), path: ["spec", "x"] }], want: [0] },
    { name: "routes out of order (the map is used)", rels: [ref(B.key, 0, 2), ref(A.key, 0, 1), ref(A.key, 0, 3), ref(A.key, 1, 5)], want: [2, 4, 4, 5] },
  ])("$name", ({ rels, want }) => {
    expect([...ruleTotals(rels, lookup(true))]).toEqual(want);
    expect([...ruleTotals(rels, lookup(false))]).toEqual(want);
  });
});
