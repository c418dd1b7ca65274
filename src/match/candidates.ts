/**
 * The candidates a route contributes on one listener: one per match of each rule, with the keys
 * precedence.ts orders them by.
 */
import { refKey, nsName } from "../model/ids";
import type { RouteAttachment, RuleView } from "../model/model";
import { compileMatch } from "./predicates";
import { PATH_RANK, timestampOf, type Candidate } from "./precedence";
import { planRule } from "./plan";

/** All candidates of the route behind `attachment`, in rule and match order. */
export function candidatesOf(attachment: RouteAttachment): Candidate[] {
  const route = attachment.route;
  const res = route.resource;
  const routeRef = refKey({ kind: route.kind, namespace: res.namespace, name: res.name });
  const name = nsName(res);
  const created = timestampOf(res.metadata?.creationTimestamp);
  const out: Candidate[] = [];
  for (const rule of route.rules) {
    const plan = planRule(rule);
    const raws = rawMatches(rule);
    for (let i = 0; i < raws.length; i++) {
      const match = compileMatch(raws[i], raws === DEFAULT_MATCHES ? -1 : i);
      out.push({
        match,
        attachment,
        route,
        rule,
        routeRef,
        nsName: name,
        created,
        pathRank: PATH_RANK[match.path.kind],
        // HTTPRouteRule.matches: "Prefix" path match with largest number of characters (the value as written).
        pathLength: match.path.value.length,
        methodRank: match.method === null ? 0 : 1,
        headerCount: match.headers.length,
        queryCount: match.query.length,
        ruleIndex: rule.index,
        matchIndex: i,
        plan,
      });
    }
  }
  return out;
}

/** HTTPRouteRule.matches: "If no matches are specified, the default is a prefix path match on "/"". */
const DEFAULT_MATCHES: unknown[] = [{ path: { type: "PathPrefix", value: "/" } }];

function rawMatches(rule: RuleView): unknown[] {
  const m = rule.raw?.matches;
  return Array.isArray(m) && m.length > 0 ? m : DEFAULT_MATCHES;
}
