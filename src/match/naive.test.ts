/**
 * Property: the indexed matcher and the naive reference matcher agree on where every request goes
 * (status, backend, route, rule, match), over random configurations and random requests.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { match } from "./index";
import { naiveMatch } from "./naive";
import { modelOf } from "./testing/fixture";
import { routeArb, requestArb, yamlOf } from "./testing/arbitraries";
import type { RequestSpec } from "../model/request";

describe("indexed matcher = naive matcher", () => {
  it("agree on random configurations and requests", () => {
    fc.assert(
      fc.property(fc.array(routeArb, { minLength: 1, maxLength: 12 }), fc.array(requestArb, { minLength: 20, maxLength: 60 }), (routes, requests) => {
        const model = modelOf(yamlOf(routes));
        for (const r of requests) {
          const sim = { gateway: "ns/gw", request: { protocol: "HTTP", ...r } as RequestSpec };
          const a = match(model, sim, { trace: false });
          const b = naiveMatch(model, sim);
          expect([a.statusCode, a.backend, a.route, a.rule, a.match, a.listener]).toEqual([b.statusCode, b.backend, b.route, b.rule, b.match, b.listener]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the generated configurations exercise matches (not just 404s)", () => {
    const routes = fc.sample(fc.array(routeArb, { minLength: 8, maxLength: 12 }), { numRuns: 5, seed: 7 });
    let served = 0;
    let total = 0;
    for (const rs of routes) {
      const model = modelOf(yamlOf(rs));
      for (const r of fc.sample(requestArb, { numRuns: 50, seed: 11 })) {
        total++;
        if (match(model, { gateway: "ns/gw", request: { protocol: "HTTP", ...r } }, { trace: false }).route !== null) served++;
      }
    }
    expect(served).toBeGreaterThan(total / 10);
  });
});
