/**
 * Build the route states (views with hostnames and rules) that attachment and backend resolution
 * fill in. Every route kind goes through the same code paths; only HTTPRoute, GRPCRoute and
 * TLSRoute carry hostnames.
 */
import type { RouteView, RuleView } from "../model/model";
import { type Ctx, arr, isRecord } from "./context";

/** Rule: route states for every route in the input. */
export function runRoutes(ctx: Ctx): void {
  for (const res of ctx.routeResources) {
    const hostnames: string[] = [];
    for (const h of arr(res.spec?.hostnames)) if (typeof h === "string" && h !== "") hostnames.push(h);
    const rules: RuleView[] = [];
    const raws = arr(res.spec?.rules);
    for (let index = 0; index < raws.length; index++) {
      const raw = raws[index];
      const rule: RuleView = { index, raw, backends: [] };
      if (isRecord(raw) && typeof raw.name === "string") rule.name = raw.name;
      rules.push(rule);
    }
    const view: RouteView = { key: ctx.key(res), kind: res.kind, resource: res, hostnames, rules, parents: [] };
    ctx.routes.push({ res, kindKey: `${res.group}/${res.kind}`, view, parents: [], resolved: null });
  }
}
