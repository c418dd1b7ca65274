/**
 * The index of a patched Model (index-patch.ts) equals an index built from scratch for that Model:
 * the same gateways, ports and listeners, the same route entries in the same order, and hostname
 * buckets holding the same candidates in the same order. Checked after table edits (a weight, a
 * path match, a hostname, a comment) and after seeded sequences of edits inside routes' rules.
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache, modelDelta } from "../controller";
import { docs, generated, GW, localEdit, NS, rng, route, SVC } from "../controller/testing/edits";
import { gatewaysOf, indexListener, indexModel, type Bucket, type ListenerIndex, type RouteEntry } from "./compile";
import { indexCounts } from "./index-patch";
import { suffixIndex } from "./explain";
import type { Model } from "../model/model";

const entry = (e: RouteEntry) => ({ ref: e.ref, route: e.attachment.route, hosts: e.hosts, candidates: e.candidates });
const buckets = (m: Map<string, Bucket>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, b]) => [k, b.cands]);

/** A listener index as data whose leaves are the Model's and the candidate cache's objects (compared by identity). */
function shape(li: ListenerIndex) {
  return {
    view: li.view,
    id: li.id,
    hostname: li.hostname,
    rank: li.rank,
    unusable: li.unusable,
    httpRoutes: li.httpRoutes,
    routes: li.routes.map(entry),
    others: li.others.map((e) => e.ref),
    empty: li.empty.map((e) => e.ref),
    exact: buckets(li.http.exact),
    wildcard: buckets(li.http.wildcard),
    any: li.http.any?.cands ?? null,
    choice: li.choice.listener === li,
  };
}

/** How many patched listener indexes came with the trace's suffix map patched (not left to be built again). */
let suffixesPatched = 0;

function expectIndexAsFresh(model: Model): void {
  const got = indexModel(model);
  const fresh = gatewaysOf(model, indexListener);
  expect([...got.gateways.keys()]).toEqual([...fresh.keys()]);
  for (const [key, g] of fresh) {
    const p = got.gateways.get(key)!;
    expect(p.view).toBe(g.view);
    expect([...p.ports.keys()]).toEqual([...g.ports.keys()]);
    for (const [port, list] of g.ports) {
      const mine = p.ports.get(port)!;
      expect(mine.length).toBe(list.length);
      // toStrictEqual compares the leaves (views, candidates) by value; identity is checked for routes below.
      list.forEach((li, i) => {
        expect(shape(mine[i])).toStrictEqual(shape(li));
        mine[i].routes.forEach((e, k) => expect(e.attachment.route).toBe(li.routes[k].attachment.route));
        if (mine[i].bySuffix && mine[i] !== indexOfPrevious(model, key, port, i)) {
          suffixesPatched++;
          expect([...mine[i].bySuffix!].map(([k, rs]) => [k, rs.map(entry)])).toStrictEqual([...suffixIndex(li)].map(([k, rs]) => [k, rs.map(entry)]));
        }
        // The next edit's patch starts from an index whose suffix maps are built (as after a traced match).
        suffixIndex(mine[i]);
      });
    }
  }
  const mirrors = [...got.mirrors.entries()];
  const relMirrors = model.relations.filter((r) => r.type === "mirror");
  expect(mirrors.flatMap(([, rs]) => rs)).toEqual(expect.arrayContaining(relMirrors));
  expect(mirrors.flatMap(([, rs]) => rs).length).toBe(relMirrors.length);
}

/** The listener index the previous Model had at that place (undefined when the Model is not patched). */
function indexOfPrevious(model: Model, key: string, port: number, i: number): ListenerIndex | undefined {
  const d = modelDelta(model);
  return d && indexModel(d.previous).gateways.get(key)?.ports.get(port)?.[i];
}

const MIRROR = `\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: s1, port: 80}}}]`;
const ANY_HOST = route("r4", "a").replace('  hostnames: ["r4.example.com"]\n', "");
const base = [GW, NS, SVC, route("r1", "a"), route("r2", "a", MIRROR), route("r3", "b"), ANY_HOST];

const cases: { name: string; change: (ds: string[]) => string[] }[] = [
  { name: "a weight", change: (ds) => ds.map((d, i) => (i === 3 ? d.replace("{name: s1, port: 80}", "{name: s1, port: 80, weight: 7}") : d)) },
  { name: "a path match added", change: (ds) => ds.map((d, i) => (i === 3 ? d.replace("  - backendRefs:", "  - matches: [{path: {type: Exact, value: /x}}]\n    backendRefs:") : d)) },
  { name: "a hostname changed within the listener's", change: (ds) => ds.map((d, i) => (i === 3 ? d.replace('hostnames: ["r1.example.com"]', 'hostnames: ["other.example.com", "*.example.com"]') : d)) },
  { name: "every hostname removed", change: (ds) => ds.map((d, i) => (i === 3 ? d.replace('  hostnames: ["r1.example.com"]\n', "") : d)) },
  { name: "a weight of a route without hostnames", change: (ds) => ds.map((d, i) => (i === 6 ? d.replace("{name: s1, port: 80}", "{name: s1, port: 80, weight: 2}") : d)) },
  { name: "a comment", change: (ds) => ds.map((d, i) => (i === 4 ? d.replace("\nspec:", "\n# note\nspec:") : d)) },
  { name: "the route with a mirror edited", change: (ds) => ds.map((d, i) => (i === 4 ? d.replace("{name: s1, port: 80}, {name: missing", "{name: s1, port: 80, weight: 3}, {name: missing") : d)) },
];

describe("patched match index = fresh index", () => {
  it.each(cases)("$name", ({ change }) => {
    const pc = new ParseCache();
    const cc = new ControllerCache();
    const run = (ds: string[]) => {
      const p = parse({ name: "in.yaml", text: docs(...ds) }, pc);
      return simulate(p.resources, { lines: p.lines, cache: cc });
    };
    indexModel(run(base));
    const before = indexCounts.patched;
    const model = run(change(base));
    expect(modelDelta(model)).toBeDefined();
    expectIndexAsFresh(model);
    expect(indexCounts.patched).toBe(before + 1);
  });

  for (let seed = 1; seed <= 8; seed++) {
    it(`seeded local edits, seed ${seed}`, () => {
      const r = rng(9100 + seed);
      let ds = generated(r, 24);
      const pc = new ParseCache();
      const cc = new ControllerCache();
      const before = indexCounts.patched;
      for (let k = 0; k < 20; k++) {
        const p = parse({ name: "in.yaml", text: docs(...ds) }, pc);
        expectIndexAsFresh(simulate(p.resources, { lines: p.lines, cache: cc }));
        ds = localEdit(r, ds);
      }
      // Most of those edits were patched (the check above is not only of fresh builds).
      expect(indexCounts.patched - before).toBeGreaterThan(5);
      expect(suffixesPatched).toBeGreaterThan(0);
    });
  }
});
