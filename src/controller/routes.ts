/**
 * Build the route states (views with hostnames and rules) that attachment and backend resolution
 * fill in. Every route kind goes through the same code paths; only HTTPRoute, GRPCRoute and
 * TLSRoute carry hostnames.
 */
import type { RouteView, RuleView } from "../model/model";
import type { Resource } from "../model/resource";
import { type Ctx, type RouteState, arr, isRecord } from "./context";
import { sized } from "./shared";

/** `group/kind` strings, interned per group and kind: looked up without building a string per route. */
const kindKeys = new Map<string, Map<string, string>>();
export function kindKeyOf(group: string, kind: string): string {
  let byKind = kindKeys.get(group);
  if (!byKind) kindKeys.set(group, (byKind = new Map()));
  let v = byKind.get(kind);
  if (v === undefined) byKind.set(kind, (v = `${group}/${kind}`));
  return v;
}

/** Rule: route states for every route in the input. */
export function runRoutes(ctx: Ctx): void {
  const resources = ctx.routeResources;
  for (let i = 0; i < resources.length; i++) ctx.routes.push(routeState(resources[i], ctx.routeKeys[i]));
}

/** The state of one route before attachment and backend resolution: its view with hostnames and rules. */
export function routeState(res: Resource, key: string): RouteState {
  const rawHosts = arr(res.spec?.hostnames);
  let hostnames: string[] = rawHosts;
  // Keep the input's array when it is clean (the usual case); copy only to drop bad entries.
  for (const h of rawHosts) {
    if (typeof h !== "string" || h === "") {
      hostnames = rawHosts.filter((x: unknown) => typeof x === "string" && x !== "");
      break;
    }
  }
  const raws = arr(res.spec?.rules);
  const rules: RuleView[] = sized(raws.length);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index];
    const rule: RuleView = { index, raw, backends: arr(null) };
    if (isRecord(raw) && typeof raw.name === "string") rule.name = raw.name;
    rules[index] = rule;
  }
  const view: RouteView = { key, kind: res.kind, resource: res, hostnames, rules, parents: arr(null) };
  return { res, kindKey: kindKeyOf(res.group, res.kind), view, parents: arr(null), resolved: null, attachedTo: null };
}
