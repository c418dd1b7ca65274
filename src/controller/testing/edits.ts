/**
 * Test support for the caches (ControllerCache, GraphCache): small fixtures, generated
 * configurations and seeded random document-level edits, so "incremental equals fresh" can be
 * checked over many edit sequences.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFORMANCE_DIR } from "../../testing/conformance";
import type { Model } from "../../model/model";

export const GW = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: "yes"}}}}}
  - {name: web, port: 8080, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: All}}}`;
export const NS = `apiVersion: v1
kind: Namespace
metadata: {name: a, labels: {team: "yes"}}`;
export const SVC = `apiVersion: v1
kind: Service
metadata: {name: s1, namespace: a}
spec: {ports: [{port: 80}]}`;
export function route(name: string, ns: string, extra = ""): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: ["${name}.example.com"]
  rules:
  - backendRefs: [{name: s1, port: 80}, {name: missing-${name}, port: 81}]${extra}`;
}
export const docs = (...d: string[]): string => d.join("\n---\n") + "\n";

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
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
export function generated(r: () => number, n: number): string[] {
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
export function edit(r: () => number, ds: string[]): string[] {
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

/** An edit inside one route's rules (a weight, a comment line, a path match): what the caches patch. */
export function localEdit(r: () => number, ds: string[]): string[] {
  const out = [...ds];
  const routes = out.map((d, i) => (/kind: \w+Route/.test(d) ? i : -1)).filter((i) => i >= 0);
  if (routes.length === 0) return out;
  const i = routes[Math.floor(r() * routes.length)];
  const op = Math.floor(r() * 3);
  if (op === 0) out[i] = out[i].replace(/(backendRefs: \[\{[^}]*?)(, weight: \d+)?\}/, (_m, head: string) => `${head}, weight: ${Math.floor(r() * 100)}}`);
  else if (op === 1) out[i] = out[i].replace("\nspec:", "\n# touched\nspec:");
  else out[i] = out[i].replace("  - backendRefs:", "  - matches: [{path: {type: PathPrefix, value: /p}}]\n    backendRefs:");
  return out;
}


export function conformanceTexts(): string[] {
  const dir = join(CONFORMANCE_DIR, "manifests");
  if (!existsSync(dir)) return [];
  const base = readFileSync(join(dir, "base", "manifests.yaml"), "utf8");
  const files = readdirSync(join(dir, "tests")).filter((f) => f.endsWith(".yaml")).sort();
  // Every fifth test manifest on top of the base manifests: all kinds of listeners, grants, policies.
  return files.filter((_, i) => i % 5 === 0).map((f) => base + "\n---\n" + readFileSync(join(dir, "tests", f), "utf8"));
}


/** A Model as plain data: route views by key, listener routes by route key (the objects are per run). */
export function plainModel(m: Model): unknown {
  return {
    status: [...m.status.entries()],
    byKey: [...m.byKey.entries()],
    relations: m.relations,
    diagnostics: m.diagnostics,
    assumptions: m.assumptions,
    gateways: m.gateways.map((g) => ({ ...g, listeners: g.listeners.map((l) => ({ ...l, routes: l.routes.map((a) => ({ route: a.route.key, resource: a.route.resource, parentIndex: a.parentIndex, hostnames: a.hostnames })) })) })),
    routes: m.routes,
    policies: m.policies,
  };
}

