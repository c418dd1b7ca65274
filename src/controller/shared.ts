/**
 * Shared immutable values for the hot path (10,000 routes on every keystroke): the conditions most
 * routes carry and the source paths most references live at are created once, frozen, and reused,
 * instead of allocating the same objects per route. Consumers must treat them as read-only (they are
 * frozen, so a write fails loudly).
 */
import type { PathSegment } from "../model/source";
import type { Relation, RelationType } from "../model/model";
import { cond, type Condition } from "../model/status";

/** Route parent Accepted=True. */
export const ROUTE_ACCEPTED: Condition = Object.freeze(cond("Accepted", true, "Accepted", "route is accepted"));
/** Route ResolvedRefs=True. */
export const ROUTE_RESOLVED: Condition = Object.freeze(cond("ResolvedRefs", true, "ResolvedRefs", "all references resolved"));

const SHARED = new Set<Condition>([ROUTE_ACCEPTED, ROUTE_RESOLVED]);
const stampedCache = new Map<Condition, Condition[]>();

/** A condition stamped with the generation it was computed from; shared conditions stamp to shared copies. */
export function stamped(c: Condition, gen: number): Condition {
  if (SHARED.has(c) && gen >= 0 && gen < 64 && Number.isInteger(gen)) {
    let byGen = stampedCache.get(c);
    if (!byGen) stampedCache.set(c, (byGen = []));
    return (byGen[gen] ??= Object.freeze({ type: c.type, status: c.status, reason: c.reason, message: c.message, observedGeneration: gen }));
  }
  return { type: c.type, status: c.status, reason: c.reason, message: c.message, observedGeneration: gen };
}

const parentRefPaths: PathSegment[][] = [];
const backendRefPaths: PathSegment[][][] = [];

/** `["spec", "parentRefs", i]`, shared. */
export function parentRefPath(i: number): PathSegment[] {
  return (parentRefPaths[i] ??= Object.freeze(["spec", "parentRefs", i]) as PathSegment[]);
}

/** `["spec", "rules", r, "backendRefs", j]`, shared. */
export function backendRefPath(r: number, j: number): PathSegment[] {
  const byRule = (backendRefPaths[r] ??= []);
  return (byRule[j] ??= Object.freeze(["spec", "rules", r, "backendRefs", j]) as PathSegment[]);
}

/** An array of exactly `n` slots, filled by index right after (saves the growth of push on []). */
export function sized<T>(n: number): T[] {
  // eslint-disable-next-line unicorn/no-new-array -- a length, not an element: exact-size backing store on the hot path
  return new Array<T>(n);
}

/**
 * A relation with every field, always in this order: the graph and the matcher walk tens of
 * thousands of relations per edit, and relations of one shape keep their property reads fast.
 */
export function relation(type: RelationType, from: string, to: string, ok: boolean, path: PathSegment[], reason?: string, section?: string, grant?: string, weight?: number): Relation {
  return { type, from, to, ok, reason, section, path, grant, weight };
}
