/**
 * The order among GRPCRoute matches. GRPCRouteRule.matches (gateway.networking.k8s.io/v1):
 *
 *   "Proxy or Load Balancer routing configuration generated from GRPCRoutes MUST prioritize rules
 *    based on the following criteria, continuing on ties. Merging MUST not be done between
 *    GRPCRoutes and HTTPRoutes. Precedence MUST be given to the rule with the largest number of:
 *    * Characters in a matching non-wildcard hostname.
 *    * Characters in a matching hostname.
 *    * Characters in a matching service.
 *    * Characters in a matching method.
 *    * Header matches.
 *    If ties still exist across multiple Routes, matching precedence MUST be determined in order of
 *    the following criteria, continuing on ties:
 *    * The oldest Route based on creation timestamp.
 *    * The Route appearing first in alphabetical order by "{namespace}/{name}".
 *    If ties still exist within the Route that has been given precedence, matching precedence MUST
 *    be granted to the first matching rule meeting the above criteria."
 *
 * The hostname criteria are applied by visiting hostname buckets from the most specific one (as for
 * HTTPRoutes, see grpc-index.ts); this file orders candidates inside a bucket. The characters of a
 * service or method are those of the value as written (for a RegularExpression: the pattern).
 * Equal matches of one rule keep list order.
 */
import type { GrpcCandidate } from "./grpc-candidates";

/** Negative when `a` takes precedence over `b` (a total order: sorts are deterministic). */
export function compareGrpc(a: GrpcCandidate, b: GrpcCandidate): number {
  return (
    b.serviceLength - a.serviceLength ||
    b.methodLength - a.methodLength ||
    b.headerCount - a.headerCount ||
    cmp(a.created, b.created) ||
    cmp(a.nsName, b.nsName) ||
    a.ruleIndex - b.ruleIndex ||
    a.matchIndex - b.matchIndex
  );
}

function cmp<T extends number | string>(a: T, b: T): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Why `w` beats `l`, in the words of the spec's criteria (for the trace). */
export function grpcPrecedenceReason(w: GrpcCandidate, l: GrpcCandidate): string {
  if (w.serviceLength !== l.serviceLength) return `more characters in the matching service (${w.serviceLength} > ${l.serviceLength})`;
  if (w.methodLength !== l.methodLength) return `more characters in the matching method (${w.methodLength} > ${l.methodLength})`;
  if (w.headerCount !== l.headerCount) return `more header matches (${w.headerCount} > ${l.headerCount})`;
  if (w.created !== l.created) {
    return Number.isFinite(l.created)
      ? `older route (created ${new Date(w.created).toISOString()} before ${new Date(l.created).toISOString()})`
      : "older route (the other route has no creationTimestamp)";
  }
  if (w.nsName !== l.nsName) return `route first in alphabetical order (${w.nsName} < ${l.nsName})`;
  if (w.ruleIndex !== l.ruleIndex) return `first matching rule in list order (rule ${w.ruleIndex} before rule ${l.ruleIndex})`;
  return `first match in list order (match ${w.matchIndex} before match ${l.matchIndex})`;
}
