/**
 * Traffic shares of a rule's backendRefs: BackendRef.weight "proportion of requests forwarded ...
 * computed as weight/(sum of all weights in this BackendRefs list)"; an absent weight is 1. Pure
 * helpers for the weight sliders and the canary "shift traffic" control.
 */

/** A backendRef's weight as written (absent or not a number: the default 1). */
export function weightOf(b: Record<string, unknown> | null | undefined): number {
  const w = b?.weight;
  return typeof w === "number" && Number.isFinite(w) ? w : 1;
}

/** Each weight's share of the total, in percent (all 0 when the total is 0: the rule sends nothing). */
export function shares(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  return weights.map((w) => (total > 0 ? (Math.max(0, w) / total) * 100 : 0));
}

/** A percentage as shown on edges and sliders: whole numbers plain, else one decimal. */
export function pctText(p: number): string {
  const r = Math.round(p * 10) / 10;
  return `${Number.isInteger(r) ? r : r.toFixed(1)}%`;
}

/**
 * The top of a weight slider: at least 100 (weights written as percentages fit), else the next
 * round number above twice the largest weight, so the current values sit mid-range.
 */
export function sliderMax(weights: readonly number[]): number {
  const top = Math.max(0, ...weights) * 2;
  if (top <= 100) return 100;
  const mag = 10 ** Math.floor(Math.log10(top));
  return Math.min(1_000_000, Math.ceil(top / mag) * mag);
}

/** The canary steps of the "shift traffic" control for two backends (stable / canary, in percent). */
export const SHIFT_STEPS: readonly (readonly [number, number])[] = [
  [100, 0],
  [90, 10],
  [50, 50],
  [10, 90],
  [0, 100],
];

/** Which step the weights are at (by share), or -1. */
export function currentStep(weights: readonly number[]): number {
  if (weights.length !== 2) return -1;
  const [a] = shares(weights);
  return SHIFT_STEPS.findIndex(([x]) => Math.abs(x - a) < 0.05);
}
