import { describe, expect, it } from "vitest";
import { parse } from "../parse";
import { ruleSummary } from "./summary";

const FIXTURE = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: a }
spec:
  rules:
  - matches:
    - path: { type: PathPrefix, value: /api }
      method: GET
      headers: [{ name: x-canary, value: "true" }]
      queryParams: [{ name: v, value: "2" }]
    filters: [{ type: RequestHeaderModifier }, { type: RequestMirror }, { type: RequestHeaderModifier }]
  - backendRefs: [{ name: s, port: 80 }]
  - matches: [{ headers: [{ name: h, value: v }] }]
  - matches: [{ path: { type: Exact, value: /a } }, { path: { type: Exact, value: /b } }, { path: { type: Exact, value: /c } }, {}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: g, namespace: a }
spec:
  rules:
  - matches: [{ method: { service: pkg.Svc, method: Get } }, { method: { type: RegularExpression, service: "pkg\\\\..*" } }]
`;

describe("ruleSummary", () => {
  const { resources } = parse(FIXTURE);
  const rules = (i: number) => resources[i].spec.rules as unknown[];
  // HTTPRouteMatch.path defaults to PathPrefix "/"; a rule without matches matches everything.
  const rows: { name: string; raw: () => unknown; kind: string; expect: string }[] = [
    { name: "path, method, headers, query, filters deduplicated", raw: () => rules(0)[0], kind: "HTTPRoute", expect: "PathPrefix /api GET header x-canary query v → RequestHeaderModifier, RequestMirror" },
    { name: "no matches", raw: () => rules(0)[1], kind: "HTTPRoute", expect: "any" },
    { name: "path defaults to PathPrefix /", raw: () => rules(0)[2], kind: "HTTPRoute", expect: "PathPrefix / header h" },
    { name: "more than two matches are counted", raw: () => rules(0)[3], kind: "HTTPRoute", expect: "Exact /a | Exact /b (+2)" },
    { name: "gRPC methods", raw: () => rules(1)[0], kind: "GRPCRoute", expect: "pkg.Svc/Get | RegularExpression pkg\\..*/*" },
    { name: "not an object", raw: () => "junk", kind: "HTTPRoute", expect: "any" },
  ];
  for (const row of rows) it(row.name, () => expect(ruleSummary(row.raw(), row.kind)).toBe(row.expect));

  it("is cached by the raw rule object", () => {
    const raw = { matches: [{ path: { type: "Exact", value: "/x" } }] };
    expect(ruleSummary(raw, "HTTPRoute")).toBe("Exact /x");
    raw.matches[0].path.value = "/changed"; // same object: the cached text stands (parsed objects are never mutated)
    expect(ruleSummary(raw, "HTTPRoute")).toBe("Exact /x");
  });
});
