/**
 * Summary conditions of listeners and Gateways, attachedRoutes and supportedKinds, and the
 * ResourceStatus of Gateways and GatewayClasses. Runs last: every other rule has recorded its
 * problems as False conditions on the listener or Gateway.
 */
import { cond, type Condition, type ListenerStatus, type ResourceStatus } from "../model/status";
import { GATEWAY_GROUP } from "../model/kinds";
import { refKey } from "../model/ids";
import { type Ctx, type GatewayState, type ListenerState, generationOf } from "./context";

/** The order conditions appear in status (a stable order keeps diffs and tests readable). */
const LISTENER_ORDER = ["Accepted", "Programmed", "ResolvedRefs", "Conflicted", "OverlappingTLSConfig"];
const GATEWAY_ORDER = ["Accepted", "Programmed", "ResolvedRefs", "InsecureFrontendValidationMode"];

/** Conditions in the order of `order` (others after, as set), stamped with the generation. */
export function ordered(set: Map<string, Condition>, order: string[], gen: number): Condition[] {
  const out: Condition[] = [];
  for (const t of order) {
    const c = set.get(t);
    if (c) out.push({ ...c, observedGeneration: gen });
  }
  for (const [t, c] of set) if (!order.includes(t)) out.push({ ...c, observedGeneration: gen });
  return out;
}

/**
 * Listener summary (ListenerConditionType): Accepted True unless a rule set it False; ResolvedRefs
 * True unless a reference failed; Conflicted False/NoConflicts unless conflicted; Programmed True
 * only when accepted with resolved references ("Invalid" otherwise, or the conflict reason).
 */
export function finishListener(ls: ListenerState, gatewayOk: boolean): void {
  const c = ls.conds;
  if (!c.has("Accepted")) c.set("Accepted", cond("Accepted", true, "Accepted", "listener is valid"));
  if (!c.has("ResolvedRefs")) c.set("ResolvedRefs", cond("ResolvedRefs", true, "ResolvedRefs", "all references resolved"));
  if (!c.has("Conflicted")) c.set("Conflicted", cond("Conflicted", false, "NoConflicts", "no conflicts"));
  const accepted = c.get("Accepted")!.status === "True";
  const resolved = c.get("ResolvedRefs")!.status === "True";
  const conflict = c.get("Conflicted")!;
  let programmed: Condition;
  if (conflict.status === "True") programmed = cond("Programmed", false, conflict.reason, conflict.message);
  else if (!accepted) programmed = cond("Programmed", false, "Invalid", c.get("Accepted")!.message);
  else if (!resolved) programmed = cond("Programmed", false, "Invalid", c.get("ResolvedRefs")!.message);
  else if (!gatewayOk) programmed = cond("Programmed", false, "Invalid", "the Gateway is not accepted");
  else programmed = cond("Programmed", true, "Programmed", "listener is programmed");
  c.set("Programmed", programmed);
  ls.view.accepted = accepted;
  ls.view.resolvedRefs = resolved;
  ls.view.programmed = programmed.status === "True";
  // Conflicted or unaccepted listeners serve no route kinds (as upstream expects supportedKinds: []).
  ls.view.supportedKinds = accepted && conflict.status !== "True" ? [...ls.kinds].map((k) => k.slice(k.indexOf("/") + 1)) : [];
}

/** The status of one listener (its conditions also become the view's). */
export function listenerStatus(ls: ListenerState, gen: number): ListenerStatus {
  ls.view.conditions = ordered(ls.conds, LISTENER_ORDER, gen);
  return {
    name: ls.view.name,
    attachedRoutes: ls.attached,
    supportedKinds: ls.view.supportedKinds.map((kind) => ({ group: GATEWAY_GROUP, kind })),
    conditions: ls.view.conditions,
  };
}

/**
 * Gateway summary (GatewayConditionType). Accepted: False with a reason a rule set (InvalidParameters,
 * UnsupportedAddress), else "ListenersNotValid" — False when no listener is valid, True when some are
 * ("This can be the reason when "Accepted" is "True" or "False""). Programmed follows Accepted.
 * ResolvedRefs: "a positive-polarity summary of Listener's ResolvedRefs" unless a Gateway-level
 * reference failed.
 */
export function finishGateway(ctx: Ctx, gw: GatewayState): void {
  const c = gw.conds;
  const invalid = gw.listeners.filter((l) => l.conds.get("Accepted")?.status === "False" || l.conds.get("Conflicted")?.status === "True");
  if (!gw.classOk && !c.has("Accepted")) c.set("Accepted", cond("Accepted", "Unknown", "Pending", `GatewayClass ${gw.view.className} is not accepted`));
  if (!c.has("Accepted")) {
    // Gateway.spec.listeners: "At least one Listener MUST be specified."
    if (gw.listeners.length === 0) c.set("Accepted", cond("Accepted", false, "ListenersNotValid", "the Gateway has no listeners"));
    else if (invalid.length === gw.listeners.length) c.set("Accepted", cond("Accepted", false, "ListenersNotValid", `no valid listener: ${invalid.map((l) => l.view.name).join(", ")}`));
    else if (invalid.length > 0) c.set("Accepted", cond("Accepted", true, "ListenersNotValid", `invalid listeners: ${invalid.map((l) => l.view.name).join(", ")}`));
    else c.set("Accepted", cond("Accepted", true, "Accepted", "accepted"));
  }
  const accepted = c.get("Accepted")!;
  // Listener problems are reported on the listeners; a Gateway left with none is reported once, here.
  if (accepted.status === "False" && accepted.reason === "ListenersNotValid") ctx.report(gw.res, ["spec", "listeners"], "error", "ListenersNotValid", `Gateway ${gw.res.namespace}/${gw.res.name}: ${accepted.message}`);
  if (!c.has("Programmed")) {
    c.set("Programmed", accepted.status === "True" ? cond("Programmed", true, "Programmed", "programmed") : cond("Programmed", false, accepted.status === "Unknown" ? "Pending" : "Invalid", accepted.message));
  }
  if (!c.has("ResolvedRefs")) {
    const unresolved = gw.listeners.filter((l) => l.conds.get("ResolvedRefs")?.status === "False");
    c.set("ResolvedRefs", unresolved.length > 0 ? cond("ResolvedRefs", false, "ListenersNotResolved", `listeners with unresolved references: ${unresolved.map((l) => l.view.name).join(", ")}`) : cond("ResolvedRefs", true, "ResolvedRefs", "all references resolved"));
  }
  gw.view.accepted = accepted.status === "True";
  gw.view.programmed = c.get("Programmed")!.status === "True";
}

/** Rule: summaries and the status of every Gateway and GatewayClass. */
export function runGatewayStatus(ctx: Ctx): void {
  for (const gc of ctx.gatewayClasses) {
    const set = ctx.objectConds.get(refKey(gc));
    if (set) ctx.status.set(refKey(gc), { kind: gc.kind, namespace: "", name: gc.name, conditions: ordered(set, ["Accepted", "SupportedVersion"], generationOf(gc)) });
  }
  for (const gw of ctx.gateways) {
    // Listener programming depends on the Gateway's own acceptance (parameters, addresses, class).
    const gatewayLevelOk = gw.classOk && gw.conds.get("Accepted")?.status !== "False";
    for (const ls of gw.listeners) finishListener(ls, gatewayLevelOk);
    finishGateway(ctx, gw);
    const gen = generationOf(gw.res);
    const status: ResourceStatus = {
      kind: "Gateway",
      namespace: gw.res.namespace,
      name: gw.res.name,
      conditions: ordered(gw.conds, GATEWAY_ORDER, gen),
      listeners: gw.listeners.map((l) => listenerStatus(l, gen)),
    };
    ctx.status.set(gw.view.key, status);
  }
}
