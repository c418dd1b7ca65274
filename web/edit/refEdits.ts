/**
 * References as edits: removing the references a drawn edge stands for, and adding one by dropping
 * a route (or one of its rules) on a Gateway, a listener or a Service. Pure: graph data in, src/edit
 * operations out; the canvas tools and the inspector commit them (commit.ts).
 */
import type { GraphEdge, GraphNode } from "../../src/graph";
import type { Edit, Path } from "../../src/edit/types";
import { targetOfId } from "./targets";

/** Reference kinds an edge delete can remove (others are structure: a Gateway's class, its listeners). */
const REMOVABLE = new Set<GraphEdge["type"]>(["parentRef", "meshParent", "backendRef", "mirror", "targetRef", "certificateRef", "caCertificateRef"]);

/** Where to delete for one reference: a mirror goes with its whole RequestMirror filter. */
function deletePath(r: GraphEdge): Path | null {
  if (!REMOVABLE.has(r.type) || !r.path.length) return null;
  if (r.type === "mirror") {
    const i = r.path.lastIndexOf("requestMirror");
    return i > 1 ? r.path.slice(0, i) : null;
  }
  return r.path;
}

/** Later list items first, so deleting one does not move the index of the next. */
function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === "number" && typeof b[i] === "number") return (b[i] as number) - (a[i] as number);
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return b.length - a.length;
}

/** What removing an edge does: the edit, and what it says to the user; or why it cannot. */
export type RemovePlan = { edit: Edit; what: string } | { error: string };

/**
 * The edit removing every reference `refs` (the graph edges merged into one drawn edge). A
 * parentRef without sectionName is one reference for all the listeners it reaches: removing its
 * edge to one listener detaches the route from the whole Gateway.
 */
export function removeRefsPlan(refs: readonly GraphEdge[]): RemovePlan {
  const byOwner = new Map<string, Path[]>();
  const kinds = new Set<string>();
  for (const r of refs) {
    const p = deletePath(r);
    if (!p) continue;
    const list = byOwner.get(r.from) ?? [];
    if (!list.some((q) => q.length === p.length && q.every((s, i) => s === p[i]))) list.push(p);
    byOwner.set(r.from, list);
    kinds.add(r.type === "meshParent" ? "parentRef" : r.type);
  }
  const edits: Edit[] = [];
  let count = 0;
  for (const [owner, paths] of byOwner) {
    const target = targetOfId(owner);
    if (!target) continue;
    for (const path of paths.sort(comparePaths)) edits.push({ op: "delete", target, path });
    count += paths.length;
  }
  if (!edits.length) return { error: refs.length ? `a ${refs[0].type} reference is part of its object's structure and cannot be removed here` : "nothing to remove" };
  const what = `removed ${count} ${[...kinds].join("/")}${count > 1 ? "s" : ""}`;
  return { edit: edits.length === 1 ? edits[0] : { op: "batch", edits }, what };
}

/** Route kinds a drag can start from (and the kinds of parent they attach to). */
export const ROUTE_KINDS = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);
const LISTENERSET_KINDS = new Set(["ListenerSet", "XListenerSet"]);
const POLICY_TARGETS = new Set(["Service", "Gateway", "HTTPRoute", "GRPCRoute"]);
const GATEWAY_GROUP = "gateway.networking.k8s.io";

/** What the drop needs to know about the referring object as written. */
export interface ConnectContext {
  /** The referring object's rules: their one-line summaries (only the count matters for choosing). */
  rules: readonly string[];
  /** The rule the drag started from, if it did. */
  rule?: number;
  /** Its parentRefs as written (to refuse a duplicate). */
  parentRefs: readonly Record<string, unknown>[];
  /** backendRefs per rule as written. */
  backendRefs: readonly (readonly Record<string, unknown>[])[];
  /** The dropped-on Service's first port, when known. */
  servicePort?: number;
}

export type ConnectPlan =
  | { edit: Edit; what: string }
  /** Several rules could take the backendRef: ask which (`edit(i)` builds the answer's edit). */
  | { choose: readonly string[]; edit: (rule: number) => Edit; what: string }
  | { error: string };

/** Whether a drop of `from` on `to` means anything (for the hover highlight). */
export function canConnect(from: GraphNode, to: GraphNode): boolean {
  if (from.id === to.id) return false;
  if (ROUTE_KINDS.has(from.kind)) return to.kind === "Gateway" || LISTENERSET_KINDS.has(to.kind) || to.kind === "Listener" || to.role === "service";
  if (LISTENERSET_KINDS.has(from.kind)) return to.kind === "Gateway";
  if (from.role === "policy") return POLICY_TARGETS.has(to.kind);
  return false;
}

const s = (v: unknown): string => (typeof v === "string" ? v : "");

function sameParent(p: Record<string, unknown>, want: { kind: string; name: string; namespace: string; section?: string }, selfNs: string): boolean {
  return (s(p.kind) || "Gateway") === want.kind && s(p.name) === want.name && (s(p.namespace) || selfNs) === want.namespace && (s(p.sectionName) || undefined) === want.section;
}

/** The owner (`Gateway/ns/name` or a ListenerSet) of a listener node. */
function ownerOf(listener: GraphNode): { kind: string; namespace: string; name: string } | null {
  const origin = typeof listener.data.origin === "string" ? listener.data.origin : typeof listener.data.gateway === "string" ? listener.data.gateway : "";
  const t = targetOfId(origin);
  return t ? { kind: t.kind, namespace: t.namespace ?? listener.namespace, name: t.name } : null;
}

function parentPlan(from: GraphNode, parent: { kind: string; namespace: string; name: string }, section: string | undefined, ctx: ConnectContext): ConnectPlan {
  const target = targetOfId(from.id)!;
  if (ctx.parentRefs.some((p) => sameParent(p, { ...parent, section }, from.namespace))) return { error: `${from.name} already has this parentRef` };
  const ref = {
    ...(parent.kind !== "Gateway" ? { group: GATEWAY_GROUP, kind: parent.kind } : {}),
    name: parent.name,
    ...(parent.namespace !== from.namespace ? { namespace: parent.namespace } : {}),
    ...(section ? { sectionName: section } : {}),
  };
  const where = `${parent.kind} ${parent.namespace}/${parent.name}${section ? ` listener ${section}` : ""}`;
  return { edit: { op: "addParentRef", target, parentRef: ref }, what: `${from.name} now attaches to ${where}` };
}

function backendPlan(from: GraphNode, svc: GraphNode, ctx: ConnectContext): ConnectPlan {
  const target = targetOfId(from.id)!;
  const ref = {
    ...(svc.kind !== "Service" || svc.group ? { group: svc.group, kind: svc.kind } : {}),
    name: svc.name,
    ...(svc.namespace !== from.namespace ? { namespace: svc.namespace } : {}),
    ...(ctx.servicePort !== undefined ? { port: ctx.servicePort } : {}),
  };
  const has = (rule: number) => (ctx.backendRefs[rule] ?? []).some((b) => s(b.name) === svc.name && (s(b.namespace) || from.namespace) === svc.namespace && (s(b.kind) || "Service") === svc.kind);
  const what = (rule: number) => `${from.name} rule ${rule} now sends to ${svc.namespace}/${svc.name}`;
  const add = (rule: number): Edit => ({ op: "addBackend", target, rule, backend: ref });
  if (ctx.rule !== undefined) return has(ctx.rule) ? { error: `rule ${ctx.rule} already sends to ${svc.name}` } : { edit: add(ctx.rule), what: what(ctx.rule) };
  if (ctx.rules.length === 0) return { edit: { op: "addRule", target, rule: { backendRefs: [ref] } }, what: `${from.name} has a new rule sending to ${svc.namespace}/${svc.name}` };
  if (ctx.rules.length === 1) return has(0) ? { error: `${from.name} already sends to ${svc.name}` } : { edit: add(0), what: what(0) };
  return { choose: ctx.rules, edit: add, what: `add ${svc.name} to which rule of ${from.name}?` };
}

/** The edit a drop of `from` (a route, ListenerSet or policy) on `to` makes. */
export function connectPlan(from: GraphNode, to: GraphNode, ctx: ConnectContext): ConnectPlan {
  if (!canConnect(from, to) || !targetOfId(from.id)) return { error: `a ${from.kind} cannot refer to a ${to.kind} this way` };
  if (from.role === "policy") {
    const ref = { group: to.group, kind: to.kind, name: to.name };
    if (to.namespace !== from.namespace) return { error: "a policy targets objects of its own namespace" };
    return { edit: { op: "insert", target: targetOfId(from.id)!, path: ["spec", "targetRefs"], value: ref }, what: `${from.name} now targets ${to.kind} ${to.name}` };
  }
  if (to.kind === "Listener") {
    const owner = ownerOf(to);
    return owner ? parentPlan(from, owner, to.name, ctx) : { error: "this listener's Gateway is unknown" };
  }
  if (to.kind === "Gateway" || LISTENERSET_KINDS.has(to.kind)) return parentPlan(from, { kind: to.kind, namespace: to.namespace, name: to.name }, undefined, ctx);
  return backendPlan(from, to, ctx);
}
