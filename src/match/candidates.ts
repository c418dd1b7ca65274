/**
 * The candidates a route contributes on one listener: one per match of each rule, with the keys
 * precedence.ts orders them by.
 */
import { refKey, nsName } from "../model/ids";
import type { RouteAttachment, RuleView } from "../model/model";
import { compileMatch, type CompiledMatch } from "./predicates";
import { PATH_RANK, timestampOf, type Candidate } from "./precedence";
import { planRule, type RulePlan } from "./plan";

/** All candidates of the route behind `attachment`, in rule and match order. */
export function candidatesOf(attachment: RouteAttachment): Candidate[] {
  const route = attachment.route;
  const res = route.resource;
  const routeRef = refKey({ kind: route.kind, namespace: res.namespace, name: res.name });
  const created = timestampOf(res.metadata?.creationTimestamp);
  // Candidates depend on the route's rules and identity only: reuse them while the rule views are the same objects.
  const hit = route.rules.length > 0 ? candidateCache.get(route.rules) : undefined;
  if (hit !== undefined && hit.routeRef === routeRef && hit.namespace === res.namespace && Object.is(hit.created, created)) return hit.cands;
  const name = nsName(res);
  const out: Candidate[] = [];
  for (const rule of route.rules) {
    const plan = plannedRule(rule);
    const raws = rawMatches(rule);
    for (let i = 0; i < raws.length; i++) {
      const match = compiledMatch(raws[i], raws === DEFAULT_MATCHES ? -1 : i);
      out.push({
        match,
        rule,
        namespace: res.namespace,
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
        // Set on first use by the trace; present from the start so every candidate has one shape.
        label: undefined,
      });
    }
  }
  if (route.rules.length > 0) candidateCache.set(route.rules, { routeRef, namespace: res.namespace, created, cands: out });
  return out;
}

/** HTTPRouteRule.matches: "If no matches are specified, the default is a prefix path match on "/"". */
const DEFAULT_MATCHES: unknown[] = [{ path: { type: "PathPrefix", value: "/" } }];

function rawMatches(rule: RuleView): unknown[] {
  const m = rule.raw?.matches;
  return Array.isArray(m) && m.length > 0 ? m : DEFAULT_MATCHES;
}

/**
 * Compiled matches by raw match object, plans by rule view and candidates by a route's rule views.
 * A new Model is indexed after every edit; the parser keeps the raw objects of unchanged documents
 * and the ControllerCache their rule views, so re-indexing compiles only what the edit changed.
 * (Inputs are never mutated in place; candidates are never mutated but for their lazy label.)
 */
const matchCache = new WeakMap<object, CompiledMatch>();
const planCache = new WeakMap<RuleView, RulePlan>();
const candidateCache = new WeakMap<RuleView[], { routeRef: string; namespace: string; created: number; cands: Candidate[] }>();

function compiledMatch(raw: unknown, index: number): CompiledMatch {
  if (raw === null || typeof raw !== "object") return compileMatch(raw, index);
  const hit = matchCache.get(raw);
  // The same object can sit at two indexes of a list (YAML aliases): the index is part of the result.
  if (hit !== undefined && hit.index === index) return hit;
  const m = compileMatch(raw, index);
  matchCache.set(raw, m);
  return m;
}

function plannedRule(rule: RuleView): RulePlan {
  let p = planCache.get(rule);
  if (p === undefined) planCache.set(rule, (p = planRule(rule)));
  return p;
}
