/**
 * Property: the indexed GRPCRoute matcher agrees with a reference written straight from the spec
 * text — every match of every rule of every attached GRPCRoute is tested on its own (raw YAML, no
 * index, no compiled candidates) and the best by GRPCRouteRule.matches precedence wins — over
 * random configurations and calls.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { match } from "./index";
import { modelOf } from "./testing/fixture";
import type { Model } from "../model/model";
import { compileRegex, fullMatch } from "./regex";
import { hostnameMatches, routeHostRank } from "./hostname";

const SERVICES = ["svc.A", "svc.B", "other.C"];
const METHODS = ["Get", "Put", "GetAll"];
const methodArb = fc.oneof(
  fc.record({ type: fc.constant("Exact"), service: fc.constantFrom(...SERVICES, undefined), method: fc.constantFrom(...METHODS, undefined) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("RegularExpression"), service: fc.constantFrom("svc\\..*", "svc\\.[AB]", undefined), method: fc.constantFrom("Get.*", "P.t", undefined) }, { requiredKeys: ["type"] }),
);
const matchArb = fc.record({ method: methodArb, headers: fc.subarray([{ name: "x", value: "1" }, { name: "Y", value: "2" }, { name: "z", type: "RegularExpression", value: "[0-9]+" }]) }, { requiredKeys: [] });
const routeArb = fc.record({
  hostnames: fc.subarray(["a.test", "*.test", "b.a.test"], { maxLength: 2 }),
  created: fc.constantFrom(null, "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"),
  rules: fc.array(fc.record({ matches: fc.array(matchArb, { maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
});
const callArb = fc.record({
  host: fc.constantFrom("a.test", "b.a.test", "x.test", ""),
  service: fc.constantFrom(...SERVICES),
  method: fc.constantFrom(...METHODS),
  headers: fc.subarray([["x", "1"], ["Y", "2"], ["Z", "42"], ["z", "x"]] as [string, string][]),
});

type RouteGen = typeof routeArb extends fc.Arbitrary<infer T> ? T : never;

function yamlOf(routes: RouteGen[]): string {
  const docs = [
    "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.com/c}",
    "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: ns}\nspec:\n  gatewayClassName: gc\n  listeners: [{name: h2c, port: 80, protocol: HTTP}]",
    "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: ns}\nspec: {ports: [{port: 9090}]}",
  ];
  routes.forEach((r, i) => {
    const meta = { name: `r${i}`, namespace: "ns", ...(r.created ? { creationTimestamp: r.created } : {}) };
    const spec = { parentRefs: [{ name: "gw" }], hostnames: r.hostnames, rules: r.rules.map((rule) => ({ ...rule, backendRefs: [{ name: "s", port: 9090 }] })) };
    docs.push(JSON.stringify({ apiVersion: "gateway.networking.k8s.io/v1", kind: "GRPCRoute", metadata: meta, spec }));
  });
  return docs.join("\n---\n");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** GRPCRouteMatch from the raw YAML: method (empty = any), headers (first entry per name, names case-insensitive), ANDed. */
function holds(m: Raw, service: string, method: string, headers: Record<string, string>): boolean {
  const g = m?.method;
  if (g) {
    const rx = g.type === "RegularExpression";
    const one = (want: string | undefined, got: string) => !want || (rx ? fullMatch(compileRegex(want), got) : want === got);
    if (!one(g.service, service) || !one(g.method, method)) return false;
  }
  const seen = new Set<string>();
  for (const h of m?.headers ?? []) {
    const name = String(h.name).toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    const got = headers[name];
    if (got === undefined) return false;
    if (h.type === "RegularExpression" ? !fullMatch(compileRegex(h.value), got) : got !== h.value) return false;
  }
  return true;
}

/** The expected [route, rule, match] by the spec's precedence, or null (Unimplemented). */
function reference(model: Model, host: string, service: string, method: string, headers: Record<string, string>): [string, number, number | null] | null {
  let best: { key: number[]; name: string; out: [string, number, number | null] } | null = null;
  for (const route of model.routes) {
    if (route.kind !== "GRPCRoute" || !route.parents.some((p) => p.accepted)) continue;
    const hosts = route.hostnames.length > 0 ? route.hostnames : [null];
    const matching = hosts.filter((h) => h === null || (host !== "" && hostnameMatches(h, host)));
    if (matching.length === 0) continue;
    const hostRank = Math.max(...matching.map((h) => routeHostRank(h === null ? null : h.toLowerCase())));
    const created = Date.parse(route.resource.metadata.creationTimestamp ?? "") || Number.POSITIVE_INFINITY;
    route.rules.forEach((rule) => {
      const ms: Raw[] = rule.raw?.matches?.length ? rule.raw.matches : [null];
      ms.forEach((m, i) => {
        if (!holds(m, service, method, headers)) return;
        const headerNames = new Set((m?.headers ?? []).map((h: Raw) => String(h.name).toLowerCase()));
        // Larger is better for the first five keys, smaller for the rest.
        const key = [hostRank, (m?.method?.service ?? "").length, (m?.method?.method ?? "").length, headerNames.size, -created, 0, -rule.index, -i];
        const name = `${route.resource.namespace}/${route.resource.name}`;
        const better = !best || compareKeys(key, name, best.key, best.name) < 0;
        if (better) best = { key, name, out: [`GRPCRoute/${name}`, rule.index, m === null ? null : i] };
      });
    });
  }
  return best ? (best as { out: [string, number, number | null] }).out : null;
}

function compareKeys(a: number[], an: string, b: number[], bn: string): number {
  for (let i = 0; i < 5; i++) if (a[i] !== b[i]) return b[i] - a[i];
  if (an !== bn) return an < bn ? -1 : 1;
  for (let i = 6; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

describe("indexed GRPCRoute matcher = reference from the spec text", () => {
  it("agree on random configurations and calls", () => {
    let routed = 0;
    fc.assert(
      fc.property(fc.array(routeArb, { minLength: 1, maxLength: 8 }), fc.array(callArb, { minLength: 20, maxLength: 40 }), (routes, calls) => {
        const model = modelOf(yamlOf(routes));
        for (const c of calls) {
          const headers = Object.fromEntries(c.headers);
          const o = match(model, { gateway: "ns/gw", request: { protocol: "GRPC", host: c.host, grpc: { service: c.service, method: c.method }, headers } }, { trace: false });
          const lower = Object.fromEntries(c.headers.map(([k, v]) => [k.toLowerCase(), v]));
          const want = reference(model, c.host, c.service, c.method, lower);
          expect(o.route === null ? null : [o.route, o.rule, o.match], JSON.stringify({ c, routes })).toEqual(want);
          expect(o.grpcStatus).toBe(want ? "OK" : "Unimplemented");
          if (want) routed++;
        }
      }),
      { numRuns: 50 },
    );
    // The generated calls exercise matches, not only Unimplemented.
    expect(routed).toBeGreaterThan(200);
  });
});
