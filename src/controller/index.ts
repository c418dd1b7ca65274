/**
 * The simulated conformant Gateway API controller: `simulate(resources)` builds the lookup indexes
 * once, runs the rules of rules.ts in order and returns the Model (status, attachments, relations,
 * diagnostics, assumptions). Pure and synchronous; never throws on bad input.
 */
import type { Resource } from "../model/resource";
import type { Model } from "../model/model";
import type { LineIndex } from "../model/source";
import { Ctx } from "./context";
import { RULES } from "./rules";
import { ControllerCache } from "./cache";
import { ROUTE_RULES, runRoutesIncremental } from "./incremental";
import { lastRun, patchRun } from "./patch";

export { effectiveHostnames, hostnameMatches, hostnameRank, intersectHostname, isWildcard, stripPort } from "./hostname";
export { formatParentRef } from "./parent-refs";
export { listenerId } from "./gateways";
export { selectorMatches } from "./allowed-routes";
export { RULES } from "./rules";
export { ControllerCache } from "./cache";
export { modelDelta, type ModelDelta, type RouteDelta } from "./patch";

export interface SimulateOptions {
  /** Line indexes from `parse` (its `lines`), so diagnostics carry file/line/column. */
  lines?: Map<string, LineIndex>;
  /**
   * Results kept from the previous run of the same configuration: pass one cache on every edit and
   * only the routes that changed (or all, when a non-route resource changed) are computed again.
   * The Model is the same as without it.
   */
  cache?: ControllerCache;
}

/** Run the controller over a configuration. */
export function simulate(resources: Resource[], options: SimulateOptions = {}): Model {
  const cache = options.cache;
  if (cache?.last) {
    cache.lastMisses = 0;
    let patched: Model | null = null;
    try {
      patched = patchRun(cache.last, resources, options.lines, (res, m) => cache.store(res, m));
    } catch {
      // A defect in the patch path must not change the answer: run the rules.
      patched = null;
    }
    cache.lastPatched = patched !== null;
    if (patched) {
      cache.lastEnvChanged = false;
      return patched;
    }
    cache.last = null;
  }
  const ctx = new Ctx(resources, options, cache);
  if (cache) {
    cache.begin(ctx.envResources);
    ctx.assumptionKeys = cache.keys;
  }
  for (const rule of RULES) {
    if (cache && ROUTE_RULES.has(rule.name)) {
      if (rule.name !== "routes") continue;
      try {
        runRoutesIncremental(ctx, cache);
      } catch {
        // A defect in the incremental path must not change the answer: forget it and run fresh.
        cache.clear();
        return simulate(resources, { lines: options.lines });
      }
      continue;
    }
    try {
      rule.run(ctx);
    } catch (e) {
      // A rule failing on input nobody anticipated must not take the whole model down.
      ctx.diagnostics.push({ severity: "error", code: "internal", message: `controller rule ${rule.name} failed: ${e instanceof Error ? e.message : String(e)}`, file: "", line: 0, column: 0, endLine: 0, endColumn: 0 });
    }
  }
  const model: Model = {
    resources,
    byKey: ctx.byKey,
    status: ctx.status,
    gateways: ctx.gateways.map((g) => g.view),
    routes: ctx.routes.map((r) => r.view),
    relations: ctx.relations,
    diagnostics: ctx.diagnostics,
    assumptions: ctx.assumptions,
    policies: ctx.policyViews,
  };
  if (cache) cache.last = lastRun(resources, ctx, model, options.lines);
  return model;
}
