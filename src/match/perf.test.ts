/**
 * Speed of the indexed matcher on the benchmark's 1,000-route configuration, against the naive
 * matcher. Rates are per CPU-second of this process (other work on the machine does not count).
 * The figures print; the assertions are on the ratio and on a floor far below the 500k/s target
 * but far above what any per-request scan of the routes reaches (the naive matcher: ~1k/s), so a
 * regression to O(routes) fails without the test flaking on a busy machine.
 */
import { describe, expect, it } from "vitest";
import { routesYaml } from "../../bench/fixtures";
import { parse } from "../parse";
import { simulate } from "../controller";
import { match } from "./index";
import { naiveMatch } from "./naive";
import type { SimRequest } from "../model/request";

function requests(n: number): SimRequest[] {
  const out: SimRequest[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = (i * 7919) % n;
    const kind = i % 4;
    out.push({
      gateway: "infra/edge",
      request: {
        protocol: "HTTP",
        host: kind === 3 ? `nohost-${r}.example.com` : `app-${r}.example.com`,
        path: kind === 0 ? `/api/v${r % 3}/items` : kind === 1 ? "/healthz" : "/index.html",
        method: "GET",
        headers: kind === 0 ? { "x-canary": "true" } : {},
      },
    });
  }
  return out;
}

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function rate(f: (i: number) => unknown, ms: number): number {
  let n = 0;
  const t0 = cpuMs();
  let t = t0;
  while (t - t0 < ms) {
    for (let k = 0; k < 200; k++) f(n++);
    t = cpuMs();
  }
  return (n * 1000) / (t - t0);
}

describe("matcher speed, 1,000 routes", () => {
  it("is far faster than scanning every rule", () => {
    const p = parse(routesYaml(1000));
    const model = simulate(p.resources, { lines: p.lines });
    const reqs = requests(1000);
    // Same answers on the benchmark's requests first.
    for (const r of reqs.slice(0, 200)) {
      const a = match(model, r, { trace: false });
      const b = naiveMatch(model, r);
      expect([a.statusCode, a.backend, a.route, a.rule]).toEqual([b.statusCode, b.backend, b.route, b.rule]);
    }
    expect(reqs.some((r) => match(model, r, { trace: false }).statusCode === 200)).toBe(true);
    rate((i) => match(model, reqs[i % reqs.length], { trace: false }), 200); // warm-up
    const fast = rate((i) => match(model, reqs[i % reqs.length], { trace: false }), 1000);
    const traced = rate((i) => match(model, reqs[i % reqs.length]), 300);
    const naive = rate((i) => naiveMatch(model, reqs[i % reqs.length]), 1000);
    console.log(`match: ${Math.round(fast).toLocaleString()} req/s (trace off), ${Math.round(traced).toLocaleString()} req/s (trace on), naive ${Math.round(naive).toLocaleString()} req/s: ${(fast / naive).toFixed(0)}×`);
    expect(fast / naive).toBeGreaterThan(20);
    expect(fast).toBeGreaterThan(50_000);
  }, 60_000);
});
