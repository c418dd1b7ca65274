/**
 * What happens once a rule is selected, prepared per rule when the Model is indexed: its filters
 * read once, its traffic split, and each backend's own filters. Per request, `respond` then follows
 * a few direct references instead of re-reading the raw YAML objects.
 */
import type { RuleView } from "../model/model";
import { splitTraffic, type Split } from "./backends";
import { compileFilters, type CompiledFilter } from "./filters";

export interface RulePlan {
  /** HTTPRouteRule.filters. */
  filters: CompiledFilter[];
  split: Split;
  /** Per backend (index-aligned with `split`): HTTPBackendRef.filters, or null when it has none. */
  backendFilters: (CompiledFilter[] | null)[];
  /** Whether some entry of `backendFilters` is set. */
  hasBackendFilters: boolean;
}

/** Builds the plan of a rule. */
export function planRule(rule: RuleView): RulePlan {
  const split = splitTraffic(rule.backends ?? []);
  const backendFilters = split.views.map((v) => (Array.isArray(v.filters) && v.filters.length > 0 ? compileFilters(v.filters) : null));
  return { filters: compileFilters(rule.raw?.filters), split, backendFilters, hasBackendFilters: backendFilters.some((f) => f !== null) };
}
