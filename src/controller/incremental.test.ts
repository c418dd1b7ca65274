/**
 * The ControllerCache never changes an answer: after any sequence of edits, `simulate` with the
 * cache gives the same Model as a fresh `simulate` (status, relations, diagnostics with their
 * places, assumptions, gateways with their listeners' routes, routes). Table rows check that the
 * cache is actually used (how many routes are recomputed); the property runs seeded random
 * document-level edits over generated configurations and the conformance manifests.
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache } from "./index";
import { GW, NS, SVC, route, docs, rng, generated, edit, conformanceTexts, plainModel as plain } from "./testing/edits";
import { meshGenerated } from "./testing/mesh-edits";
import { POLICY_DOCS, policyGenerated } from "./testing/policy-edits";

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

describe("ControllerCache: mesh (Service parents, route-kind conflicts) under random edits", () => {
  for (let seed = 1; seed <= 8; seed++) {
    it(`generated mesh configuration, seed ${seed}`, () => {
      const r = rng(1000 + seed);
      let ds = meshGenerated(r, 10 + seed);
      const pc = new ParseCache();
      const cc = new ControllerCache();
      let conflicted = 0;
      for (let k = 0; k < 25; k++) {
        step(docs(...ds), pc, cc);
        const m = simulate(parse({ name: "in.yaml", text: docs(...ds) }).resources);
        conflicted += m.routes.filter((v) => v.parents.some((p) => p.reason === "Conflicted")).length;
        ds = edit(r, ds);
      }
      // The generator makes kinds meet on one Service port: the cross-route rule is exercised.
      expect(conflicted).toBeGreaterThan(0);
    });
  }
  it("a Service's ports edited: every route recomputed, the attachment follows", () => {
    const svc = "apiVersion: v1\nkind: Service\nmetadata: {name: s1, namespace: a}\nspec: {ports: [{port: 80}]}";
    const mesh = (name: string, port: number) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ${name}, namespace: a}\nspec:\n  parentRefs: [{group: '', kind: Service, name: s1, port: ${port}}]\n  rules:\n  - backendRefs: [{name: s1, port: 80}]`;
    const pc = new ParseCache();
    const cc = new ControllerCache();
    expect(step(docs(svc, mesh("m1", 80), mesh("m2", 8080)), pc, cc)).toEqual({ misses: 2, envChanged: true });
    expect(step(docs(svc, mesh("m1", 80), mesh("m2", 8080)), pc, cc)).toEqual({ misses: 0, envChanged: false });
    expect(step(docs(svc.replace("80}", "8080}"), mesh("m1", 80), mesh("m2", 8080)), pc, cc)).toEqual({ misses: 2, envChanged: true });
  });
});

/**
 * ListenerSets are part of every route's environment (a route attaches to a set's listeners, and the
 * set's allowedListeners decision and listeners decide how): editing one recomputes every route, and
 * the cached Model still equals a fresh one.
 */
describe("ControllerCache and ListenerSets", () => {
  const GWA = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  allowedListeners: {namespaces: {from: All}}
  listeners:
  - {name: http, port: 80, protocol: HTTP, hostname: gw.example.com, allowedRoutes: {namespaces: {from: All}}}`;
  const ls = (name: string, host: string, from = "All") => `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ${name}, namespace: a}
spec:
  parentRef: {name: gw, namespace: infra}
  listeners:
  - {name: web, port: 80, protocol: HTTP, hostname: "${host}", allowedRoutes: {namespaces: {from: ${from}}}}
  - {name: alt, port: 8080, protocol: HTTP}`;
  const lsRoute = (name: string, ns: string, parents: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: ${parents}
  hostnames: ["${name}.example.com", "ls.example.com"]
  rules:
  - backendRefs: [{name: s1, namespace: a, port: 80}]`;
  const R1 = lsRoute("r1", "a", "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: ls1}]");
  const R2 = lsRoute("r2", "a", "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: ls1, sectionName: web}, {name: gw, namespace: infra}]");
  const R3 = lsRoute("r3", "a", "[{name: gw, namespace: infra}]");
  const base = [GWA, NS, SVC, ls("ls1", "ls.example.com"), R1, R2, R3];
  const rows: { name: string; text: string; misses: number; envChanged: boolean }[] = [
    { name: "the same text again: nothing", text: docs(...base), misses: 0, envChanged: false },
    { name: "a route through the set edited: that route", text: docs(GWA, NS, SVC, ls("ls1", "ls.example.com"), R1.replace("port: 80", "port: 81"), R2, R3), misses: 1, envChanged: false },
    { name: "the set's listener hostname edited: every route", text: docs(GWA, NS, SVC, ls("ls1", "other.example.com"), R1, R2, R3), misses: 3, envChanged: true },
    { name: "the set's allowedRoutes edited: every route", text: docs(GWA, NS, SVC, ls("ls1", "ls.example.com", "Same"), R1, R2, R3), misses: 3, envChanged: true },
    { name: "a second set added: every route", text: docs(...base, ls("ls2", "ls.example.com")), misses: 3, envChanged: true },
    { name: "the set removed: every route", text: docs(GWA, NS, SVC, R1, R2, R3), misses: 3, envChanged: true },
    { name: "the Gateway stops allowing ListenerSets: every route", text: docs(GWA.replace("from: All}}\n  listeners", "from: None}}\n  listeners"), NS, SVC, ls("ls1", "ls.example.com"), R1, R2, R3), misses: 3, envChanged: true },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const pc = new ParseCache();
      const cc = new ControllerCache();
      expect(step(docs(...base), pc, cc)).toEqual({ misses: 3, envChanged: true });
      expect(step(row.text, pc, cc)).toEqual({ misses: row.misses, envChanged: row.envChanged });
    });
  }

  it("a cached route follows the set's edit (its attachment and the listeners' counts)", () => {
    const pc = new ParseCache();
    const cc = new ControllerCache();
    step(docs(...base), pc, cc);
    const p = parse({ name: "in.yaml", text: docs(GWA, NS, SVC, ls("ls1", "other.example.com"), R1, R2, R3) }, pc);
    const m = simulate(p.resources, { lines: p.lines, cache: cc });
    const conds = (key: string) => m.status.get(key)!.parents!.map((x) => `${x.parentKind} ${x.conditions[0].reason}`);
    expect(conds("HTTPRoute/a/r1")).toEqual(["ListenerSet Accepted"]);
    expect(conds("HTTPRoute/a/r2")).toEqual(["ListenerSet NoMatchingListenerHostname", "Gateway NoMatchingListenerHostname"]);
    expect(m.status.get("ListenerSet/a/ls1")!.listeners!.map((l) => l.attachedRoutes)).toEqual([0, 1]);
  });

  for (let seed = 1; seed <= 6; seed++) {
    it(`generated configuration with ListenerSets, seed ${seed}`, () => {
      const r = rng(1000 + seed);
      const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
      let ds = [GWA, NS, SVC, ls("ls1", "ls.example.com"), ls("ls2", "ls.example.com", "Same"), ls("ls3", "*.example.com")];
      for (let i = 0; i < 10 + seed; i++) {
        const parents = pick([
          "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: ls1}]",
          "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: ls2, namespace: a, sectionName: web}]",
          "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: ls3, port: 8080}, {name: gw, namespace: infra}]",
          "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: gone}]",
          "[{name: gw, namespace: infra, sectionName: web}]",
        ]);
        ds.push(lsRoute(`r${i}`, pick(["a", "b"]), parents));
      }
      const pc = new ParseCache();
      const cc = new ControllerCache();
      let reused = 0;
      for (let k = 0; k < 20; k++) {
        const routes = ds.filter((d) => d.includes("kind: HTTPRoute")).length;
        const { misses, envChanged } = step(docs(...ds), pc, cc);
        if (k > 0 && !envChanged && misses < routes) reused++;
        ds = edit(r, ds);
      }
      // The cache is used, not just tolerated: edits to routes recompute fewer than all routes.
      expect(reused).toBeGreaterThan(3);
    });
  }
});

describe("ControllerCache and backend policies", () => {
  // Policies are no input of any route's results: editing one recomputes no route, and their
  // status (computed afresh each run from the route views) still equals a fresh run's.
  const [CA, P1, P2, P3, LB, X] = POLICY_DOCS;
  const base = [GW, NS, SVC, CA, P1, P2, LB, route("r1", "a"), route("r2", "b")];
  const rows: { name: string; text: string; misses: number; envChanged: boolean }[] = [
    { name: "a policy edited: no route", text: docs(GW, NS, SVC, CA, P1.replace("s1.example.com", "t.example.com"), P2, LB, route("r1", "a"), route("r2", "b")), misses: 0, envChanged: false },
    { name: "policies added: no route", text: docs(...base, P3, X), misses: 0, envChanged: false },
    { name: "a policy removed (the other takes over): no route", text: docs(GW, NS, SVC, CA, P2, LB, route("r1", "a"), route("r2", "b")), misses: 0, envChanged: false },
    { name: "the CA ConfigMap edited: every route (it is part of the environment)", text: docs(GW, NS, SVC, CA.replace("pem", "other"), P1, P2, LB, route("r1", "a"), route("r2", "b")), misses: 2, envChanged: true },
    { name: "a route no longer uses the targeted Service: that route, and the policies lose the ancestor", text: docs(GW, NS, SVC, CA, P1, P2, LB, route("r1", "a").replace("{name: s1, port: 80}, ", ""), route("r2", "b")), misses: 1, envChanged: false },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const pc = new ParseCache();
      const cc = new ControllerCache();
      expect(step(docs(...base), pc, cc)).toEqual({ misses: 2, envChanged: true });
      expect(step(row.text, pc, cc)).toEqual({ misses: row.misses, envChanged: row.envChanged });
    });
  }

  for (let seed = 1; seed <= 8; seed++) {
    it(`generated configuration with policies, seed ${seed}`, () => {
      const r = rng(300 + seed);
      let ds = policyGenerated(r, 10 + seed);
      const pc = new ParseCache();
      const cc = new ControllerCache();
      for (let k = 0; k < 25; k++) {
        step(docs(...ds), pc, cc);
        ds = edit(r, ds);
      }
    });
  }
});
