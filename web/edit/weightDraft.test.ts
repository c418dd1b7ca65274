/**
 * The canvas label of a backend edge while a weight slider moves: the draft's weights and shares on
 * the edges of the drafted rule only, from a real engine snapshot of the canary example.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../worker/engine";
import { canaryWeight } from "../gallery/canary-weight";
import { draftLabel, setWeightDraft, useWeightDraft, type WeightDraft } from "./weightDraft";

const graph = new Engine().load(canaryWeight.yaml, "c.yaml").graph;
const refsTo = (to: string) => graph.edges.filter((e) => e.type === "backendRef" && e.from === "HTTPRoute/shop/checkout" && e.to === to);
const V1 = refsTo("Service/shop/checkout-v1");
const V2 = refsTo("Service/shop/checkout-v2");
const draft = (weights: [number, number][], rule = 0, route = "HTTPRoute/shop/checkout"): WeightDraft => ({ route, rule, weights: new Map(weights) });

describe("draftLabel", () => {
  it("the fixture: rule 0 splits 90/10 between v1 and v2", () => {
    expect([V1.map((e) => e.weight), V2.map((e) => e.weight)]).toEqual([[90], [10]]);
  });

  it.each<[string, WeightDraft, string | null, string | null]>([
    ["50/50", draft([[0, 50], [1, 50]]), "w50 · 50%", "w50 · 50%"],
    ["0/100", draft([[0, 0], [1, 100]]), "w0 · 0%", "w100 · 100%"],
    ["3/1", draft([[0, 3], [1, 1]]), "w3 · 75%", "w1 · 25%"],
    ["another rule: not these edges", draft([[0, 1], [1, 1]], 1), null, null],
    ["another route: not these edges", draft([[0, 1], [1, 1]], 0, "HTTPRoute/shop/other"), null, null],
  ])("%s", (_name, d, v1, v2) => {
    expect(draftLabel(V1, d)).toBe(v1);
    expect(draftLabel(V2, d)).toBe(v2);
  });

  it("a draft is ended only by its own rule", () => {
    setWeightDraft("HTTPRoute/shop/checkout", 0, new Map([[0, 1]]));
    setWeightDraft("HTTPRoute/shop/checkout", 1, null);
    expect(useWeightDraft.getState().draft?.rule).toBe(0);
    setWeightDraft("HTTPRoute/shop/checkout", 0, null);
    expect(useWeightDraft.getState().draft).toBeNull();
  });
});
