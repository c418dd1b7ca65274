/**
 * The ControllerCache never changes an answer: after any sequence of edits, `simulate` with the
 * cache gives the same Model as a fresh `simulate` (status, relations, diagnostics with their
 * places, assumptions, gateways with their listeners' routes, routes). Table rows check that the
 * cache is actually used (how many routes are recomputed); the property runs seeded random
 * document-level edits over generated configurations and the conformance manifests.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache } from "./index";
import type { Model } from "../model/model";
import { CONFORMANCE_DIR } from "../testing/conformance";

/** A Model as plain data: route views by key, listener routes by route key (the objects are per run). */
function plain(m: Model): unknown {
  return {
    status: [...m.status.entries()],
    byKey: [...m.byKey.entries()].map(([k, r]) => [k, r === m.byKey.get(k)]),
    relations: m.relations,
    diagnostics: m.diagnostics,
    assumptions: m.assumptions,
    gateways: m.gateways.map((g) => ({ ...g, listeners: g.listeners.map((l) => ({ ...l, routes: l.routes.map((a) => ({ route: a.route.key, resource: a.route.resource, parentIndex: a.parentIndex, hostnames: a.hostnames })) })) })),
    routes: m.routes,
  };
}

/** Simulate `text` with the caches and fresh, and require the same Model. */
function step(text: string, pc: ParseCache, cc: ControllerCache): { misses: number; envChanged: boolean } {
  const p = parse({ name: "in.yaml", text }, pc);
  const cached = simulate(p.resources, { lines: p.lines, cache: cc });
  const fresh = simulate(p.resources, { lines: p.lines });
  expect(plain(cached)).toEqual(plain(fresh));
  // Route views point at this parse's resources, never an earlier parse's wrappers.
  for (let i = 0; i < cached.routes.length; i++) expect(cached.routes[i].resource).toBe(fresh.routes[i].resource);
  return { misses: cc.lastMisses, envChanged: cc.lastEnvChanged };
}

const GW = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: "yes"}}}}}
  - {name: web, port: 8080, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: All}}}`;
const NS = `apiVersion: v1
kind: Namespace
metadata: {name: a, labels: {team: "yes"}}`;
const SVC = `apiVersion: v1
kind: Service
metadata: {name: s1, namespace: a}
spec: {ports: [{port: 80}]}`;
function route(name: string, ns: string, extra = ""): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: ["${name}.example.com"]
  rules:
  - backendRefs: [{name: s1, port: 80}, {name: missing-${name}, port: 81}]${extra}`;
}
const docs = (...d: string[]): string => d.join("\n---\n") + "\n";

describe("ControllerCache: what an edit recomputes", () => {
  const base = [GW, NS, SVC, route("r1", "a"), route("r2", "b"), route("r3", "a")];
  const rows: { name: string; text: string; misses: number; envChanged: boolean }[] = [
    { name: "the same text again: nothing", text: docs(...base), misses: 0, envChanged: false },
    { name: "one route edited: that route", text: docs(GW, NS, SVC, route("r1", "a"), route("r2", "b", "\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: s1, port: 80}}}]"), route("r3", "a")), misses: 1, envChanged: false },
    { name: "lines inserted in the first route (the others' diagnostics move): that route", text: docs(GW, NS, SVC, "# moved\n# twice\n" + route("r1", "a"), route("r2", "b"), route("r3", "a")), misses: 1, envChanged: false },
    { name: "routes reordered: nothing", text: docs(GW, NS, SVC, route("r3", "a"), route("r1", "a"), route("r2", "b")), misses: 0, envChanged: false },
    { name: "a route added: that route", text: docs(...base, route("r4", "c")), misses: 1, envChanged: false },
    { name: "a route duplicated: nothing (the first definition counts)", text: docs(...base, route("r1", "a")), misses: 0, envChanged: false },
    { name: "a route removed: nothing", text: docs(GW, NS, SVC, route("r1", "a"), route("r3", "a")), misses: 0, envChanged: false },
    { name: "the Service edited: every route", text: docs(GW, NS, SVC.replace("80", "81"), route("r1", "a"), route("r2", "b"), route("r3", "a")), misses: 3, envChanged: true },
    { name: "the namespace's labels edited: every route", text: docs(GW, NS.replace('"yes"', '"no"'), SVC, route("r1", "a"), route("r2", "b"), route("r3", "a")), misses: 3, envChanged: true },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const pc = new ParseCache();
      const cc = new ControllerCache();
      expect(step(docs(...base), pc, cc)).toEqual({ misses: 3, envChanged: true });
      expect(step(row.text, pc, cc)).toEqual({ misses: row.misses, envChanged: row.envChanged });
    });
  }
});

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated configuration: listeners with every allowedRoutes mode, grants, services, routes of several kinds. */
function generated(r: () => number, n: number): string[] {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const out = [GW, NS, SVC, `apiVersion: v1\nkind: Service\nmetadata: {name: s2, namespace: b}\nspec: {ports: [{port: 80}]}`];
  out.push(`apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: a}\nspec:\n  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: b}]\n  to: [{group: "", kind: Service}]`);
  out.push(`apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: tls, namespace: a}\nspec:\n  gatewayClassName: gc\n  listeners:\n  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}\n  - {name: tcp, port: 9000, protocol: TCP}\n  - {name: same, port: 80, protocol: HTTP, hostname: "a.example.com"}`);
  for (let i = 0; i < n; i++) {
    const kind = pick(["HTTPRoute", "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute"]);
    const ns = pick(["a", "b", "c"]);
    const parents = pick([
      "[{name: gw, namespace: infra}]",
      "[{name: gw, namespace: infra, sectionName: web}, {name: gw, namespace: infra, sectionName: http}]",
      "[{name: tls, namespace: a}, {name: tls, namespace: a}]",
      "[{name: tls, namespace: a, port: 9000}]",
      "[{name: nowhere}]",
      "[{name: gw, namespace: infra, sectionName: nope}]",
    ]);
    const hosts = pick(["", "\n  hostnames: [a.example.com]", '\n  hostnames: ["*.example.com", other.org]', "\n  hostnames: [x.other.org]"]);
    const backend = pick(["{name: s1, namespace: a, port: 80}", "{name: s2, port: 80}", "{name: s1, port: 80, weight: 0}", "{name: gone, port: 1}", "{name: s1, namespace: a}", "{kind: Bucket, group: x.io, name: b}"]);
    out.push(`apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: {name: r${i}, namespace: ${ns}, generation: ${1 + Math.floor(r() * 3)}}\nspec:\n  parentRefs: ${parents}${hosts}\n  rules:\n  - backendRefs: [${backend}]`);
  }
  return out;
}

/** One document-level edit: delete, duplicate, move, or change one line of a document. */
function edit(r: () => number, ds: string[]): string[] {
  const out = [...ds];
  const i = Math.floor(r() * out.length);
  const op = Math.floor(r() * 6);
  if (op === 0 && out.length > 1) out.splice(i, 1);
  else if (op === 1) out.splice(Math.floor(r() * out.length), 0, out[i]);
  else if (op === 2) {
    const [d] = out.splice(i, 1);
    out.splice(Math.floor(r() * (out.length + 1)), 0, d);
  } else if (op === 3) out.unshift("# a comment that moves every line\n" + out.shift());
  else {
    const lines = out[i].split("\n");
    const j = Math.floor(r() * lines.length);
    const tweaks = [(l: string) => l.replace(/\d+/, (d) => String(Number(d) + 1)), (l: string) => l.replace(/name: (\w+)/, "name: $1x"), () => "", (l: string) => l.replace("a", "b")];
    lines[j] = tweaks[Math.floor(r() * tweaks.length)](lines[j]);
    out[i] = lines.join("\n");
  }
  return out;
}

function conformanceTexts(): string[] {
  const dir = join(CONFORMANCE_DIR, "manifests");
  if (!existsSync(dir)) return [];
  const base = readFileSync(join(dir, "base", "manifests.yaml"), "utf8");
  const files = readdirSync(join(dir, "tests")).filter((f) => f.endsWith(".yaml")).sort();
  // Every fifth test manifest on top of the base manifests: all kinds of listeners, grants, policies.
  return files.filter((_, i) => i % 5 === 0).map((f) => base + "\n---\n" + readFileSync(join(dir, "tests", f), "utf8"));
}

describe("ControllerCache: incremental equals fresh under random edits", () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`generated configuration, seed ${seed}`, () => {
      const r = rng(seed);
      let ds = generated(r, 12 + seed);
      const pc = new ParseCache();
      const cc = new ControllerCache();
      let reused = 0;
      for (let k = 0; k < 25; k++) {
        const { misses } = step(docs(...ds), pc, cc);
        if (k > 0 && misses < ds.length - 6) reused++;
        ds = edit(r, ds);
      }
      // The cache is used, not just tolerated: most edits recompute fewer than all routes.
      expect(reused).toBeGreaterThan(5);
    });
  }
  const texts = conformanceTexts();
  it.skipIf(texts.length === 0)("conformance manifests", () => {
    texts.forEach((text, t) => {
      const r = rng(100 + t);
      let ds = text.split(/\n---\n/);
      const pc = new ParseCache();
      const cc = new ControllerCache();
      for (let k = 0; k < 8; k++) {
        step(docs(...ds), pc, cc);
        ds = edit(r, ds);
      }
    });
  });
});
