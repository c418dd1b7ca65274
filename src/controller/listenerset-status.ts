/**
 * ListenerSet status (ListenerSetStatus) and the Gateway's `status.attachedListenerSets`. Runs after
 * gateway-status.ts: a ListenerSet's listeners are programmed only on an accepted Gateway.
 *
 * ListenerSetConditionType Accepted — True/Accepted; False with "NotAllowed" ("the ListenerSet is not
 * allowed to be attached to the Gateway"), "ParentNotAccepted" ("the parent Gateway is not
 * accepted"), "Invalid", or "ListenersNotValid" ("one or more Listeners have an invalid or unsupported
 * configuration … This can be the reason when "Accepted" is "True" or "False", depending on whether
 * the listener being invalid causes the entire ListenerSet to not be accepted"): False when no
 * listener is valid, True when some are. Programmed — True/Programmed, else False with "Invalid",
 * "ParentNotProgrammed" or "ListenersNotValid" (the same reasons as Accepted when not accepted).
 * A listener is valid when it could be programmed: accepted, its references resolved, not conflicted
 * (conformance ListenerSetReferenceGrant: a set whose only listener has RefNotPermitted is
 * Accepted=False/ListenersNotValid).
 *
 * Gateway.status.attachedListenerSets: "the total number of ListenerSets that have been successfully
 * attached to this Gateway … selected by the Gateway's AllowedListeners field … a valid ParentRef
 * selecting the Gateway … the condition "Accepted: true"". Reported for Gateways that set
 * allowedListeners or that some ListenerSet names (other Gateways' status is left as it was).
 */
import { cond, type Condition, type ListenerStatus, type ResourceStatus } from "../model/status";
import { type CondSet, type Ctx, type GatewayState, generationOf } from "./context";
import { finishListener, listenerStatus, ordered } from "./gateway-status";
import { type ListenerSetState, detachedListenerConds } from "./listenerset-state";

const SET_ORDER = ["Accepted", "Programmed"];

/** Whether a listener of the set could be programmed (see above). */
function valid(c: CondSet): boolean {
  return c.get("Accepted")?.status === "True" && c.get("ResolvedRefs")?.status !== "False" && c.get("Conflicted")?.status !== "True";
}

/** The set's own conditions, from its refusal, its parent and its listeners (their conditions final). */
export function setConditions(set: ListenerSetState): { accepted: Condition; programmed: Condition } {
  if (set.refusal) {
    const { reason, message } = set.refusal;
    return { accepted: cond("Accepted", false, reason, message), programmed: cond("Programmed", false, reason, message) };
  }
  const gw = set.gw!;
  const gwName = `Gateway ${gw.res.namespace}/${gw.res.name}`;
  if (!gw.view.accepted) {
    const why = `${gwName} is not accepted (${gw.conds.get("Accepted")?.reason ?? "Pending"})`;
    return { accepted: cond("Accepted", false, "ParentNotAccepted", why), programmed: cond("Programmed", false, "ParentNotProgrammed", why) };
  }
  const invalid = set.listeners.filter((l) => !valid(l.conds)).map((l) => l.view.name);
  let accepted: Condition;
  // ListenerSetSpec.listeners has MinItems=1: a set without listeners contributes nothing.
  if (set.listeners.length === 0) accepted = cond("Accepted", false, "ListenersNotValid", "the ListenerSet has no listeners");
  else if (invalid.length === set.listeners.length) accepted = cond("Accepted", false, "ListenersNotValid", `no valid listener: ${invalid.join(", ")}`);
  else if (invalid.length > 0) accepted = cond("Accepted", true, "ListenersNotValid", `invalid listeners: ${invalid.join(", ")}`);
  else accepted = cond("Accepted", true, "Accepted", `attached to ${gwName}`);
  let programmed: Condition;
  if (accepted.status === "False") programmed = cond("Programmed", false, accepted.reason, accepted.message);
  else if (!gw.view.programmed) programmed = cond("Programmed", false, "ParentNotProgrammed", `${gwName} is not programmed`);
  else programmed = cond("Programmed", true, "Programmed", "programmed");
  return { accepted, programmed };
}

/** Finish the listeners of a set and compute its status. */
function setStatus(ctx: Ctx, set: ListenerSetState): ResourceStatus {
  const gen = generationOf(set.res);
  let listeners: ListenerStatus[];
  if (set.gw) {
    for (const ls of set.listeners) {
      finishListener(ls, set.gw.view.accepted);
      if (set.refusal) {
        // Not on the data plane at all: say why instead of "Invalid".
        ls.conds.set("Programmed", cond("Programmed", false, set.refusal.reason, set.refusal.message));
        ls.view.programmed = false;
      }
    }
    listeners = set.listeners.map((ls) => listenerStatus(ls, gen));
  } else {
    listeners = detachedListenerConds(set).map((l) => ({ name: l.name, attachedRoutes: 0, supportedKinds: [], conditions: [l.accepted, l.programmed].map((c) => ({ ...c, observedGeneration: gen })) }));
  }
  const { accepted, programmed } = setConditions(set);
  set.conds.set("Accepted", accepted);
  set.conds.set("Programmed", programmed);
  if (!set.refusal && accepted.status === "False") {
    ctx.report(set.res, accepted.reason === "ParentNotAccepted" ? ["spec", "parentRef"] : ["spec", "listeners"], accepted.reason === "ParentNotAccepted" ? "warning" : "error", accepted.reason, `${set.res.kind} ${set.res.namespace}/${set.res.name}: ${accepted.message}`);
  }
  return { kind: set.res.kind, namespace: set.res.namespace, name: set.res.name, conditions: ordered(set.conds, SET_ORDER, gen), listeners };
}

/** Rule: status of every ListenerSet, and attachedListenerSets of the Gateways concerned. */
export function runListenerSetStatus(ctx: Ctx): void {
  const attached = new Map<GatewayState, number>();
  for (const set of ctx.listenerSets) {
    ctx.status.set(set.key, setStatus(ctx, set));
    if (!set.gw) continue;
    const ok = !set.refusal && set.conds.get("Accepted")?.status === "True";
    attached.set(set.gw, (attached.get(set.gw) ?? 0) + (ok ? 1 : 0));
  }
  for (const gw of ctx.gateways) {
    const n = attached.get(gw);
    if (n === undefined && gw.res.spec?.allowedListeners === undefined) continue;
    const st = ctx.status.get(gw.view.key);
    if (st) st.attachedListenerSets = n ?? 0;
  }
}
