/**
 * Graph edges from the model's relations (DESIGN principle 3: relationships are data). This runs on
 * every edit over tens of thousands of relations, so it avoids building strings to use as map keys
 * (a new string must be hashed; the model's own key strings are hashed once) and gives every edge
 * the same shape.
 */
import type { Model, ParentView, Relation, RouteView } from "../model/model";
import type { RouteLookup } from "./routes";
import type { End, GraphCache } from "./cache";
import { ruleOf, ruleTotals, weightOf } from "./shares";
import type { PathSegment } from "../model/source";
import type { EdgeType, GraphEdge } from "./types";
import { namedListener } from "./listenersets";

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

/** One edge, always with every field (a single object shape keeps the consumers' property reads fast). */
export function edge(type: EdgeType, from: string, to: string, ok: boolean, path: PathSegment[], reason?: string): GraphEdge {
  return { id: "", type, from, to, ok, reason, section: undefined, weight: undefined, percent: undefined, rule: undefined, grant: undefined, path };
}

/**
 * Edges of the relations. A parentRef becomes one edge per listener the route attached to (ok), or,
 * when it attached nowhere, one edge to the listener it names (or the parent) with the reason.
 * backendRef edges carry their weight and their share of their rule's traffic
 * (HTTPBackendRef.weight: "proportion of requests forwarded … computed as weight/(sum of all weights in this BackendRefs list)").
 * `listenerNode` maps a ListenerView id (`ns/gw/name`) to its node id.
 */
/** Makes sure an edge's end is a node: by id, or (with a GraphCache) by its cached end. */
export interface EndSink {
  id(id: string): void;
  end(end: End): void;
  /** After `end(to)` of a backendRef or mirror edge. */
  backendTarget(to: End): void;
  /** After `end(to)` of a meshParent edge (a route's Service parent, see buildGraph's placeMeshParents). */
  meshParent(to: End): void;
}

export function relationEdges(model: Model, places: ListenerPlaces, listenerNode: Map<string, string>, edges: GraphEdge[], routes: RouteLookup, sink: EndSink, cache: GraphCache): void {
  const totals = ruleTotals(model.relations, routes);
  const parents = routes.cursor();
  const relations = model.relations;
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i];
    if (rel.type === "parentRef") {
      const parent = parentOf(rel, parents.find(rel.from));
      const hit = cache.edgesOf(rel, rel.from, undefined, parent);
      if (hit) {
        hit.at = edges.length;
        if (hit.edges.length === 1) {
          edges.push(hit.edge);
          sink.end(hit.fromEnd);
          sink.end(hit.toEnd);
        } else {
          for (let k = 0; k < hit.edges.length; k++) edges.push(hit.edges[k]);
          for (let k = 0; k < hit.ends.length; k++) sink.end(hit.ends[k]);
        }
        continue;
      }
      const list = relationEdgeList(rel, rel.from, undefined, parent, listenerNode);
      const at = edges.length;
      for (let k = 0; k < list.length; k++) edges.push(list[k]);
      made(list, rel, rel.from, undefined, parent, sink, cache, at);
      continue;
    }
    const from = rel.type === "certificateRef" || rel.type === "caCertificateRef" ? sourceOf(rel, places) : rel.from;
    // -2: not a backendRef or mirror (their rule index is read only when an edge is made).
    const rule = rel.type === "backendRef" || rel.type === "mirror" ? -1 : -2;
    let percent: number | undefined;
    if (rel.type === "backendRef") {
      const total = totals[i];
      percent = percentOf(rel, total);
    }
    const hit = cache.edgesOf(rel, from, percent, null);
    if (hit) {
      hit.at = edges.length;
      edges.push(hit.edge);
      sink.end(hit.fromEnd);
      sink.end(hit.toEnd);
      if (rule !== -2) sink.backendTarget(hit.toEnd);
      else if (rel.type === "meshParent") sink.meshParent(hit.toEnd);
      continue;
    }
    const list = relationEdgeList(rel, from, percent, null, listenerNode);
    edges.push(list[0]);
    const ends = made(list, rel, from, percent, null, sink, cache, edges.length - 1);
    if (rule !== -2) sink.backendTarget(ends[1]);
    else if (rel.type === "meshParent") sink.meshParent(ends[1]);
  }
}

/**
 * The edges of one relation, made anew: a parentRef's per attached listener (see parentEdges), any
 * other relation's one edge from `from`, with a backendRef's weight and share (`percent`).
 */
export function relationEdgeList(rel: Relation, from: string, percent: number | undefined, parent: ParentView | null, listenerNode: Map<string, string>): GraphEdge[] {
  if (rel.type === "parentRef") {
    const out: GraphEdge[] = [];
    parentEdges(rel, parent, listenerNode, out);
    return out;
  }
  const e = edge(rel.type, from, rel.to, rel.ok, rel.path, rel.reason);
  if (rel.grant) e.grant = rel.grant;
  if (rel.section) e.section = rel.section;
  const ruleIndex = rel.type === "backendRef" || rel.type === "mirror" ? ruleOf(rel.path) : -1;
  if (ruleIndex >= 0) e.rule = ruleIndex;
  if (rel.type === "backendRef") {
    e.weight = weightOf(rel);
    e.percent = percent;
  }
  return [e];
}

/** A backendRef's share of its rule's traffic, in percent with two decimals (0 when the rule's weights are all 0). */
export function percentOf(rel: Relation, total: number): number {
  return total > 0 ? Math.round((weightOf(rel) / total) * 10000) / 100 : 0;
}

/** New edges of a relation: kept (with a keeping cache), and their ends become nodes. */
function made(list: GraphEdge[], rel: Relation, from: string, percent: number | undefined, parent: ParentView | null, sink: EndSink, cache: GraphCache, at: number): End[] {
  const ends = cache.setEdges(rel, from, percent, parent, list, at);
  for (let i = 0; i < ends.length; i++) sink.end(ends[i]);
  return ends;
}

/** The parent (of the route's view) a parentRef relation stands for, by its index in `spec.parentRefs`. */
export function parentOf(rel: Relation, route: RouteView | undefined): ParentView | null {
  const index = rel.path[0] === "spec" && rel.path[1] === "parentRefs" && typeof rel.path[2] === "number" ? rel.path[2] : -1;
  let parent: ParentView | null = null;
  if (route) for (const p of route.parents) if (p.index === index) parent = p;
  return parent;
}

function parentEdges(rel: Relation, parent: ParentView | null, listenerNode: Map<string, string>, out: GraphEdge[]): void {
  if (parent && parent.listeners.length > 0) {
    const section = parent.sectionName ?? (parent.port !== undefined ? String(parent.port) : undefined);
    for (let i = 0; i < parent.listeners.length; i++) {
      const l = parent.listeners[i];
      // Two listeners of one name (invalid, reported by the controller) share an id: one edge.
      if (parent.listeners.indexOf(l) !== i) continue;
      const e = edge("parentRef", rel.from, listenerNode.get(l) ?? rel.to, true, rel.path, parent.reason || undefined);
      e.section = section;
      out.push(e);
    }
    return;
  }
  // Not attached: point at the listener it names, when there is one, else at the parent itself.
  const section = rel.section ?? parent?.sectionName;
  let to = rel.to;
  if (section) to = namedListener(rel.to, section, listenerNode) ?? rel.to;
  const e = edge("parentRef", rel.from, to, rel.ok && (parent ? parent.accepted : true), rel.path, rel.reason ?? (parent?.reason || undefined));
  e.section = section;
  out.push(e);
}

/** Joined paths, cached per path array: the controller shares path arrays between relations. */
const pathKeys = new WeakMap<PathSegment[], string>();

function pathKey(path: PathSegment[]): string {
  let k = pathKeys.get(path);
  if (k === undefined) pathKeys.set(path, (k = path.join(".")));
  return k;
}

/**
 * Give every edge an id that is unique and stable across edits: its type, its ends and the path of
 * the reference inside the referring object (`backendRef:HTTPRoute/a/r>Service/a/s@spec.rules.0.backendRefs.1`).
 */
export function assignIds(edges: GraphEdge[]): void {
  // Edges reused from a GraphCache keep the id they were given.
  for (const e of edges) if (e.id === "") e.id = `${e.type}:${e.from}>${e.to}@${pathKey(e.path)}`;
}
