/**
 * The weights of a rule while a slider moves (Inspector or edge tools), before they are written:
 * the canvas draws the rule's backend edges with these shares in the same frame, and the written
 * state takes over when the engine's snapshot of the edit arrives (the slider's draft ends then).
 */
import { useEffect, useState } from "react";
import { create } from "zustand";
import type { GraphEdge } from "../../src/graph";
import { edgeLabel } from "../canvas/flowEdges";
import { shares } from "./weights";

export interface WeightDraft {
  /** Graph id of the route (`Kind/ns/name`). */
  route: string;
  rule: number;
  /** Weights by backendRef index in the rule. */
  weights: ReadonlyMap<number, number>;
}

export const useWeightDraft = create<{ draft: WeightDraft | null }>(() => ({ draft: null }));

/** Show `weights` (by backendRef index) for the rule; null ends the draft of that rule. */
export function setWeightDraft(route: string, rule: number, weights: ReadonlyMap<number, number> | null): void {
  const cur = useWeightDraft.getState().draft;
  if (weights) useWeightDraft.setState({ draft: { route, rule, weights } });
  else if (cur && cur.route === route && cur.rule === rule) useWeightDraft.setState({ draft: null });
}

/**
 * A slider's draft weights for a rule, shown on the canvas too: `[draft, setDraft]`, the draft null
 * when none. `indexes[i]` is the backendRef index of weight i (default i). A new written state
 * (`written` changes: the edit landed, or the text changed) ends the draft; so does unmounting.
 */
export function useRuleDraft(route: string, rule: number, written: readonly number[], indexes?: readonly number[]): [number[] | null, (w: number[] | null) => void] {
  const [draft, setLocal] = useState<number[] | null>(null);
  const setDraft = (w: number[] | null) => {
    setLocal(w);
    setWeightDraft(route, rule, w && new Map(w.map((x, i) => [indexes ? indexes[i] : i, x])));
  };
  const key = written.join(",");
  useEffect(() => {
    setLocal(null);
    setWeightDraft(route, rule, null);
    return () => setWeightDraft(route, rule, null);
  }, [key, route, rule]);
  return [draft, setDraft];
}

/** The backendRef index of a backendRef edge (`…backendRefs[j]…` in its path), else -1. */
function backendIndex(e: GraphEdge): number {
  const at = e.path.indexOf("backendRefs");
  return at >= 0 && typeof e.path[at + 1] === "number" ? (e.path[at + 1] as number) : -1;
}

/**
 * The label of a drawn edge (the references it stands for) with the draft's weights and shares, or
 * null when the draft does not concern it.
 */
export function draftLabel(refs: readonly GraphEdge[], d: WeightDraft): string | null {
  let hit = false;
  for (const r of refs) if (r.type === "backendRef" && r.from === d.route && r.rule === d.rule && d.weights.has(backendIndex(r))) hit = true;
  if (!hit) return null;
  const order = [...d.weights.keys()].sort((a, b) => a - b);
  const pct = shares(order.map((j) => d.weights.get(j)!));
  const percentOf = new Map(order.map((j, i) => [j, pct[i]]));
  return edgeLabel(
    refs.map((r) => {
      const j = backendIndex(r);
      return r.type === "backendRef" && r.from === d.route && r.rule === d.rule && d.weights.has(j) ? { ...r, weight: d.weights.get(j)!, percent: percentOf.get(j)! } : r;
    }),
  );
}
