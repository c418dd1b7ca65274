/**
 * ListenerSet (GEP-1713; ListenerSet CRD): "a set of additional listeners to attach to an existing
 * Gateway". This file builds each ListenerSet's state: its parent Gateway (`spec.parentRef`), whether
 * that Gateway takes it (`spec.allowedListeners`, listenerset-allowed.ts), and one listener state per
 * `spec.listeners` entry, merged into the Gateway's view after the Gateway's own listeners so the
 * matcher serves them on the Gateway's address ("Listeners define logical endpoints that are bound
 * on this referenced parent Gateway's addresses").
 *
 * Listener ids: a ListenerSet listener is `gwNamespace/gwName/lsNamespace/lsName/listener`
 * (a Gateway's own listener is `gwNamespace/gwName/listener`). ListenerEntry.name: "Name is not
 * required to be unique across a Gateway and ListenerSets", so the set's namespace and name are
 * part of the id; the Gateway prefix keeps ids grouped under the Gateway whose address serves them.
 */
import type { Resource } from "../model/resource";
import { GATEWAY_GROUP, GATEWAY_X_GROUP } from "../model/kinds";
import { normalizeGroup, refKey } from "../model/ids";
import { cond } from "../model/status";
import { type CondSet, type Ctx, type GatewayState, type ListenerState, arr, isRecord, str } from "./context";
import { makeListener } from "./gateways";
import { allowedListenersRefusal } from "./listenerset-allowed";
import { relation } from "./shared";

/** Why a ListenerSet is not attached to its parent (ListenerSetConditionReason of Accepted=False). */
export interface Refusal {
  reason: "Invalid" | "NotAllowed" | "ParentNotAccepted";
  message: string;
}

export interface ListenerSetState {
  res: Resource;
  /** `ListenerSet/ns/name` (or `XListenerSet/ns/name`). */
  key: string;
  /** `Gateway/ns/name` named by `spec.parentRef` ("" when the parentRef names no Gateway). */
  parentKey: string;
  /** The parent Gateway, when it is in the input (its listener states exist only then). */
  gw: GatewayState | null;
  /** Why the Gateway does not take the set; null when attached (selected by allowedListeners). */
  refusal: Refusal | null;
  listeners: ListenerState[];
  conds: CondSet;
  /** `metadata.creationTimestamp` in ms, +Infinity when absent or unreadable (listener precedence). */
  created: number;
}

/** The ListenerSet kinds: standard `ListenerSet` (v1) and the experimental `XListenerSet` (v1alpha1) that preceded it. */
export function isListenerSetKind(group: string, kind: string): boolean {
  return (group === GATEWAY_GROUP && kind === "ListenerSet") || (group === GATEWAY_X_GROUP && kind === "XListenerSet");
}

/** A creationTimestamp in ms; +Infinity when absent or unreadable (unknown age sorts after known ages). */
export function createdAt(ts: string | undefined): number {
  const t = ts ? Date.parse(ts) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** `{namespace}/{name}` order, the last tie-break of listener precedence. */
function nsNameOrder(a: Resource, b: Resource): number {
  const x = `${a.namespace}/${a.name}`;
  const y = `${b.namespace}/${b.name}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * ListenerSetSpec.listeners: "Implementations MUST treat the parent Gateway as having the merged list
 * of all listeners from itself and attached ListenerSets using the following precedence: 1. "parent"
 * Gateway 2. ListenerSet ordered by creation time (oldest first) 3. ListenerSet ordered alphabetically
 * by "{namespace}/{name}"." This orders the sets (the Gateway comes first by construction).
 */
export function byPrecedence(a: ListenerSetState, b: ListenerSetState): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return nsNameOrder(a.res, b.res);
}

/** The parent Gateway a ListenerSet names, and why it cannot attach when it cannot (ParentGatewayReference: group and kind default to the Gateway's). */
function resolveParent(ctx: Ctx, res: Resource): { parentKey: string; gw: GatewayState | null; refusal: Refusal | null } {
  const raw = res.spec?.parentRef;
  const o = isRecord(raw) ? raw : {};
  const group = o.group === undefined ? GATEWAY_GROUP : normalizeGroup(str(o.group));
  const kind = str(o.kind) || "Gateway";
  const namespace = str(o.namespace) || res.namespace;
  const name = str(o.name);
  if (group !== GATEWAY_GROUP || kind !== "Gateway") {
    return { parentKey: "", gw: null, refusal: { reason: "Invalid", message: `parentRef must name a Gateway (gateway.networking.k8s.io), not ${group ? group + "/" : ""}${kind}` } };
  }
  const parentKey = refKey({ kind: "Gateway", namespace, name });
  const gwRes = name ? ctx.get(GATEWAY_GROUP, "Gateway", namespace, name) : undefined;
  const gw = gwRes ? ctx.gatewayByKey.get(ctx.key(gwRes)) : undefined;
  if (!gw) return { parentKey, gw: null, refusal: { reason: "ParentNotAccepted", message: `Gateway ${namespace}/${name || "<unset>"} is not in the input` } };
  const why = allowedListenersRefusal(ctx, gw.res, res.namespace);
  return { parentKey, gw, refusal: why ? { reason: "NotAllowed", message: why } : null };
}

/** The state of one ListenerSet: parent, refusal, and its listeners' states (when the parent exists). */
export function listenerSetState(ctx: Ctx, res: Resource): ListenerSetState {
  const key = ctx.key(res);
  const { parentKey, gw, refusal } = resolveParent(ctx, res);
  const set: ListenerSetState = { res, key, parentKey, gw, refusal, listeners: [], conds: new Map(), created: createdAt(res.metadata.creationTimestamp) };
  const parentPath = ["spec", "parentRef"];
  if (refusal) ctx.report(res, parentPath, refusal.reason === "ParentNotAccepted" ? "warning" : "error", refusal.reason, `${res.kind} ${res.namespace}/${res.name}: ${refusal.message}`);
  if (parentKey) ctx.relate(relation("listenerSet", key, parentKey, refusal === null, parentPath, refusal?.reason));
  if (!gw) return set;
  arr(res.spec?.listeners).forEach((l, i) => {
    const ls = makeListener(gw, res, l, i, ["spec", "listeners", i]);
    ls.view.id = `${gw.res.namespace}/${gw.res.name}/${res.namespace}/${res.name}/${ls.view.name}`;
    // A set the Gateway does not take has no listener on the data plane; its listeners say why.
    // (The refusal is reported once, on spec.parentRef: the condition alone here.)
    if (refusal) ls.conds.set("Accepted", cond("Accepted", false, refusal.reason, refusal.message));
    set.listeners.push(ls);
  });
  return set;
}

/** Conditions of a ListenerSet that never reached a Gateway, for each of its listeners (no listener state exists). */
export function detachedListenerConds(set: ListenerSetState): { name: string; accepted: ReturnType<typeof cond>; programmed: ReturnType<typeof cond> }[] {
  const r = set.refusal ?? { reason: "Invalid", message: "" };
  return arr(set.res.spec?.listeners).map((l, i) => ({
    name: str(isRecord(l) ? l.name : undefined) || `#${i}`,
    accepted: cond("Accepted", false, r.reason, r.message),
    programmed: cond("Programmed", false, r.reason, r.message),
  }));
}
