/**
 * Route status: one RouteParentStatus per distinct parentRef with Accepted (from attachment) and
 * ResolvedRefs (from backends; the same for every parent, as references are per route).
 * Spec: RouteStatus.parents ("A list of parent resources … that are associated with the route, and
 * the status of the route with respect to each parent") and RouteParentStatus.conditions (Accepted,
 * ResolvedRefs with their reasons). Table tests: route-status.test.ts and the conformance status cases.
 */
import type { Condition, ParentStatus, ResourceStatus } from "../model/status";
import { type Ctx, type RouteState, generationOf } from "./context";
import { stamped } from "./shared";

/** The status a conformant controller would write for one route. */
export function routeStatus(rs: RouteState): ResourceStatus {
  const gen = generationOf(rs.res);
  const resolved = rs.resolved ? stamped(rs.resolved, gen) : null;
  const parents: ParentStatus[] = [];
  for (const ps of rs.parents) {
    if (!ps.distinct) continue;
    const accepted = ps.accepted ? stamped(ps.accepted, gen) : null;
    const conditions: Condition[] = accepted && resolved ? [accepted, resolved] : accepted ? [accepted] : resolved ? [resolved] : [];
    // RouteParentStatus.controllerName: "Controllers MUST populate this field when writing status" (known for mesh parents).
    const controllerName = ps.view.controllerName;
    parents.push(controllerName === undefined ? { parentRef: ps.view.ref, parentKind: ps.view.kind, conditions } : { parentRef: ps.view.ref, parentKind: ps.view.kind, conditions, controllerName });
  }
  return { kind: rs.res.kind, namespace: rs.res.namespace, name: rs.res.name, conditions: [], parents };
}

/** Rule: status of every route. */
export function runRouteStatus(ctx: Ctx): void {
  for (const rs of ctx.routes) ctx.status.set(rs.view.key, routeStatus(rs));
}
