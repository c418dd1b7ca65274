/**
 * HTTPRoutes and GRPCRoutes sharing hostnames on one listener. GRPCRoute.spec.hostnames:
 *
 *   "If a Route (A) of type HTTPRoute or GRPCRoute is attached to a Listener and that listener
 *    already has another Route (B) of the other type attached and the intersection of the
 *    hostnames of A and B is non-empty, then the implementation MUST accept exactly one of these
 *    two routes, determined by the following criteria, in order:
 *    * The oldest Route based on creation timestamp.
 *    * The Route appearing first in alphabetical order by "{namespace}/{name}".
 *    The rejected Route MUST raise an 'Accepted' condition with a status of 'False' in the
 *    corresponding RouteParentStatus."
 *
 * Routes are taken oldest first; one is rejected on the listener when it shares a hostname with an
 * already kept route of the other kind (`kindLosers`, which the matcher applies too: grpc-kinds.ts).
 * The spec names no reason; this controller writes `Conflicted` (as for GEP-1294's route kinds on
 * one Service port, mesh-conflicts.ts). A parentRef loses only when every listener it attached to
 * rejects the route ("an attachment is considered successful as long as the parent resource accepts
 * it partially"); otherwise a warning says where the route does not apply. A rejected route does not
 * count in the listener's attachedRoutes. The listener keeps the attachment in its route list, so the
 * matcher can say why the route takes no request there.
 *
 * Runs after the route rules on every run (it depends on several routes, so it is not part of any
 * route's cached results) and never mutates what the cache keeps: new parent views, status objects
 * and relations. patch.ts does not patch an edit of a route on a listener with both kinds.
 */
import type { ParentView, Relation, RouteAttachment } from "../model/model";
import type { ResourceStatus } from "../model/status";
import type { Ctx, ListenerState, RouteState } from "./context";
import { generationOf } from "./context";
import { intersectHostname, servedHostnames } from "./hostname";
import { listenerStates } from "./incremental";
import { createdAt } from "./listenerset-state";
import { parentRefPath, relation } from "./shared";

/** One route on a listener, for `kindLosers`. */
export interface KindEntry<T> {
  item: T;
  grpc: boolean;
  /** creationTimestamp in ms (+Infinity when unknown). */
  created: number;
  /** `{namespace}/{name}`. */
  name: string;
  /** Hostnames the route serves on the listener, lower-case; null = any. */
  hosts: (string | null)[];
}

/** Whether two hostname lists (null = any) have a hostname in common. */
export function shareHostname(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  for (const x of a) for (const y of b) if (x === null || y === null || intersectHostname(x, y) !== null) return true;
  return false;
}

/** The entries rejected (each with the older entry of the other kind it shares a hostname with). */
export function kindLosers<T>(entries: KindEntry<T>[]): Map<T, T> {
  const sorted = [...entries].sort((a, b) => (a.created !== b.created ? (a.created < b.created ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const kept: [KindEntry<T>[], KindEntry<T>[]] = [[], []];
  const losers = new Map<T, T>();
  for (const e of sorted) {
    const older = kept[e.grpc ? 0 : 1].find((o) => shareHostname(o.hosts, e.hosts));
    if (older) losers.set(e.item, older.item);
    else kept[e.grpc ? 1 : 0].push(e);
  }
  return losers;
}

/** Whether a listener has attachments of both kinds. */
export function hasBothKinds(routes: readonly RouteAttachment[]): boolean {
  let http = false;
  let grpc = false;
  for (const a of routes) {
    if (a.route.kind === "HTTPRoute") http = true;
    else if (a.route.kind === "GRPCRoute") grpc = true;
    if (http && grpc) return true;
  }
  return false;
}

/** The routes rejected on a listener: route key → key of the older route of the other kind. */
export function listenerKindLosers(ls: ListenerState): Map<string, string> {
  const routes = ls.view.routes;
  if (!hasBothKinds(routes)) return new Map();
  const byRoute = new Map<string, KindEntry<string>>();
  for (const a of routes) {
    const kind = a.route.kind;
    if (kind !== "HTTPRoute" && kind !== "GRPCRoute") continue;
    const hosts = servedHostnames(a.hostnames, ls.view.hostname);
    const seen = byRoute.get(a.route.key);
    // A route attached twice (two parentRefs) serves the union of both attachments' hostnames.
    if (seen) seen.hosts = seen.hosts.includes(null) || hosts.includes(null) ? [null] : [...new Set([...seen.hosts, ...hosts])];
    else {
      const res = a.route.resource;
      byRoute.set(a.route.key, { item: a.route.key, grpc: kind === "GRPCRoute", created: createdAt(res.metadata?.creationTimestamp), name: `${res.namespace}/${res.name}`, hosts });
    }
  }
  return kindLosers([...byRoute.values()]);
}

/** Rule: HTTPRoutes and GRPCRoutes rejected where an older route of the other kind shares a hostname. */
export function runKindConflicts(ctx: Ctx): void {
  /** Route key → listener id → the older route it lost to there. */
  let lost: Map<string, Map<string, string>> | null = null;
  for (const ls of listenerStates(ctx)) {
    const losers = listenerKindLosers(ls);
    if (losers.size === 0) continue;
    for (const [route, older] of losers) {
      lost ??= new Map();
      let at = lost.get(route);
      if (!at) lost.set(route, (at = new Map()));
      at.set(ls.view.id, older);
      ls.attached--;
    }
  }
  if (lost) for (const rs of ctx.routes) if (lost.has(rs.view.key)) reject(ctx, rs, lost.get(rs.view.key)!);
}

/** Reject the route's parentRefs whose every listener rejected it; warn about the others. */
function reject(ctx: Ctx, rs: RouteState, at: Map<string, string>): void {
  const gen = generationOf(rs.res);
  const old = ctx.status.get(rs.view.key);
  const status: ResourceStatus | undefined = old ? { ...old, parents: old.parents ? [...old.parents] : undefined } : undefined;
  let parents: ParentView[] | null = null;
  for (const view of rs.view.parents) {
    if (!view.accepted || view.mesh !== undefined || view.listeners.length === 0) continue;
    const here = view.listeners.filter((id) => at.has(id));
    if (here.length === 0) continue;
    const olders = [...new Set(here.map((id) => at.get(id)!))];
    const why = `${olders.join(", ")} ${olders.length > 1 ? "are" : "is"} older and of the other kind (HTTPRoute/GRPCRoute) with a hostname in common on listener${here.length > 1 ? "s" : ""} ${here.join(", ")}; only one of two such routes is accepted (GRPCRoute.spec.hostnames)`;
    const full = here.length === new Set(view.listeners).size;
    ctx.report(rs.res, parentRefPath(view.index), "warning", full ? "Conflicted" : "route-kind-conflict", `${rs.res.kind} ${rs.res.namespace}/${rs.res.name} parentRef ${view.ref}: ${full ? "not accepted: " : "not applied on some listeners: "}${why}`);
    if (!full) continue;
    parents ??= [...rs.view.parents];
    parents[view.index] = { ...view, accepted: false, reason: "Conflicted" };
    replaceRelation(ctx, rs.view.key, view.index);
    if (status?.parents) {
      const k = status.parents.findIndex((p) => p.parentRef === view.ref && p.parentKind === view.kind);
      if (k >= 0) {
        const p = status.parents[k];
        const conditions = p.conditions.map((c) => (c.type === "Accepted" ? { type: "Accepted", status: "False" as const, reason: "Conflicted", message: why, observedGeneration: gen } : c));
        status.parents[k] = { ...p, conditions };
      }
    }
  }
  if (!parents) return;
  rs.view.parents = parents;
  if (status) ctx.status.set(rs.view.key, status);
  // Fresh runs keep ParentStates beside the views: point them at the new views.
  for (let j = 0; j < rs.parents.length; j++) {
    const ps = rs.parents[j];
    if (ps && rs.view.parents[j] !== ps.view) ps.view = rs.view.parents[j];
  }
}

/** The route's accepted parentRef relation at `spec.parentRefs[index]`, replaced by a refused one. */
function replaceRelation(ctx: Ctx, from: string, index: number): void {
  const rels = ctx.relations;
  for (let i = 0; i < rels.length; i++) {
    const r: Relation = rels[i];
    if (r.type !== "parentRef" || r.from !== from || r.path[2] !== index || !r.ok) continue;
    rels[i] = relation(r.type, r.from, r.to, false, r.path, "Conflicted", r.section, r.grant, r.weight);
    return;
  }
}
