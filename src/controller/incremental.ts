/**
 * The route rules (routes, backend-refs, parent-refs, route-status) run with a ControllerCache: a
 * route found in the cache is not computed again; its recorded effects are replayed, in the order a
 * fresh run produces them (every route's backend effects, then every route's attachment effects,
 * then the statuses), so the Model is the same as without the cache. Only the aggregates — listener
 * route lists and attachedRoutes — and the per-run objects (route views, which point at this parse's
 * Resource) are rebuilt for every route.
 */
import type { Resource } from "../model/resource";
import type { Relation, RouteView } from "../model/model";
import { type AssumptionKey, type Ctx, type Effects, type ListenerState, arr } from "./context";
import type { ControllerCache, RouteMemo } from "./cache";
import { routeState } from "./routes";
import { resolveRouteBackends } from "./backend-refs";
import { attachRoute } from "./parent-refs";
import { routeStatus } from "./route-status";

/** Names of the rules `runRoutesIncremental` stands for. */
export const ROUTE_RULES: ReadonlySet<string> = new Set(["routes", "backend-refs", "parent-refs", "route-status"]);

/**
 * Route states, backends, attachment and route status of every route, reusing the cache. One pass
 * over the routes: attachment effects (relations, reports, assumptions) are set aside and applied
 * after every route's backend effects, the order of a fresh run.
 */
export function runRoutesIncremental(ctx: Ctx, cache: ControllerCache): void {
  const resources = ctx.routeResources;
  const keys = ctx.routeKeys;
  // Results made for another environment do not hold (the key found with them does).
  const memos = cache.lastEnvChanged ? null : ctx.routeMemos;
  const listeners = listenerStates(ctx);
  let positions: Map<ListenerState, number> | null = null;
  const laterRelations: Relation[] = [];
  let later: { m: RouteMemo; res: Resource }[] | null = null;
  for (let i = 0; i < resources.length; i++) {
    const res = resources[i];
    let m = memos ? memos[i] : undefined;
    if (!m) {
      positions ??= new Map(listeners.map((ls, p) => [ls, p]));
      m = computeRoute(ctx, res, keys[i], positions);
      cache.store(res, m);
    }
    const view: RouteView = { key: keys[i], kind: res.kind, resource: res, hostnames: m.hostnames, rules: m.rules, parents: m.parents };
    ctx.routes.push({ res, kindKey: m.kindKey, view, parents: arr(null), resolved: m.resolved, attachedTo: null });
    ctx.relationsAt.push(ctx.relations.length);
    ctx.replay(m.backendRelations, m.backendReports, m.backendAssumptions, m.res, res);
    const pr = m.parentRelations;
    ctx.parentRelationsAt.push(laterRelations.length);
    for (let j = 0; j < pr.length; j++) laterRelations.push(pr[j]);
    if (m.parentReports !== null || m.parentAssumptions !== null) (later ??= []).push({ m, res });
    for (let j = 0; j < m.attach.length; j++) {
      const a = m.attach[j];
      const ls = listeners[a.ls];
      ls.view.routes.push({ route: view, parentIndex: a.parentIndex, hostnames: a.hostnames });
      ls.attached++;
    }
    ctx.status.set(keys[i], m.status);
    ctx.finalMemos.push(m);
  }
  const base = ctx.relations.length;
  for (let i = 0; i < ctx.parentRelationsAt.length; i++) ctx.parentRelationsAt[i] += base;
  for (let j = 0; j < laterRelations.length; j++) ctx.relations.push(laterRelations[j]);
  if (later) for (const { m, res } of later) ctx.replay(NONE, m.parentReports, m.parentAssumptions, m.res, res);
}

const NONE: Relation[] = [];

/** Every listener a route can attach to, in the order memos number them (`RouteMemo.attach[].ls`). */
export function listenerStates(ctx: Ctx): ListenerState[] {
  const listeners: ListenerState[] = [];
  for (const gw of ctx.gateways) for (const ls of gw.listeners) listeners.push(ls);
  for (const set of ctx.listenerSets) for (const ls of set.listeners) listeners.push(ls);
  return listeners;
}

/**
 * One route computed again against a finished run's context (its indexes and listeners; nothing
 * a route computation reads changes after the route rules ran), for patching that run's Model.
 */
export function recomputeRoute(ctx: Ctx, res: Resource, key: string): RouteMemo {
  const listeners = listenerStates(ctx);
  return computeRoute(ctx, res, key, new Map(listeners.map((ls, p) => [ls, p])));
}

function effects(): Effects {
  return { relations: [], reports: [], assumptions: [], attachments: [] };
}

/** Compute one route as the fresh rules would, recording (not applying) what it does to the shared sinks. */
function computeRoute(ctx: Ctx, res: Resource, key: string, positions: Map<ListenerState, number>): RouteMemo {
  const rs = routeState(res, key);
  const backend = effects();
  const parent = effects();
  try {
    ctx.rec = backend;
    resolveRouteBackends(ctx, rs);
    ctx.rec = parent;
    attachRoute(ctx, rs);
  } finally {
    ctx.rec = null;
  }
  const attach = parent.attachments.map((a) => {
    const p = positions.get(a.ls);
    if (p === undefined) throw new Error(`listener ${a.ls.view.id} is not among the Gateways' and ListenerSets' listeners`);
    return { ls: p, parentIndex: a.parentIndex, hostnames: a.hostnames };
  });
  parent.attachments = [];
  // A route's second attempt at the same assumption never adds one: keep only the first of each.
  backend.assumptions = firstOfEach(backend.assumptions);
  parent.assumptions = firstOfEach(parent.assumptions);
  const v = rs.view;
  return {
    res,
    kind: res.kind,
    group: res.group,
    namespace: res.namespace,
    name: res.name,
    known: res.known,
    spec: res.spec,
    metadata: res.metadata,
    key,
    kindKey: rs.kindKey,
    hostnames: v.hostnames,
    rules: v.rules,
    parents: v.parents,
    resolved: rs.resolved,
    backendRelations: backend.relations,
    backendReports: backend.reports.length > 0 ? backend.reports : null,
    backendAssumptions: backend.assumptions.length > 0 ? backend.assumptions : null,
    parentRelations: parent.relations,
    parentReports: parent.reports.length > 0 ? parent.reports : null,
    parentAssumptions: parent.assumptions.length > 0 ? parent.assumptions : null,
    attach,
    status: routeStatus(rs),
  };
}

function firstOfEach(list: Effects["assumptions"]): Effects["assumptions"] {
  if (list.length < 2) return list;
  const seen = new Set<AssumptionKey>();
  return list.filter((a) => !seen.has(a.key) && seen.add(a.key));
}
