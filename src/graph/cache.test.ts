/**
 * The GraphCache never changes a graph: after any sequence of edits, `buildGraph` with the cache
 * (over a model simulated with a ControllerCache, as the app runs them) gives the same graph as a
 * fresh `buildGraph` and as the reference builder (testing/reference.ts, the builder before caching). Rows check that the cache is used (how many edges an edit makes anew) and that
 * graphs built earlier are not changed by later builds.
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache } from "../controller";
import { buildGraph, GraphCache, type Graph } from "./index";
import { buildGraphReference } from "./testing/reference";
import type { Model } from "../model/model";
import { cond } from "../model/status";
import { GW, NS, SVC, route, docs, rng, generated, edit, localEdit, conformanceTexts } from "../controller/testing/edits";
import { policyGenerated } from "../controller/testing/policy-edits";
import { meshGenerated } from "../controller/testing/mesh-edits";

interface Caches {
  pc: ParseCache;
  cc: ControllerCache;
  gc: GraphCache;
}

const caches = (): Caches => ({ pc: new ParseCache(), cc: new ControllerCache(), gc: new GraphCache() });

/** Build `text`'s graph with the caches and fresh, require the same graph, and return the cached one. */
function step(text: string, c: Caches): Graph {
  const p = parse({ name: "in.yaml", text }, c.pc);
  const model = simulate(p.resources, { lines: p.lines, cache: c.cc });
  const cached = buildGraph(model, c.gc);
  const reference = buildGraphReference(model);
  expect(cached).toEqual(reference);
  expect(buildGraph(model)).toEqual(reference);
  return cached;
}

const POLICY = `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: sp, namespace: a}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r1}, {group: x.io, kind: Pool, name: p}]`;
const POOL_ROUTE = route("r9", "a").replace("[{name: s1, port: 80}", "[{group: x.io, kind: Pool, name: p}");

describe("GraphCache: what an edit rebuilds", () => {
  const base = [GW, NS, SVC, POLICY, route("r1", "a"), route("r2", "b"), POOL_ROUTE];
  const rows: { name: string; text: string; newEdges: number }[] = [
    // The controller hands the previous Model's relations back (a patch with nothing to patch): no edge is made.
    { name: "the same text: nothing", text: docs(...base), newEdges: 0 },
    // r1: two backendRefs and a mirror, and one parentRef attached to both listeners.
    { name: "one route edited: its edges", text: docs(GW, NS, SVC, POLICY, route("r1", "a", "\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: s1, port: 80}}}]"), route("r2", "b"), POOL_ROUTE), newEdges: 1 + 3 + 2 },
    // The Gateway changed, so the controller recomputed every route: r1 and r9 attach to both listeners, r2 (namespace b) to one.
    { name: "a listener renamed: every route's edges", text: docs(GW.replace("name: web", "name: webs"), NS, SVC, POLICY, route("r1", "a"), route("r2", "b"), POOL_ROUTE), newEdges: 1 + (2 + 2) + (2 + 1) + (2 + 2) },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const c = caches();
      const first = step(docs(...base), c);
      const frozen = JSON.stringify(first);
      step(row.text, c);
      expect(c.gc.lastNewEdges).toBe(row.newEdges);
      // The earlier graph is untouched by the later build, though they share objects.
      expect(JSON.stringify(first)).toBe(frozen);
    });
  }
});

describe("GraphCache: incremental equals fresh under random edits", () => {
  for (let seed = 1; seed <= 8; seed++) {
    it(`generated configuration, seed ${seed}`, () => {
      const r = rng(1000 + seed);
      let ds = generated(r, 10 + seed);
      const c = caches();
      for (let k = 0; k < 20; k++) {
        step(docs(...ds), c);
        ds = edit(r, ds);
      }
    });
  }
  // Mesh: meshParent edges, Service frontends placed left of the routes, conflicted parents.
  for (let seed = 1; seed <= 4; seed++) {
    it(`generated mesh configuration, seed ${seed}`, () => {
      const r = rng(2000 + seed);
      let ds = meshGenerated(r, 10 + seed);
      const c = caches();
      for (let k = 0; k < 20; k++) {
        step(docs(...ds), c);
        ds = edit(r, ds);
      }
    });
  }
  for (let seed = 1; seed <= 4; seed++) {
    it(`generated configuration with backend policies, seed ${seed}`, () => {
      const r = rng(1100 + seed);
      let ds = policyGenerated(r, 10 + seed);
      const c = caches();
      for (let k = 0; k < 20; k++) {
        step(docs(...ds), c);
        ds = edit(r, ds);
      }
    });
  }
  // Edits inside one route's rules: the controller and the graph patch their last output (not
  // after a document-level edit duplicated an object: then the controller runs its rules).
  it("route-local edits, patched", () => {
    let patched = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const r = rng(3000 + seed);
      let ds = generated(r, 10 + seed);
      const c = caches();
      for (let k = 0; k < 25; k++) {
        step(docs(...ds), c);
        if (c.gc.lastPatched) patched++;
        ds = r() < 0.2 ? edit(r, ds) : localEdit(r, ds);
      }
    }
    expect(patched).toBeGreaterThan(20);
  });
  it("a weight edit patches the graph: only that route's edges are made", () => {
    const c = caches();
    const text = docs(GW, NS, SVC, route("r1", "a"), route("r2", "b"));
    const first = step(text, c);
    const frozen = JSON.stringify(first);
    const g = step(text.replace("[{name: s1, port: 80}, {name: missing-r2", "[{name: s1, port: 80, weight: 3}, {name: missing-r2"), c);
    expect(c.gc.lastPatched).toBe(true);
    expect(c.gc.lastNewEdges).toBe(3);
    expect(g.edges.filter((e) => e.from === "HTTPRoute/b/r2" && e.type === "backendRef").map((e) => e.percent)).toEqual([75, 25]);
    expect(JSON.stringify(first)).toBe(frozen);
  });
  const texts = conformanceTexts();
  it.skipIf(texts.length === 0)("conformance manifests", () => {
    texts.forEach((text, t) => {
      const r = rng(200 + t);
      let ds = text.split(/\n---\n/);
      const c = caches();
      for (let k = 0; k < 6; k++) {
        step(docs(...ds), c);
        ds = edit(r, ds);
      }
    });
  });
});

/** Models changed by hand in ways the controller never produces (it replaces a route's results as a whole): the cache still checks every input. */
describe("GraphCache: every input of a reused node or edge is checked", () => {
  const text = docs(GW, NS, SVC, route("r1", "a"), route("r2", "b"));
  const model = (): Model => {
    const p = parse({ name: "in.yaml", text });
    return simulate(p.resources, { lines: p.lines });
  };
  const rows: { name: string; change: (m: Model) => Model }[] = [
    {
      name: "a sibling backendRef's weight (the share of the other one changes)",
      change: (m) => ({ ...m, relations: m.relations.map((r) => (r.type === "backendRef" && r.to.endsWith("missing-r1") ? { ...r, weight: 3 } : r)) }),
    },
    {
      name: "a route's status object",
      change: (m) => {
        const status = new Map(m.status);
        status.set("HTTPRoute/a/r1", { kind: "HTTPRoute", namespace: "a", name: "r1", conditions: [], parents: [{ parentRef: "infra/gw", parentKind: "Gateway", conditions: [cond("Accepted", false, "NotAllowedByListeners", "no")] }] });
        return { ...m, status };
      },
    },
    {
      name: "a route's diagnostics",
      change: (m) => ({ ...m, diagnostics: [...m.diagnostics, { ...m.diagnostics[0], resource: { group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "a", name: "r1" }, severity: "warning" }] }),
    },
    {
      name: "a route's parents (attached to no listener)",
      change: (m) => ({ ...m, routes: m.routes.map((r) => (r.key === "HTTPRoute/a/r1" ? { ...r, parents: r.parents.map((p) => ({ ...p, listeners: [], accepted: false, reason: "NotAllowedByListeners" })) } : r)) }),
    },
    {
      name: "a route's hostnames",
      change: (m) => ({ ...m, routes: m.routes.map((r) => (r.key === "HTTPRoute/a/r1" ? { ...r, hostnames: ["other.example.com"] } : r)) }),
    },
    {
      name: "a listener's name (its node id)",
      change: (m) => ({ ...m, gateways: m.gateways.map((g) => ({ ...g, listeners: g.listeners.map((l) => (l.name === "web" ? { ...l, id: `${l.id}2`, name: "web2" } : l)) })) }),
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const gc = new GraphCache();
      const a = model();
      buildGraph(a, gc);
      const b = row.change(a);
      const fresh = buildGraphReference(b);
      expect(fresh).not.toEqual(buildGraphReference(a));
      expect(buildGraph(b, gc)).toEqual(fresh);
      expect(buildGraph(b)).toEqual(fresh);
    });
  }
});
