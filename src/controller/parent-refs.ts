/**
 * Route attachment through parentRefs (CommonRouteSpec.parentRefs, ParentReference.sectionName/port):
 * a parentRef selects the whole Gateway or the listeners with that name and/or port; "an attachment
 * is considered successful if at least one section in the parent resource accepts it". Listeners
 * accept by allowedRoutes (kind, namespace) and by hostname intersection.
 * Reasons (RouteConditionReason): NoMatchingParent (no listener has that sectionName/port),
 * NotAllowedByListeners (kind or namespace refused), NoMatchingListenerHostname (no hostname overlap).
 */
import type { ParentView } from "../model/model";
import type { PathSegment } from "../model/source";
import { cond } from "../model/status";
import { refKey, normalizeGroup } from "../model/ids";
import { GATEWAY_GROUP } from "../model/kinds";
import { type Ctx, type ListenerState, type ParentState, type RouteState, arr, isRecord, str } from "./context";
import { notAllowedReason } from "./allowed-routes";
import { effectiveHostnames } from "./hostname";
import { ROUTE_ACCEPTED, parentRefPath, sized, relation } from "./shared";
import { isListenerSetKind } from "./listenerset-state";
import { attachToService } from "./mesh-parents";

/** `ns/name[/section][:port]`: how parents are named in status and views. */
export function formatParentRef(namespace: string, name: string, sectionName?: string, port?: number): string {
  let s = `${namespace}/${name}`;
  if (sectionName) s += `/${sectionName}`;
  if (port !== undefined) s += `:${port}`;
  return s;
}

/** parentRef strings by raw parentRef object (stable across runs for unchanged documents), with the namespace they were built for. */
const refCache = new WeakMap<object, { ns: string; ref: string }>();

function parentRefString(raw: unknown, namespace: string, name: string, sectionName: string | undefined, port: number | undefined): string {
  if (!isRecord(raw)) return formatParentRef(namespace, name, sectionName, port);
  const hit = refCache.get(raw);
  if (hit && hit.ns === namespace) return hit.ref;
  const ref = formatParentRef(namespace, name, sectionName, port);
  refCache.set(raw, { ns: namespace, ref });
  return ref;
}

/** Kinds that carry hostnames (the others attach regardless of listener hostnames). */
const HOSTNAME_KINDS = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute"]);

/** Attach one route through all its parentRefs. */
export function attachRoute(ctx: Ctx, rs: RouteState): void {
  const raws = arr(rs.res.spec?.parentRefs);
  const seen = raws.length > 1 ? new Set<string>() : null;
  if (raws.length > 1) rs.attachedTo = new Set();
  rs.view.parents = sized(raws.length);
  rs.parents = sized(raws.length);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index];
    const o = isRecord(raw) ? raw : {};
    const group = o.group === undefined ? GATEWAY_GROUP : normalizeGroup(str(o.group));
    const kind = str(o.kind) || "Gateway";
    const namespace = str(o.namespace) || rs.res.namespace;
    const name = str(o.name);
    const sectionName = str(o.sectionName) || undefined;
    const port = typeof o.port === "number" ? o.port : undefined;
    const ref = parentRefString(raw, namespace, name, sectionName, port);
    // Every field present (one object shape for all parents: the graph reads them per relation).
    const view: ParentView = { index, ref, kind, group, namespace, name, sectionName, port, accepted: false, reason: "", listeners: arr(null), mesh: undefined, controllerName: undefined };
    // ParentRefs must be distinct; a repeated one gets no second status entry.
    let distinct = true;
    if (seen) {
      const dupKey = `${group}/${kind}/${ref}`;
      distinct = !seen.has(dupKey);
      seen.add(dupKey);
    }
    const ps: ParentState = { view, accepted: null, ref: raw, distinct };
    rs.parents[index] = ps;
    rs.view.parents[index] = view;
    const path = parentRefPath(index);
    if (group === GATEWAY_GROUP && kind === "Gateway") attachToGateway(ctx, rs, ps, path);
    else if (isListenerSetKind(group, kind)) attachToListenerSet(ctx, rs, ps, path);
    else if (group === "" && kind === "Service") attachToService(ctx, rs, ps, path);
    else reject(ctx, rs, ps, path, "NoMatchingParent", `parent kind ${group ? group + "/" : ""}${kind} is not supported by the simulated controller`, refKey({ kind, namespace, name }));
  }
}

/** Record a parentRef that did not attach: Accepted=False with `reason`, a relation and (once per distinct parentRef) a diagnostic. */
export function reject(ctx: Ctx, rs: RouteState, ps: ParentState, path: PathSegment[], reason: string, message: string, to: string, severity: "error" | "warning" = "error"): void {
  ps.view.accepted = false;
  ps.view.reason = reason;
  ps.accepted = cond("Accepted", false, reason, message);
  ctx.relate(relation("parentRef", rs.view.key, to, false, path, reason, ps.view.sectionName));
  if (ps.distinct) ctx.report(rs.res, path, severity, reason, `${rs.res.kind} ${rs.res.namespace}/${rs.res.name} parentRef ${ps.view.ref}: ${message}`);
}

function attachToGateway(ctx: Ctx, rs: RouteState, ps: ParentState, path: PathSegment[]): void {
  const { namespace, name } = ps.view;
  const gwRes = ctx.get(GATEWAY_GROUP, "Gateway", namespace, name);
  const gw = gwRes ? ctx.gatewayByKey.get(ctx.key(gwRes)) : undefined;
  if (!gw) {
    reject(ctx, rs, ps, path, "NoMatchingParent", `Gateway ${namespace}/${name} is not in the input`, `Gateway/${namespace}/${name}`, "warning");
    return;
  }
  attachToListeners(ctx, rs, ps, path, gw.listeners, gw.view.key, `Gateway ${namespace}/${name}`);
}

/**
 * A parentRef of kind ListenerSet (GEP-1713 "Route Attachment": "If a Route has a parentRef that is
 * a ListenerSet, then the ListenerSet is the direct Parent", and only its listeners are relevant).
 * A ListenerSet its Gateway does not take (NotAllowed, no such Gateway…) has no listeners on the
 * data plane: the parentRef does not attach.
 */
function attachToListenerSet(ctx: Ctx, rs: RouteState, ps: ParentState, path: PathSegment[]): void {
  const { group, kind, namespace, name } = ps.view;
  const res = ctx.get(group, kind, namespace, name);
  const set = res ? ctx.listenerSetByKey.get(ctx.key(res)) : undefined;
  if (!set) {
    reject(ctx, rs, ps, path, "NoMatchingParent", `${kind} ${namespace}/${name} is not in the input`, refKey({ kind, namespace, name }), "warning");
    return;
  }
  if (set.refusal) {
    reject(ctx, rs, ps, path, "NoMatchingParent", `${kind} ${namespace}/${name} is not attached to its Gateway (${set.refusal.reason}: ${set.refusal.message})`, set.key);
    return;
  }
  attachToListeners(ctx, rs, ps, path, set.listeners, set.key, `${kind} ${namespace}/${name}`);
}

/**
 * Attach through one parentRef to the relevant listeners of its direct parent (a Gateway's own
 * `spec.listeners`, or a ListenerSet's): those named by sectionName and/or on port, all otherwise.
 */
export function attachToListeners(ctx: Ctx, rs: RouteState, ps: ParentState, path: PathSegment[], listeners: readonly ListenerState[], parentKey: string, parentName: string): void {
  const { sectionName, port } = ps.view;
  let candidates = 0;
  let refused: string[] | null = null;
  let noHost: string[] | null = null;
  const hasHostnames = HOSTNAME_KINDS.has(rs.res.kind);
  for (const ls of listeners) {
    if ((sectionName && ls.view.name !== sectionName) || (port !== undefined && ls.view.port !== port)) continue;
    candidates++;
    const why = notAllowedReason(ctx, ls, rs.res, rs.kindKey);
    if (why) {
      (refused ??= []).push(why);
      continue;
    }
    const hostnames = hasHostnames ? effectiveHostnames(ls.view.hostname, rs.view.hostnames) : ls.view.hostname ? [ls.view.hostname] : [];
    if (!hostnames) {
      (noHost ??= []).push(`listener ${ls.view.name} (${ls.view.hostname})`);
      continue;
    }
    attach(ctx, rs, ps, ls, hostnames);
  }
  if (candidates === 0) {
    const what = sectionName && port !== undefined ? `named ${sectionName} on port ${port}` : sectionName ? `named ${sectionName}` : `on port ${port}`;
    reject(ctx, rs, ps, [...path, sectionName ? "sectionName" : "port"], "NoMatchingParent", `${parentName} has no listener ${what}`, parentKey);
    return;
  }
  if (ps.view.listeners.length > 0) {
    ps.view.accepted = true;
    ps.view.reason = "Accepted";
    ps.accepted = ROUTE_ACCEPTED;
    ctx.relate(relation("parentRef", rs.view.key, parentKey, true, path, undefined, sectionName));
    return;
  }
  // A listener that admits the route but shares no hostname with it is the closer miss: say that.
  if (noHost) {
    const also = refused ? ` (other listeners: ${refused.join("; ")})` : "";
    reject(ctx, rs, ps, path, "NoMatchingListenerHostname", `no hostname of the route (${rs.view.hostnames.join(", ")}) intersects ${noHost.join(", ")}${also}`, parentKey);
  } else {
    reject(ctx, rs, ps, path, "NotAllowedByListeners", (refused ?? []).join("; "), parentKey);
  }
}

/** Record an attachment; a route counts once per listener even when two parentRefs select it. */
function attach(ctx: Ctx, rs: RouteState, ps: ParentState, ls: ListenerState, hostnames: string[]): void {
  // Most parents attach to one listener: an exact-size array, grown only when needed.
  if (ps.view.listeners.length === 0) ps.view.listeners = [ls.view.id];
  else ps.view.listeners.push(ls.view.id);
  if (rs.attachedTo) {
    if (rs.attachedTo.has(ls)) return;
    rs.attachedTo.add(ls);
  }
  // Computing a route for the cache: the listener's side is applied when the route is replayed.
  if (ctx.rec) {
    ctx.rec.attachments.push({ ls, parentIndex: ps.view.index, hostnames });
    return;
  }
  ls.view.routes.push({ route: rs.view, parentIndex: ps.view.index, hostnames });
  ls.attached++;
}

/** Rule: attach every route. */
export function runParentRefs(ctx: Ctx): void {
  for (const rs of ctx.routes) attachRoute(ctx, rs);
}
