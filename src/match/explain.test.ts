/**
 * The losers trace (explain.ts) reads candidates from the index's hostname buckets instead of
 * visiting every route; it must say the same as the route-by-route reference (testing/explain-naive.ts)
 * about every candidate, in the same order, and count the routes serving other hostnames the same
 * way, naming the closest ones. Property over random configurations and requests, plus table rows.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { indexModel } from "./compile";
import { normalizeRequest } from "./normalize";
import { selectListener } from "./listener";
import { findWinner } from "./lookup";
import { Trace } from "./trace";
import { explainLosers, bestHostname, MAX_HOSTNAME_STEPS } from "./explain";
import { explainLosersNaive } from "./testing/explain-naive";
import { routeArb, requestArb, yamlOf } from "./testing/arbitraries";
import { modelOf } from "./testing/fixture";
import { match } from "./index";
import type { Model } from "../model/model";
import type { RequestSpec } from "../model/request";
import type { TraceStep } from "../model/outcome";

/** The loser steps of both explainers for one request on gateway ns/gw (null when no listener takes it). */
function both(model: Model, spec: RequestSpec): { fast: TraceStep[]; naive: TraceStep[]; routes: { ref: string; hosts: (string | null)[]; http: boolean }[]; host: string } | null {
  const req = normalizeRequest({ gateway: "ns/gw", request: spec });
  const gi = indexModel(model).gateways.get("ns/gw");
  const li = gi ? selectListener(gi, req, Trace.create(false)).listener : null;
  if (!li) return null;
  const winner = findWinner(li, req);
  const a = Trace.create(true);
  const b = Trace.create(true);
  explainLosers(li, req, winner, a);
  explainLosersNaive(li, req, winner, b);
  return { fast: a.steps, naive: b.steps, routes: li.routes.map((r) => ({ ref: r.ref, hosts: r.hosts, http: r.attachment.route.kind === "HTTPRoute" })), host: req.host };
}

const line = (s: TraceStep): string => `${s.step}: ${s.detail} [${s.refs.join(",")}]`;
const isHostname = (s: TraceStep): boolean => s.step === "hostname";
/** Routes serving other hostnames, as a trace counts them (named + "N more"). */
function otherCount(steps: TraceStep[]): number {
  let n = 0;
  for (const s of steps.filter(isHostname)) {
    const more = /^(\d+) more routes/.exec(s.detail);
    n += more ? Number(more[1]) : 1;
  }
  return n;
}

describe("explainLosers = the route-by-route reference", () => {
  it("on random configurations and requests", () => {
    fc.assert(
      fc.property(fc.array(routeArb, { minLength: 1, maxLength: 14 }), fc.array(requestArb, { minLength: 10, maxLength: 30 }), (routes, requests) => {
        const model = modelOf(yamlOf(routes));
        for (const r of requests) {
          const got = both(model, { protocol: "HTTP", ...r } as RequestSpec);
          if (!got) continue;
          // Every candidate decision, in the same order.
          expect(got.fast.filter((s) => !isHostname(s)).map(line)).toEqual(got.naive.filter((s) => !isHostname(s)).map(line));
          // The same number of routes serving other hostnames; every route named is one of them.
          expect(otherCount(got.fast)).toBe(otherCount(got.naive));
          for (const s of got.fast.filter((x) => isHostname(x) && !/^\d+ more/.test(x.detail))) {
            const route = got.routes.find((x) => x.ref === s.refs[0]);
            expect(route && route.http && bestHostname(route.hosts, got.host) === undefined, s.detail).toBe(true);
          }
          if (otherCount(got.naive) <= MAX_HOSTNAME_STEPS) expect(got.fast.filter(isHostname).map(line).sort()).toEqual(got.naive.filter(isHostname).map(line).sort());
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("routes serving other hostnames: the closest are named", () => {
  const hosts = ["shop.example.com", "api.example.com", "www.other.org", "a.b.example.com", "example.net", "x.example.com"];
  const extra = Array.from({ length: 20 }, (_, i) => `far-${i}.elsewhere.io`);
  const yaml = [
    `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: ns}\nspec:\n  gatewayClassName: gc\n  listeners: [{name: http, port: 80, protocol: HTTP}]`,
    `apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: ns}\nspec: {ports: [{port: 80}]}`,
    ...[...extra, ...hosts].map((h, i) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r${i}, namespace: ns}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: ["${h}"]\n  rules: [{backendRefs: [{name: s, port: 80}]}]`),
  ].join("\n---\n");
  const model = modelOf(yaml);
  const named = (host: string): string[] =>
    match(model, { gateway: "ns/gw", request: { protocol: "HTTP", host, path: "/" } })
      .trace.filter((s) => s.step === "hostname")
      .map((s) => s.detail);
  const ref = (h: string): string => `HTTPRoute/ns/r${extra.length + hosts.indexOf(h)}`;

  it.each([
    // Same parent domain first (in listener order), then the same top-level domain, then the rest in listener order.
    { host: "cart.example.com", first: [ref("shop.example.com"), ref("api.example.com"), ref("a.b.example.com"), ref("x.example.com")] },
    { host: "deep.b.example.com", first: [ref("a.b.example.com"), ref("shop.example.com"), ref("api.example.com"), ref("x.example.com")] },
    { host: "mail.other.org", first: [ref("www.other.org"), "HTTPRoute/ns/r0", "HTTPRoute/ns/r1"] },
  ])("$host", ({ host, first }) => {
    const steps = named(host);
    expect(steps.slice(0, first.length).map((d) => d.slice(0, d.indexOf(":")))).toEqual(first);
    expect(steps).toHaveLength(MAX_HOSTNAME_STEPS + 1);
    expect(steps[MAX_HOSTNAME_STEPS]).toBe(`${extra.length + hosts.length - MAX_HOSTNAME_STEPS} more routes on this listener serve other hostnames (the closest to ${JSON.stringify(host)} are listed)`);
  });

  it("the route whose hostname matches is a candidate, not named", () => {
    const steps = named("api.example.com");
    expect(steps.some((d) => d.startsWith(ref("api.example.com")))).toBe(false);
    expect(steps[MAX_HOSTNAME_STEPS]).toMatch(/^15 more routes/);
  });
});
