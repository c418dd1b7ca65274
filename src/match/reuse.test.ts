/**
 * Re-indexing reuses compiled matches, rule plans and candidates of unchanged routes (their raw
 * objects and, with a ControllerCache, their rule views are the same objects across edits). The
 * outcomes, traces included, must be those of a model simulated and indexed from scratch — by a
 * second instance of the matcher's modules, whose caches the edited models never touch.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache } from "../controller";
import { match } from "./index";
import { rng } from "../controller/testing/edits";
import type { SimRequest } from "../model/request";

let matchFromScratch: typeof match;
beforeAll(async () => {
  vi.resetModules();
  matchFromScratch = (await import("./index")).match;
});

const HOSTS = ["a.example.com", "b.example.com", "*.example.com"];
const PATHS = ["/", "/api", "/api/v2", "/web"];

interface Route {
  name: string;
  host: string;
  rules: { path: string; exact: boolean; header: boolean; backends: [string, number][] }[];
}

function yamlOf(routes: Route[]): string {
  const head = [
    "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: ns}\nspec:\n  gatewayClassName: gc\n  listeners: [{name: http, port: 80, protocol: HTTP}]",
    ...["s1", "s2", "s3"].map((s) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${s}, namespace: ns}\nspec: {ports: [{port: 80}]}`),
  ];
  const body = routes.map((r) => {
    const rules = r.rules
      .map((x) => `  - matches: [{path: {type: ${x.exact ? "Exact" : "PathPrefix"}, value: "${x.path}"}${x.header ? ", headers: [{name: x, value: \"1\"}]" : ""}}]\n    backendRefs: [${x.backends.map(([b, w]) => `{name: ${b}, port: 80, weight: ${w}}`).join(", ")}]`)
      .join("\n");
    return `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ${r.name}, namespace: ns}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: ["${r.host}"]\n  rules:\n${rules}`;
  });
  return [...head, ...body].join("\n---\n") + "\n";
}

/** One edit of one route (or the route list): a path, a weight, a backend, a header match, the hostname, a removal, a copy. */
function edit(r: () => number, routes: Route[], serial: number): Route[] {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const out = routes.map((x) => ({ ...x, rules: x.rules.map((y) => ({ ...y, backends: y.backends.map(([b, w]) => [b, w] as [string, number]) })) }));
  const route = pick(out);
  const rule = pick(route.rules);
  switch (Math.floor(r() * 7)) {
    case 0: rule.path = pick(PATHS); break;
    case 1: rule.backends[0][1] = Math.floor(r() * 3); break;
    case 2: rule.backends[0][0] = pick(["s1", "s2", "s3", "gone"]); break;
    case 3: rule.header = !rule.header; break;
    case 4: route.host = pick(HOSTS); break;
    case 5: if (out.length > 1) out.splice(out.indexOf(route), 1); break;
    default: out.push({ ...route, name: `copy-${serial}` });
  }
  return out;
}

describe("outcomes after edits = outcomes from scratch", () => {
  for (let seed = 1; seed <= 6; seed++) {
    it(`seed ${seed}`, () => {
      const r = rng(700 + seed);
      const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
      let routes: Route[] = Array.from({ length: 6 }, (_, i) => ({
        name: `r${i}`,
        host: pick(HOSTS),
        rules: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ path: pick(PATHS), exact: r() < 0.3, header: r() < 0.3, backends: [[pick(["s1", "s2"]), 1], [pick(["s2", "s3"]), 1]] as [string, number][] })),
      }));
      const pc = new ParseCache();
      const cc = new ControllerCache();
      const seen = new Set<string>();
      for (let k = 0; k < 25; k++) {
        const text = yamlOf(routes);
        const p = parse({ name: "in.yaml", text }, pc);
        const reused = simulate(p.resources, { lines: p.lines, cache: cc });
        const q = parse({ name: "in.yaml", text });
        const fresh = simulate(q.resources, { lines: q.lines });
        for (const host of ["a.example.com", "b.example.com", "c.example.com"]) {
          for (const path of ["/", "/api/v2/x", "/web"]) {
            const req: SimRequest = { gateway: "ns/gw", request: { protocol: "HTTP", host, path, headers: { x: "1" } } };
            const a = match(reused, req);
            expect(a).toEqual(matchFromScratch(fresh, req));
            seen.add(`${host}${path} → ${a.statusCode} ${a.route} ${a.rule} ${JSON.stringify(a.backends)}`);
          }
        }
        routes = edit(r, routes, k);
      }
      // The edits change where requests go (the comparison is not between unchanging answers).
      expect(seen.size).toBeGreaterThan(15);
    });
  }
});
