/**
 * Rehearsal of an edit on the configuration just loaded. The first edits after loading a large
 * configuration run code V8 has not optimised for its size: the incremental parse, the controller,
 * graph and matcher-index patches, the snapshot interning and the delta over thousands of items.
 * Measured in Node at 2,000 routes, the first weight edit takes 50–60 ms, the third 15–20 ms (the
 * small warm-up of warmup.ts brings the first to 25–45 ms). So after a new large configuration the
 * worker, in idle tasks of its own, runs a couple of weight edits of one of its routes through the
 * whole edit path and then puts its state back (Engine.rehearse): the user's first edit takes code
 * already tuned to that size. The result of a rehearsal is never sent; the caches it leaves behind
 * are valid ones (they hold for any sequence of texts), and the next real edit patches from them.
 */
import { applyEdit, targetOf } from "../../src/edit";
import type { Model } from "../../src/model/model";

/** Configurations with at least this many routes are rehearsed (smaller ones are fast cold). */
export const REHEARSE_FROM = 300;

/** Rehearsals after each new large configuration (each one task). */
export const REHEARSALS = 2;

/**
 * `text` with the weights of one route's rule changed (the `k`th rehearsal's), or null when no
 * route has a rule with backendRefs. A route from the middle of the configuration: any will do.
 */
export function rehearsalEdit(model: Model, text: string, k: number): string | null {
  const routes = model.routes;
  for (let i = 0; i < routes.length; i++) {
    const r = routes[(i + (routes.length >> 1)) % routes.length];
    const rules = (r.resource.obj as { spec?: { rules?: { backendRefs?: unknown }[] } }).spec?.rules;
    if (!Array.isArray(rules)) continue;
    const rule = rules.findIndex((x) => Array.isArray(x?.backendRefs) && x.backendRefs.length > 0 && x.backendRefs.every((b) => b && typeof b === "object"));
    if (rule < 0) continue;
    const refs = rules[rule].backendRefs as { weight?: unknown }[];
    const weights = refs.map((b, j) => (typeof b.weight === "number" && Number.isInteger(b.weight) && b.weight >= 0 ? b.weight : 1) + (j === 0 ? k + 1 : 0));
    const edited = applyEdit(text, { op: "setWeights", target: targetOf(r.resource), rule, weights });
    if (edited.ok) return edited.text;
  }
  return null;
}
