/** Graph edges from the model's relations (DESIGN principle 3: relationships are data). */
import type { Model, Relation, RouteView } from "../model/model";
import type { PathSegment } from "../model/source";
import type { GraphEdge } from "./types";

/** Listener nodes by the place they are declared: origin key → [path, node id]. */
export type ListenerPlaces = Map<string, { path: PathSegment[]; id: string }[]>;

function startsWith(path: PathSegment[], prefix: PathSegment[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/** A reference made from inside a listener (its certificateRefs) starts at the listener's node. */
function sourceOf(rel: Relation, places: ListenerPlaces): string {
  const ls = places.get(rel.from);
  if (ls) for (const l of ls) if (startsWith(rel.path, l.path)) return l.id;
  return rel.from;
}

function edgeId(type: string, from: string, to: string, path: PathSegment[]): string {
  return `${type}:${from}->${to}@${path.join(".")}`;
}

/** `spec.rules[i]…` → i. */
function ruleOf(path: PathSegment[]): number | undefined {
  return path[0] === "spec" && path[1] === "rules" && typeof path[2] === "number" ? path[2] : undefined;
}

/**
 * Edges of the relations. A parentRef becomes one edge per listener the route attached to (ok), or,
 * when it attached nowhere, one edge to the listener it names (or the parent) with the reason.
 * backendRef edges carry their weight and their share of their rule's traffic
 * (HTTPBackendRef.weight: "proportion of requests forwarded … computed as weight/(sum of all weights in this BackendRefs list)").
 */
export function relationEdges(model: Model, places: ListenerPlaces, listenerIds: Set<string>): GraphEdge[] {
  const routes = new Map<string, RouteView>();
  for (const r of model.routes) routes.set(r.key, r);
  // Sum of weights per rule: `from#rule` → total.
  const totals = new Map<string, number>();
  for (const rel of model.relations) {
    if (rel.type !== "backendRef") continue;
    const rule = ruleOf(rel.path);
    if (rule === undefined) continue;
    const k = `${rel.from}#${rule}`;
    totals.set(k, (totals.get(k) ?? 0) + weightOf(rel));
  }
  const edges: GraphEdge[] = [];
  for (const rel of model.relations) {
    if (rel.type === "parentRef") {
      parentEdges(rel, routes.get(rel.from), listenerIds, edges);
      continue;
    }
    const from = sourceOf(rel, places);
    const e: GraphEdge = { id: edgeId(rel.type, from, rel.to, rel.path), type: rel.type, from, to: rel.to, ok: rel.ok, path: rel.path };
    if (rel.reason) e.reason = rel.reason;
    if (rel.grant) e.grant = rel.grant;
    if (rel.section) e.section = rel.section;
    const rule = ruleOf(rel.path);
    if (rule !== undefined && (rel.type === "backendRef" || rel.type === "mirror")) e.rule = rule;
    if (rel.type === "backendRef") {
      e.weight = weightOf(rel);
      const total = rule === undefined ? 0 : (totals.get(`${rel.from}#${rule}`) ?? 0);
      e.percent = total > 0 ? Math.round((e.weight / total) * 10000) / 100 : 0;
    }
    edges.push(e);
  }
  return edges;
}

/** BackendRef.weight defaults to 1. */
function weightOf(rel: Relation): number {
  return typeof rel.weight === "number" && Number.isFinite(rel.weight) && rel.weight >= 0 ? rel.weight : 1;
}

function parentEdges(rel: Relation, route: RouteView | undefined, listenerIds: Set<string>, out: GraphEdge[]): void {
  const index = rel.path[0] === "spec" && rel.path[1] === "parentRefs" && typeof rel.path[2] === "number" ? rel.path[2] : -1;
  const parent = route?.parents.find((p) => p.index === index);
  const base = { type: "parentRef" as const, from: rel.from, path: rel.path };
  if (parent && parent.listeners.length > 0) {
    for (const l of parent.listeners) {
      const to = `Listener/${l}`;
      const target = listenerIds.has(to) ? to : rel.to;
      const e: GraphEdge = { ...base, id: edgeId("parentRef", rel.from, target, rel.path), to: target, ok: true };
      if (parent.sectionName) e.section = parent.sectionName;
      else if (parent.port !== undefined) e.section = String(parent.port);
      if (parent.reason) e.reason = parent.reason;
      out.push(e);
    }
    return;
  }
  // Not attached: point at the listener it names, when there is one, else at the parent itself.
  const section = rel.section ?? parent?.sectionName;
  const gw = rel.to.startsWith("Gateway/") ? rel.to.slice("Gateway/".length) : null;
  const named = gw && section ? `Listener/${gw}/${section}` : null;
  const to = named && listenerIds.has(named) ? named : rel.to;
  const e: GraphEdge = { ...base, id: edgeId("parentRef", rel.from, to, rel.path), to, ok: rel.ok && (parent ? parent.accepted : true) };
  const reason = rel.reason ?? parent?.reason;
  if (reason) e.reason = reason;
  if (section) e.section = section;
  out.push(e);
}
