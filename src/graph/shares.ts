/**
 * The traffic share of every backendRef edge: HTTPBackendRef.weight, "proportion of requests
 * forwarded … computed as weight/(sum of all weights in this BackendRefs list)". The sums are per
 * rule of a route; this computes, for each relation, the sum of its rule (0 for other relations).
 */
import type { Relation, RouteView } from "../model/model";
import type { PathSegment } from "../model/source";
import type { RouteLookup } from "./routes";

/** `spec.rules[i]…` → i, else -1. */
export function ruleOf(path: PathSegment[]): number {
  return path[0] === "spec" && path[1] === "rules" && typeof path[2] === "number" ? path[2] : -1;
}

/** BackendRef.weight defaults to 1. */
export function weightOf(rel: Relation): number {
  const w = rel.weight;
  return typeof w === "number" && Number.isFinite(w) && w >= 0 ? w : 1;
}

/** For each relation (by index), the sum of the weights of its rule's backendRefs. */
export function ruleTotals(relations: Relation[], routes: RouteLookup): Float64Array {
  const out = new Float64Array(relations.length);
  if (!runTotals(relations, routes, out)) mapTotals(relations, out);
  return out;
}

/**
 * The controller's relations list each route's backendRefs in one run (only ReferenceGrant relations,
 * from other objects, come between them), routes in order: sum each run on its own, without a map.
 * Gives up (false) unless every run holds all the backendRefs of its route's view, routes in order.
 */
function runTotals(relations: Relation[], routes: RouteLookup, out: Float64Array): boolean {
  const cursor = routes.cursor();
  // Runs whose routes sit at increasing positions of model.routes belong to distinct routes; any
  // other order (or a route found only by key) gives up to the map.
  let last = -1;
  // Reused scratch (no allocation per route): the run's relation indexes and its per-rule sums.
  const members: number[] = [];
  const sums: number[] = [];
  let count = 0;
  let from: string | null = null;
  for (let i = 0; i <= relations.length; i++) {
    const rel = i < relations.length ? relations[i] : null;
    if (rel !== null && rel.type !== "backendRef") continue;
    if (rel === null || rel.from !== from) {
      if (from !== null) {
        const route = cursor.find(from);
        if (cursor.at <= last) return false;
        last = cursor.at;
        if (!closeRun(relations, route, members, count, sums, out)) return false;
      }
      if (rel === null) break;
      from = rel.from;
      for (let k = 0; k < sums.length; k++) sums[k] = 0;
      count = 0;
    }
    members[count++] = i;
    const rule = ruleOf(rel.path);
    if (rule >= 0) {
      while (sums.length <= rule) sums.push(0);
      sums[rule] += weightOf(rel);
    }
  }
  return true;
}

/** Write the totals of one run, if it holds all the backendRefs of its route and the route had no run before. */
function closeRun(relations: Relation[], route: RouteView | undefined, members: number[], count: number, sums: number[], out: Float64Array): boolean {
  let expected = 0;
  if (route) for (let r = 0; r < route.rules.length; r++) expected += route.rules[r].backends.length;
  if (!route || expected !== count) return false;
  for (let k = 0; k < count; k++) {
    const i = members[k];
    const rule = ruleOf(relations[i].path);
    out[i] = rule >= 0 ? sums[rule] : 0;
  }
  return true;
}

/** Sums of backendRef weights per route (`from`) and rule index. */
export function ruleSums(relations: Relation[]): Map<string, number[]> {
  const totals = new Map<string, number[]>();
  for (const rel of relations) {
    if (rel.type !== "backendRef") continue;
    const rule = ruleOf(rel.path);
    if (rule < 0) continue;
    let t = totals.get(rel.from);
    if (!t) totals.set(rel.from, (t = []));
    t[rule] = (t[rule] ?? 0) + weightOf(rel);
  }
  return totals;
}

/** Any list of relations: sums per route and rule in a map. */
function mapTotals(relations: Relation[], out: Float64Array): void {
  const totals = ruleSums(relations);
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i];
    if (rel.type !== "backendRef") continue;
    const rule = ruleOf(rel.path);
    out[i] = rule >= 0 ? (totals.get(rel.from)?.[rule] ?? 0) : 0;
  }
}
