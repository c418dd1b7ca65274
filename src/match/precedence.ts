/**
 * The order among HTTPRoute matches. HTTPRouteRule.matches (gateway.networking.k8s.io/v1):
 *
 *   "Proxy or Load Balancer routing configuration generated from HTTPRoutes MUST prioritize
 *    matches based on the following criteria, continuing on ties. Across all rules specified on
 *    applicable Routes, precedence must be given to the match having:
 *    * "Exact" path match.
 *    * "Prefix" path match with largest number of characters.
 *    * Method match.
 *    * Largest number of header matches.
 *    * Largest number of query param matches.
 *    Note: The precedence of RegularExpression path matches are implementation-specific.
 *    If ties still exist across multiple Routes, matching precedence MUST be determined in order
 *    of the following criteria, continuing on ties:
 *    * The oldest Route based on creation timestamp.
 *    * The Route appearing first in alphabetical order by "{namespace}/{name}".
 *    If ties still exist within an HTTPRoute, matching precedence MUST be granted to the FIRST
 *    matching rule (in list order) with a match meeting the above criteria."
 *
 * Before all of these, HTTPRoute.spec.hostnames: "precedence must be given to rules from the
 * HTTPRoute with the largest number of: Characters in a matching non-wildcard hostname.
 * Characters in a matching hostname." (see hostname.ts `routeHostRank`; the index applies it by
 * visiting hostname buckets from the most specific one.)
 *
 * RegularExpression paths (implementation-specific) rank between Exact and PathPrefix, longer
 * patterns first — the order Envoy Gateway documents ("Exact > RegularExpression > PathPrefix").
 * Within one match, equal matches in the same rule keep list order.
 */
import type { CompiledMatch, PathKind } from "./predicates";
import type { RuleView } from "../model/model";
import type { RulePlan } from "./plan";

/** One match of one rule of one route attached to a listener, with its precedence keys. */
export interface Candidate {
  match: CompiledMatch;
  rule: RuleView;
  /** The route's namespace (the default namespace of its references). */
  namespace: string;
  /** `HTTPRoute/ns/name`. */
  routeRef: string;
  /** `ns/name`, the alphabetical tie-break. */
  nsName: string;
  /** creationTimestamp in ms; +Infinity when absent (unknown age sorts after known ages). */
  created: number;
  pathRank: number;
  pathLength: number;
  methodRank: number;
  headerCount: number;
  queryCount: number;
  ruleIndex: number;
  /** Match index within the rule (0 for the default match of a rule without matches). */
  matchIndex: number;
  /** What the rule does once selected (shared by the rule's candidates). */
  plan: RulePlan;
  /** How the trace names the candidate, made on first use (explain.ts). */
  label?: string;
  /** How the trace names the winning match when it is no HTTPRouteMatch (a GRPCRoute's, see grpc-candidates.ts). */
  matchText?: string;
}

/** Exact > RegularExpression > PathPrefix (see above). */
export const PATH_RANK: Record<PathKind, number> = { Exact: 3, RegularExpression: 2, PathPrefix: 1 };

/** Parses a creationTimestamp; +Infinity when absent or unreadable. */
export function timestampOf(ts: string | undefined): number {
  if (!ts) return Number.POSITIVE_INFINITY;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** Negative when `a` takes precedence over `b` (a total order: sorts are deterministic). */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.pathRank - a.pathRank ||
    b.pathLength - a.pathLength ||
    b.methodRank - a.methodRank ||
    b.headerCount - a.headerCount ||
    b.queryCount - a.queryCount ||
    compareNumber(a.created, b.created) ||
    compareString(a.nsName, b.nsName) ||
    compareString(a.routeRef, b.routeRef) ||
    a.ruleIndex - b.ruleIndex ||
    a.matchIndex - b.matchIndex
  );
}

function compareNumber(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareString(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Why `winner` beats `loser`, in the words of the spec's criteria (for the trace). */
export function precedenceReason(winner: Candidate, loser: Candidate): string {
  const w = winner;
  const l = loser;
  if (w.pathRank !== l.pathRank) return `${w.match.path.kind} path beats ${l.match.path.kind} path`;
  if (w.pathLength !== l.pathLength) {
    return `longer ${w.match.path.kind} path (${w.pathLength} > ${l.pathLength} characters)`;
  }
  if (w.methodRank !== l.methodRank) return "method match beats no method match";
  if (w.headerCount !== l.headerCount) return `more header matches (${w.headerCount} > ${l.headerCount})`;
  if (w.queryCount !== l.queryCount) return `more query param matches (${w.queryCount} > ${l.queryCount})`;
  if (w.created !== l.created) {
    return Number.isFinite(l.created)
      ? `older route (created ${new Date(w.created).toISOString()} before ${new Date(l.created).toISOString()})`
      : "older route (the other route has no creationTimestamp)";
  }
  if (w.nsName !== l.nsName) return `route first in alphabetical order (${w.nsName} < ${l.nsName})`;
  if (w.routeRef !== l.routeRef) return `route kind order (${w.routeRef} < ${l.routeRef})`;
  if (w.ruleIndex !== l.ruleIndex) return `first matching rule in list order (rule ${w.ruleIndex} before rule ${l.ruleIndex})`;
  return `first match in list order (match ${w.matchIndex} before match ${l.matchIndex})`;
}
