/**
 * Route attachment through parentRefs (CommonRouteSpec.parentRefs, ParentReference.sectionName/port):
 * a parentRef selects the whole Gateway or the listeners with that name and/or port; "an attachment
 * is considered successful if at least one section in the parent resource accepts it". Listeners
 * accept by allowedRoutes (kind, namespace) and by hostname intersection.
 * Reasons (RouteConditionReason): NoMatchingParent (no listener has that sectionName/port),
 * NotAllowedByListeners (kind or namespace refused), NoMatchingListenerHostname (no hostname overlap).
 */
import { cond } from "../model/status";
import { refKey, normalizeGroup } from "../model/ids";
import { GATEWAY_GROUP } from "../model/kinds";
import { type Ctx, type ListenerState, type ParentState, type RouteState, arr, isRecord, str } from "./context";
import { notAllowedReason } from "./allowed-routes";
import { effectiveHostnames } from "./hostname";

/** `ns/name[/section][:port]`: how parents are named in status and views. */
export function formatParentRef(namespace: string, name: string, sectionName?: string, port?: number): string {
  return `${namespace}/${name}${sectionName ? `/${sectionName}` : ""}${port !== undefined ? `:${port}` : ""}`;
}

/** Kinds that carry hostnames (the others attach regardless of listener hostnames). */
const HOSTNAME_KINDS = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute"]);

/** Attach one route through all its parentRefs. */
export function attachRoute(ctx: Ctx, rs: RouteState): void {
  const seen = new Set<string>();
  arr(rs.res.spec?.parentRefs).forEach((raw, index) => {
    const o = isRecord(raw) ? (raw as Record<string, unknown>) : {};
    const group = o.group === undefined ? GATEWAY_GROUP : normalizeGroup(str(o.group));
    const kind = str(o.kind) || "Gateway";
    const namespace = str(o.namespace) || rs.res.namespace;
    const name = str(o.name);
    const sectionName = str(o.sectionName) || undefined;
    const port = typeof o.port === "number" ? o.port : undefined;
    const ref = formatParentRef(namespace, name, sectionName, port);
    const dupKey = `${group}/${kind}/${ref}`;
    const ps: ParentState = {
      view: { index, ref, kind, group, namespace, name, ...(sectionName ? { sectionName } : {}), ...(port !== undefined ? { port } : {}), accepted: false, reason: "", listeners: [] },
      conds: new Map(),
      ref: raw,
      distinct: !seen.has(dupKey),
    };
    seen.add(dupKey);
    rs.parents.push(ps);
    rs.view.parents.push(ps.view);
    const path = ["spec", "parentRefs", index];
    if (group === GATEWAY_GROUP && kind === "Gateway") attachToGateway(ctx, rs, ps, path);
    else if (group === "" && kind === "Service") {
      // GAMMA (mesh) parents are simulated later; accept them without checks and say so.
      ps.view.accepted = true;
      ps.view.reason = "Accepted";
      ps.conds.set("Accepted", cond("Accepted", true, "Accepted", "mesh (GAMMA) parent: accepted without checks; mesh attachment is not simulated yet"));
      ctx.relate({ type: "parentRef", from: rs.view.key, to: refKey({ kind, namespace, name }), ok: true, path });
    } else reject(ctx, rs, ps, path, "NoMatchingParent", `parent kind ${group ? group + "/" : ""}${kind} is not supported by the simulated controller`, refKey({ kind, namespace, name }));
  });
}

function reject(ctx: Ctx, rs: RouteState, ps: ParentState, path: (string | number)[], reason: string, message: string, to: string, severity: "error" | "warning" = "error"): void {
  ps.view.accepted = false;
  ps.view.reason = reason;
  ps.conds.set("Accepted", cond("Accepted", false, reason, message));
  ctx.relate({ type: "parentRef", from: rs.view.key, to, ok: false, reason, section: ps.view.sectionName, path });
  if (ps.distinct) ctx.report(rs.res, path, severity, reason, `${rs.res.kind} ${rs.res.namespace}/${rs.res.name} parentRef ${ps.view.ref}: ${message}`);
}

function attachToGateway(ctx: Ctx, rs: RouteState, ps: ParentState, path: (string | number)[]): void {
  const { namespace, name, sectionName, port } = ps.view;
  const gwKey = refKey({ kind: "Gateway", namespace, name });
  const gw = ctx.gatewayByKey.get(gwKey);
  if (!gw) {
    reject(ctx, rs, ps, path, "NoMatchingParent", `Gateway ${namespace}/${name} is not in the input`, gwKey, "warning");
    return;
  }
  const candidates = gw.listeners.filter((l) => (!sectionName || l.view.name === sectionName) && (port === undefined || l.view.port === port));
  if (candidates.length === 0) {
    const what = sectionName && port !== undefined ? `named ${sectionName} on port ${port}` : sectionName ? `named ${sectionName}` : `on port ${port}`;
    reject(ctx, rs, ps, [...path, sectionName ? "sectionName" : "port"], "NoMatchingParent", `Gateway ${namespace}/${name} has no listener ${what}`, gwKey);
    return;
  }
  const refused: string[] = [];
  const noHost: string[] = [];
  const attached: ListenerState[] = [];
  for (const ls of candidates) {
    const why = notAllowedReason(ctx, ls, rs.res);
    if (why) {
      refused.push(why);
      continue;
    }
    const hostnames = HOSTNAME_KINDS.has(rs.res.kind) ? effectiveHostnames(ls.view.hostname, rs.view.hostnames) : ls.view.hostname ? [ls.view.hostname] : [];
    if (!hostnames) {
      noHost.push(`listener ${ls.view.name} (${ls.view.hostname})`);
      continue;
    }
    attached.push(ls);
    ps.view.listeners.push(ls.view.id);
    // A route counts once per listener even when two of its parentRefs select the same listener.
    if (!ls.view.routes.some((a) => a.route === rs.view)) {
      ls.view.routes.push({ route: rs.view, parentIndex: ps.view.index, hostnames });
      ls.attached++;
    }
  }
  if (attached.length > 0) {
    ps.view.accepted = true;
    ps.view.reason = "Accepted";
    ps.conds.set("Accepted", cond("Accepted", true, "Accepted", `attached to ${attached.map((l) => l.view.name).join(", ")}`));
    ctx.relate({ type: "parentRef", from: rs.view.key, to: gwKey, ok: true, section: sectionName, path });
    return;
  }
  // A listener that admits the route but shares no hostname with it is the closer miss: say that.
  if (noHost.length > 0) {
    const also = refused.length > 0 ? ` (other listeners: ${refused.join("; ")})` : "";
    reject(ctx, rs, ps, path, "NoMatchingListenerHostname", `no hostname of the route (${rs.view.hostnames.join(", ")}) intersects ${noHost.join(", ")}${also}`, gwKey);
  } else {
    reject(ctx, rs, ps, path, "NotAllowedByListeners", refused.join("; "), gwKey);
  }
}

/** Rule: attach every route. */
export function runParentRefs(ctx: Ctx): void {
  for (const rs of ctx.routes) attachRoute(ctx, rs);
}
