/**
 * The patch path (patch.ts): which edits it takes (the run is patched, not redone), which it leaves
 * to a run, and that both give a fresh run's Model — with diagnostics moved when documents move.
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache, modelDelta } from "./index";
import { GW, NS, SVC, route, docs, rng, generated, edit, localEdit, plainModel as plain } from "./testing/edits";

const base = docs(GW, NS, SVC, route("r1", "a"), route("r2", "b"), route("r3", "a"));
const weighted = (w: number) => docs(GW, NS, SVC, route("r1", "a"), route("r2", "b").replace("{name: s1, port: 80}", `{name: s1, port: 80, weight: ${w}}`), route("r3", "a"));

describe("ControllerCache patches the last run", () => {
  it.each([
    { name: "a weight changed", text: weighted(5), patched: true, misses: 1 },
    { name: "a match added", text: base.replace("- backendRefs: [{name: s1, port: 80}, {name: missing-r2", "- matches: [{path: {type: PathPrefix, value: /x}}]\n    backendRefs: [{name: s1, port: 80}, {name: missing-r2"), patched: true, misses: 1 },
    { name: "lines added above a route (later diagnostics move)", text: base.replace("kind: HTTPRoute\nmetadata: {name: r1", "# a\n# b\nkind: HTTPRoute\nmetadata: {name: r1"), patched: true, misses: 1 },
    { name: "a document of comments only, at the end (nothing to recompute)", text: base + "---\n# the end\n", patched: true, misses: 0 },
    { name: "a hostname the listener does not take: another footprint", text: base.replace('hostnames: ["r2.example.com"]', 'hostnames: ["r2.other.org"]'), patched: false, misses: 1 },
    { name: "a backend renamed: another target", text: base.replace("missing-r2", "s1"), patched: false, misses: 1 },
    { name: "a route renamed: another identity", text: base.replace("name: r2,", "name: r2b,"), patched: false, misses: 1 },
    { name: "the Service edited: the environment", text: base.replace("port: 80}]}", "port: 81}]}"), patched: false, misses: 3 },
    { name: "session persistence (read by a later rule)", text: base.replace("- backendRefs: [{name: s1, port: 80}, {name: missing-r3", "- sessionPersistence: {sessionName: s}\n    backendRefs: [{name: s1, port: 80}, {name: missing-r3"), patched: false, misses: 1 },
  ])("$name", ({ text, patched, misses }) => {
    const pc = new ParseCache();
    const cc = new ControllerCache();
    const p0 = parse({ name: "in.yaml", text: base }, pc);
    const before = simulate(p0.resources, { lines: p0.lines, cache: cc });
    // (Resources' places are the parser's, updated in place when documents move: left out.)
    const noPlaces = (k: string, v: unknown) => (k === "source" ? undefined : v);
    const frozen = JSON.stringify(plain(before), noPlaces);
    const p = parse({ name: "in.yaml", text }, pc);
    const m = simulate(p.resources, { lines: p.lines, cache: cc });
    expect({ patched: cc.lastPatched, misses: cc.lastMisses }).toEqual({ patched, misses });
    expect(plain(m)).toEqual(plain(simulate(p.resources, { lines: p.lines })));
    expect(modelDelta(m) !== undefined).toBe(patched);
    // The Model patched from is left as it was.
    expect(JSON.stringify(plain(before), noPlaces)).toBe(frozen);
  });

  it("says which route changed, and which relations, for the graph", () => {
    const pc = new ParseCache();
    const cc = new ControllerCache();
    const p0 = parse({ name: "in.yaml", text: base }, pc);
    const before = simulate(p0.resources, { lines: p0.lines, cache: cc });
    const p = parse({ name: "in.yaml", text: weighted(7) }, pc);
    const d = modelDelta(simulate(p.resources, { lines: p.lines, cache: cc }))!;
    expect(d.previous).toBe(before);
    expect(d.routes.map((r) => [r.index, r.after.key, r.relations.map(([a, b]) => `${a.type} ${a.to} ${a.weight}→${b.weight}`)])).toEqual([[1, "HTTPRoute/b/r2", ["backendRef Service/b/s1 1→7", "backendRef Service/b/missing-r2 1→1", "parentRef Gateway/infra/gw undefined→undefined"]]]);
  });

  it("a chain of patches equals fresh runs (weights, comments, matches over generated configurations)", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = rng(77 + seed);
      let ds = generated(r, 12);
      const pc = new ParseCache();
      const cc = new ControllerCache();
      let patched = 0;
      for (let k = 0; k < 25; k++) {
        ds = r() < 0.3 ? edit(r, ds) : localEdit(r, ds);
        const text = docs(...ds);
        const p = parse({ name: "in.yaml", text }, pc);
        const m = simulate(p.resources, { lines: p.lines, cache: cc });
        if (cc.lastPatched) patched++;
        expect(plain(m)).toEqual(plain(simulate(p.resources, { lines: p.lines })));
      }
      expect(patched).toBeGreaterThan(0);
    }
  });
});
