/**
 * Test support: fast-check generators of HTTPRoute configurations on one Gateway (three listeners,
 * plain, wildcard and exact hostnames) and of HTTP requests against them.
 */
import fc from "fast-check";

const PATHS = ["/", "/a", "/a/", "/a/b", "/ab", "/b", "/a/b/c", "/A"];
const REGEXES = ["/a.*", "/[ab]+", "/a/b", "(", "/.*/c"];
const HOSTS = [null, "a.test", "*.test", "b.a.test", "*.a.test", "x.b.a.test"];

const matchArb = fc.record(
  {
    path: fc.oneof(
      fc.record({ type: fc.constantFrom("Exact", "PathPrefix"), value: fc.constantFrom(...PATHS) }),
      fc.record({ type: fc.constant("RegularExpression"), value: fc.constantFrom(...REGEXES) }),
    ),
    method: fc.constantFrom("GET", "POST"),
    headers: fc.subarray([{ name: "x", value: "1" }, { name: "Y", value: "2" }, { name: "z", type: "RegularExpression", value: "[0-9]+" }]),
    queryParams: fc.subarray([{ name: "q", value: "1" }, { name: "r", value: "2" }]),
  },
  { requiredKeys: [] },
);

const ruleArb = fc.record(
  {
    matches: fc.array(matchArb, { maxLength: 3 }),
    backendRefs: fc.array(fc.record({ name: fc.constantFrom("s1", "s2", "s3", "s9"), port: fc.constant(8080), weight: fc.constantFrom(0, 1, 2, 5) }, { requiredKeys: ["name", "port"] }), { maxLength: 3 }),
  },
  { requiredKeys: ["backendRefs"] },
);

export const routeArb = fc.record({
  hostnames: fc.subarray(HOSTS.filter((h): h is string => h !== null), { maxLength: 2 }),
  section: fc.constantFrom(null, "plain", "wild", "alt"),
  created: fc.constantFrom(null, "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
});

export type RouteGen = typeof routeArb extends fc.Arbitrary<infer T> ? T : never;

export function yamlOf(routes: RouteGen[]): string {
  const docs = [
    { apiVersion: "gateway.networking.k8s.io/v1", kind: "GatewayClass", metadata: { name: "gc" }, spec: { controllerName: "x/y" } },
    {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "Gateway",
      metadata: { name: "gw", namespace: "ns" },
      spec: { gatewayClassName: "gc", listeners: [{ name: "plain", port: 80, protocol: "HTTP" }, { name: "wild", port: 80, protocol: "HTTP", hostname: "*.a.test" }, { name: "alt", port: 8080, protocol: "HTTP", hostname: "a.test" }] },
    },
    ...["s1", "s2", "s3"].map((n) => ({ apiVersion: "v1", kind: "Service", metadata: { name: n, namespace: "ns" }, spec: { ports: [{ port: 8080 }] } })),
    ...routes.map((r, i) => ({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: `r${(i * 7) % 10}-${i}`, namespace: "ns", ...(r.created ? { creationTimestamp: r.created } : {}) },
      spec: { parentRefs: [{ name: "gw", ...(r.section ? { sectionName: r.section } : {}) }], hostnames: r.hostnames, rules: r.rules },
    })),
  ];
  return docs.map((d) => JSON.stringify(d)).join("\n---\n");
}

export const requestArb = fc.record({
  host: fc.constantFrom("", "a.test", "b.a.test", "x.b.a.test", "c.test", "A.TEST:80", "10.1.1.1"),
  port: fc.constantFrom(80, 8080),
  path: fc.constantFrom(...PATHS, "/a/b/c/d", "/a//b", "/abc", "/a/bc", "/x/c"),
  method: fc.constantFrom("GET", "POST"),
  headers: fc.record({ x: fc.constant("1"), y: fc.constantFrom("2", "3"), z: fc.constantFrom("7", "x") }, { requiredKeys: [] }),
  query: fc.record({ q: fc.constant("1"), r: fc.constantFrom("2", "0") }, { requiredKeys: [] }),
});

