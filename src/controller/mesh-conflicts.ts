/**
 * Routes of different kinds on one Service port (mesh, GAMMA). GEP-1294 "Route types": "If multiple
 * routes with different types both bind to the same Service and Port pair, only a single route type
 * should be applied. The rejected routes should be ignored and have the RouteConditionAccepted
 * status set to the (new) reason RouteReasonConflicted. Route type specificity is defined in the
 * following order (first one wins): GRPCRoute, HTTPRoute, TLSRoute, TCPRoute. Because UDP is its own
 * protocol, it is orthogonal to these precedence order." And "Multiple routes for a Service": "The
 * merging of routes occurs only within groups of the same type of routes (Gateway bound, producer,
 * or consumer)" — so kinds compete within the routes one namespace attaches to one Service.
 *
 * This rule runs after the route rules on every run (also with a ControllerCache: it depends on
 * several routes, so it is not part of any route's cached results). It never mutates what the
 * cache keeps: a conflicted parent gets a new ParentView, a new status object and a new relation.
 * A route that loses on some of its ports only stays Accepted ("an attachment is considered
 * successful as long as the parent resource accepts it partially") and gets a warning; the matcher
 * applies the same order per port (`meshKindRank`).
 */
import type { ParentView, Relation } from "../model/model";
import type { ResourceStatus } from "../model/status";
import type { Ctx, RouteState } from "./context";
import { generationOf } from "./context";
import { parentRefPath, relation } from "./shared";

/** GEP-1294 route type specificity (lower wins); UDPRoute is orthogonal (-1: never competes). */
export function meshKindRank(kind: string): number {
  switch (kind) {
    case "GRPCRoute":
      return 0;
    case "HTTPRoute":
      return 1;
    case "TLSRoute":
      return 2;
    case "TCPRoute":
      return 3;
    default:
      return -1;
  }
}

/** Whether an attachment to these Service ports (null = all) covers `port`. */
export function coversPort(ports: number[] | null, port: number): boolean {
  return ports === null || ports.includes(port);
}

interface Entry {
  rs: RouteState;
  view: ParentView;
  rank: number;
  ports: number[] | null;
}

/** What one losing attachment loses: every port (conflicted) or some (a warning), and to whom. */
interface Loss {
  entry: Entry;
  full: boolean;
  ports: (number | "all")[];
  winner: Entry;
}

/** Rule: mesh parents whose Service port is taken by a more specific route kind. */
export function runMeshConflicts(ctx: Ctx): void {
  let groups: Map<string, Entry[]> | null = null;
  const routes = ctx.routes;
  for (let i = 0; i < routes.length; i++) {
    const rs = routes[i];
    const parents = rs.view.parents;
    for (let j = 0; j < parents.length; j++) {
      const view = parents[j];
      const mesh = view.mesh;
      if (mesh === undefined || !view.accepted) continue;
      const rank = meshKindRank(rs.res.kind);
      if (rank < 0) continue;
      const group = `${mesh.service}|${rs.res.namespace}`;
      groups ??= new Map();
      const list = groups.get(group);
      const e: Entry = { rs, view, rank, ports: mesh.ports };
      if (list) list.push(e);
      else groups.set(group, [e]);
    }
  }
  if (groups === null) return;
  const losses: Loss[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    let min = list[0].rank;
    let max = min;
    for (const e of list) {
      if (e.rank < min) min = e.rank;
      if (e.rank > max) max = e.rank;
    }
    if (min === max) continue;
    for (const e of list) if (e.rank > min) lossOf(e, list, losses);
  }
  if (losses.length > 0) apply(ctx, losses);
}

/** The ports `e` loses to a more specific kind in its group, if any. */
function lossOf(e: Entry, list: Entry[], out: Loss[]): void {
  const better = list.filter((b) => b.rank < e.rank).sort((a, b) => a.rank - b.rank);
  const coversAll = better.find((b) => b.ports === null);
  if (coversAll) {
    out.push({ entry: e, full: true, ports: e.ports ?? ["all"], winner: coversAll });
    return;
  }
  if (e.ports === null) {
    // Every port but those the better kinds name stays with this route.
    out.push({ entry: e, full: false, ports: [...new Set(better.flatMap((b) => b.ports ?? []))], winner: better[0] });
    return;
  }
  const lost = e.ports.filter((p) => better.some((b) => coversPort(b.ports, p)));
  if (lost.length === 0) return;
  const winner = better.find((b) => coversPort(b.ports, lost[0])) ?? better[0];
  out.push({ entry: e, full: lost.length === e.ports.length, ports: lost, winner });
}

function apply(ctx: Ctx, losses: Loss[]): void {
  const conflicted = new Map<RouteState, Loss[]>();
  for (const l of losses) {
    const { rs, view } = l.entry;
    const w = l.winner;
    const where = l.ports[0] === "all" ? "on every port" : `on port${l.ports.length > 1 ? "s" : ""} ${l.ports.join(", ")}`;
    const message = `${w.rs.res.kind} ${w.rs.res.namespace}/${w.rs.res.name} also binds to Service ${view.mesh!.service} ${where}, and ${w.rs.res.kind} takes precedence over ${rs.res.kind} there (GEP-1294 "Route types": GRPCRoute, HTTPRoute, TLSRoute, TCPRoute; first one wins)`;
    ctx.report(rs.res, parentRefPath(view.index), "warning", l.full ? "Conflicted" : "mesh-port-conflict", `${rs.res.kind} ${rs.res.namespace}/${rs.res.name} parentRef ${view.ref}: ${l.full ? "not applied: " : "ignored on some ports: "}${message}`);
    if (!l.full) continue;
    const list = conflicted.get(rs);
    if (list) list.push(l);
    else conflicted.set(rs, [l]);
  }
  if (conflicted.size === 0) return;
  // Relations of the conflicted parents, replaced by position (found in one pass over the relations).
  const byRoute = new Map<string, Map<number, number>>();
  for (const rs of conflicted.keys()) byRoute.set(rs.view.key, new Map());
  const rels = ctx.relations;
  for (let i = 0; i < rels.length; i++) {
    const r = rels[i];
    if (r.type !== "meshParent") continue;
    const at = byRoute.get(r.from);
    if (at !== undefined && typeof r.path[2] === "number") at.set(r.path[2], i);
  }
  for (const [rs, list] of conflicted) {
    const parents = [...rs.view.parents];
    const gen = generationOf(rs.res);
    const old = ctx.status.get(rs.view.key);
    let status: ResourceStatus | undefined = old ? { ...old, parents: old.parents ? [...old.parents] : undefined } : undefined;
    for (const l of list) {
      const view = l.entry.view;
      const w = l.winner.rs.res;
      const message = `${w.kind} ${w.namespace}/${w.name} binds to the same Service port${l.ports.length > 1 ? "s" : ""} and takes precedence over ${rs.res.kind} (GEP-1294 "Route types")`;
      parents[view.index] = { ...view, accepted: false, reason: "Conflicted" };
      const pos = byRoute.get(rs.view.key)?.get(view.index);
      if (pos !== undefined) {
        const r: Relation = rels[pos];
        rels[pos] = relation(r.type, r.from, r.to, false, r.path, "Conflicted", r.section, r.grant, r.weight);
      }
      if (status?.parents) {
        const k = status.parents.findIndex((p) => p.parentKind === "Service" && p.parentRef === view.ref);
        if (k >= 0) {
          const p = status.parents[k];
          const conditions = p.conditions.map((c) => (c.type === "Accepted" ? { type: "Accepted", status: "False" as const, reason: "Conflicted", message, observedGeneration: gen } : c));
          status.parents[k] = { ...p, conditions };
        }
      }
    }
    rs.view.parents = parents;
    if (status) ctx.status.set(rs.view.key, status);
  }
  // Views of the routes list the same parents (RouteState.parents is only filled on fresh runs).
  for (const rs of conflicted.keys()) {
    for (let j = 0; j < rs.parents.length; j++) {
      const ps = rs.parents[j];
      if (ps && rs.view.parents[j] !== ps.view) ps.view = rs.view.parents[j];
    }
  }
}
