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

export { effectiveHostnames, hostnameMatches, hostnameRank, intersectHostname, isWildcard, stripPort } from "./hostname";
export { formatParentRef } from "./parent-refs";
export { listenerId } from "./gateways";
export { selectorMatches } from "./allowed-routes";
export { RULES } from "./rules";

export interface SimulateOptions {
  /** Line indexes from `parse` (its `lines`), so diagnostics carry file/line/column. */
  lines?: Map<string, LineIndex>;
}

/** Run the controller over a configuration. */
export function simulate(resources: Resource[], options: SimulateOptions = {}): Model {
  const ctx = new Ctx(resources, options);
  for (const rule of RULES) {
    try {
      rule.run(ctx);
    } catch (e) {
      // A rule failing on input nobody anticipated must not take the whole model down.
      ctx.diagnostics.push({ severity: "error", code: "internal", message: `controller rule ${rule.name} failed: ${e instanceof Error ? e.message : String(e)}`, file: "", line: 0, column: 0, endLine: 0, endColumn: 0 });
    }
  }
  return {
    resources,
    byKey: ctx.byKey,
    status: ctx.status,
    gateways: ctx.gateways.map((g) => g.view),
    routes: ctx.routes.map((r) => r.view),
    relations: ctx.relations,
    diagnostics: ctx.diagnostics,
    assumptions: ctx.assumptions,
  };
}
