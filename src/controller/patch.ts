/**
 * Patching the previous Model instead of a run: the common edit — inside one route's rules (a
 * weight, a match, a filter, a comment) — changes that route's view, status and relations and
 * nothing any other object's results read. A ControllerCache keeps the last run (its context,
 * resources, Model and each route's results); when the new input differs from it only in routes
 * whose identity is unchanged, each is computed again against the kept context and, if its
 * footprint on the rest of the Model is unchanged (the same listeners, the same references to the
 * same targets with the same outcome, the same number of reports, the same assumptions, no mesh
 * parent and no session persistence, whose rules read routes after the route rules), the new
 * Model is the old one with those routes' parts replaced: copies of the lists and maps, nothing of
 * the old Model changed. Anything else runs the controller. The result equals a fresh run's (the
 * cache tests compare them under random edits).
 */
import type { Resource } from "../model/resource";
import type { Diagnostic } from "../model/diagnostic";
import type { GatewayView, ListenerView, Model, Relation, RouteView } from "../model/model";
import type { LineIndex, PathSegment } from "../model/source";
import { GATEWAY_GROUP, isRouteKind } from "../model/kinds";
import { refKey } from "../model/ids";
import { type Ctx, type ListenerState, reportDiagnostic } from "./context";
import type { RouteMemo } from "./cache";
import { hasBothKinds } from "./kind-conflicts";
import { listenerStates, recomputeRoute } from "./incremental";
import { OverlayMap } from "./overlay";
import type { ResourceStatus } from "../model/status";

/** What a cache keeps of the last run to patch it. */
export interface LastRun {
  resources: Resource[];
  model: Model;
  ctx: Ctx;
  /** Resource index → route index (in `ctx.routeKeys`, `memos`, `model.routes`), or -1. */
  routeAt: Int32Array;
  memos: RouteMemo[];
  /** Where each route's backend relations and parent relations start in the Model's relations. */
  relationsAt: number[];
  parentRelationsAt: number[];
  /** Where each listener's view is in the current Model (patches copy the views they change). */
  views: Map<ListenerState, ListenerView>;
  /** Each resource's document index (the parser updates moved documents in place). */
  docIndex: Int32Array;
  /** Each diagnostic's offsets from the start of its resource's document, to move it with its document. */
  anchors: (readonly [Resource, number, number] | null)[];
}

/** One patched route, for the graph (see `modelDelta`). */
export interface RouteDelta {
  index: number;
  before: RouteView;
  after: RouteView;
  /** Relations replaced, old and new, in the Model's relation order. */
  relations: [Relation, Relation][];
}

/** How a patched Model differs from the Model it was made from. */
export interface ModelDelta {
  previous: Model;
  /** Whether some document's index changed (a document without resources came or went). */
  docsMoved: boolean;
  routes: RouteDelta[];
}

const deltas = new WeakMap<Model, ModelDelta>();

/** When `model` was made by patching another, what changed (the graph patches its own output alike). */
export function modelDelta(model: Model): ModelDelta | undefined {
  return deltas.get(model);
}

/** Most routes changed at once that a patch takes on. */
const MAX_CHANGED = 16;

const isRoute = (r: Resource): boolean => r.known && r.group === GATEWAY_GROUP && isRouteKind(r.kind);

/** Keep a finished run for patching (only a clean one: no duplicates, no rule that failed). */
export function lastRun(resources: Resource[], ctx: Ctx, model: Model, lines: Map<string, LineIndex> | undefined): LastRun | null {
  if (model.byKey.size !== resources.length || ctx.finalMemos.length !== ctx.routeResources.length) return null;
  if (model.diagnostics.some((d) => d.code === "internal")) return null;
  const routeAt = new Int32Array(resources.length);
  let n = 0;
  for (let i = 0; i < resources.length; i++) routeAt[i] = isRoute(resources[i]) ? n++ : -1;
  if (n !== ctx.routeResources.length) return null;
  const views = new Map<ListenerState, ListenerView>();
  for (const ls of listenerStates(ctx)) views.set(ls, ls.view);
  if (ctx.relationsAt.length !== n) return null;
  return { resources, model, ctx, routeAt, memos: ctx.finalMemos, relationsAt: ctx.relationsAt, parentRelationsAt: ctx.parentRelationsAt, views, docIndex: docIndexes(resources), anchors: anchorsOf(model, lines) };
}

function docIndexes(resources: Resource[]): Int32Array {
  const out = new Int32Array(resources.length);
  for (let i = 0; i < resources.length; i++) out[i] = resources[i].source.docIndex;
  return out;
}

/** The new Model by patching `last`, or null when the edit is not one a patch can take. */
export function patchRun(last: LastRun, resources: Resource[], lines: Map<string, LineIndex> | undefined, onRecompute: (res: Resource, m: RouteMemo) => void): Model | null {
  if (resources.length !== last.resources.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (resources[i] !== last.resources[i]) {
      if (changed.length === MAX_CHANGED) return null;
      changed.push(i);
    }
  }
  const ctx = last.ctx;
  const edits: { ri: number; res: Resource; m0: RouteMemo; m1: RouteMemo }[] = [];
  for (const i of changed) {
    const ri = last.routeAt[i];
    const res = resources[i];
    const old = last.resources[i];
    if (ri < 0 || !isRoute(res) || res.kind !== old.kind || res.namespace !== old.namespace || res.name !== old.name) return null;
    const m0 = last.memos[ri];
    const m1 = recomputeRoute(ctx, res, ctx.routeKeys[ri]);
    if (!sameFootprint(m0, m1) || onMixedListener(last, m0)) return null;
    edits.push({ ri, res, m0, m1 });
  }
  /** Diagnostics placed anew (the edited routes' own): not moved. */
  const replaced = new Set<number>();
  let docsMoved = false;
  for (let i = 0; i < resources.length && !docsMoved; i++) docsMoved = resources[i].source.docIndex !== last.docIndex[i];
  const prev = last.model;
  let model: Model;
  let diagnostics = prev.diagnostics;
  if (edits.length === 0) {
    model = { ...prev, resources };
    deltas.set(model, { previous: prev, docsMoved, routes: [] });
  } else {
    const keys = new Map<string, Resource>();
    const statuses = new Map<string, ResourceStatus>();
    const routes = prev.routes.slice();
    const relations = prev.relations.slice();
    let gateways = prev.gateways;
    diagnostics = prev.diagnostics.slice();
    const delta: ModelDelta = { previous: prev, docsMoved, routes: [] };
    const listeners = listenerStates(ctx);
    for (const { ri, res, m0, m1 } of edits) {
      const before = routes[ri];
      const after: RouteView = { key: before.key, kind: res.kind, resource: res, hostnames: m1.hostnames, rules: m1.rules, parents: m1.parents };
      routes[ri] = after;
      keys.set(after.key, res);
      statuses.set(after.key, m1.status);
      const pairs = replaceRelations(relations, last.relationsAt[ri], m0.backendRelations, m1.backendRelations);
      const more = replaceRelations(relations, last.parentRelationsAt[ri], m0.parentRelations, m1.parentRelations);
      if (!pairs || !more) return null;
      pairs.push(...more);
      if (!replaceReports(diagnostics, res, m0, m1, lines, replaced)) return null;
      gateways = reattach(gateways, last.views, listeners, m1, before, after);
      delta.routes.push({ index: ri, before, after, relations: pairs });
      last.memos[ri] = m1;
      onRecompute(res, m1);
    }
    model = { ...prev, resources, byKey: new OverlayMap(prev.byKey, keys), status: new OverlayMap(prev.status, statuses), gateways, routes, relations, diagnostics };
    deltas.set(model, delta);
  }
  model.diagnostics = moveDiagnostics(diagnostics, last.anchors, lines, replaced);
  last.resources = resources;
  last.model = model;
  if (docsMoved) last.docIndex = docIndexes(resources);
  last.anchors = anchorsOf(model, lines);
  return model;
}

/**
 * Whether the route is an HTTPRoute or GRPCRoute on a listener that has both kinds: which of them
 * a listener accepts depends on the others (kind-conflicts.ts), which a patch does not recompute.
 */
function onMixedListener(last: LastRun, m: RouteMemo): boolean {
  if (m.kind !== "HTTPRoute" && m.kind !== "GRPCRoute") return false;
  const listeners = listenerStates(last.ctx);
  return m.attach.some((a) => hasBothKinds(last.views.get(listeners[a.ls])?.routes ?? []));
}

/** Whether a route's new results touch the rest of the Model exactly as its old ones did. */
function sameFootprint(a: RouteMemo, b: RouteMemo): boolean {
  if (a.kind !== b.kind || a.kindKey !== b.kindKey) return false;
  if (a.parents.some((p) => p.mesh !== undefined) || b.parents.some((p) => p.mesh !== undefined)) return false;
  if (a.rules.some(hasSession) || b.rules.some(hasSession)) return false;
  if (a.attach.length !== b.attach.length) return false;
  for (let i = 0; i < a.attach.length; i++) if (a.attach[i].ls !== b.attach[i].ls || a.attach[i].parentIndex !== b.attach[i].parentIndex) return false;
  if (!sameRelations(a.backendRelations, b.backendRelations, true) || !sameRelations(a.parentRelations, b.parentRelations, false)) return false;
  if ((a.backendReports?.length ?? 0) !== (b.backendReports?.length ?? 0) || (a.parentReports?.length ?? 0) !== (b.parentReports?.length ?? 0)) return false;
  return sameKeys(a.backendAssumptions, b.backendAssumptions) && sameKeys(a.parentAssumptions, b.parentAssumptions);
}

function hasSession(rule: { raw: unknown }): boolean {
  const raw = rule.raw as { sessionPersistence?: unknown } | null;
  return typeof raw === "object" && raw !== null && raw.sessionPersistence !== undefined && raw.sessionPersistence !== null;
}

/** Same references to the same targets with the same outcome (a backendRef's weight may differ). */
function sameRelations(a: Relation[], b: Relation[], weights: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.type !== y.type || x.from !== y.from || x.to !== y.to || x.ok !== y.ok || x.reason !== y.reason || x.section !== y.section || x.grant !== y.grant) return false;
    if (!weights && x.weight !== y.weight) return false;
    if (!samePath(x.path, y.path)) return false;
  }
  return true;
}

function samePath(a: PathSegment[], b: PathSegment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameKeys(a: RouteMemo["backendAssumptions"], b: RouteMemo["backendAssumptions"]): boolean {
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  for (let i = 0; i < (a?.length ?? 0); i++) if (a![i].key !== b![i].key || a![i].assumption.message !== b![i].assumption.message) return false;
  return true;
}

/** Put the new relations where the old ones are (from `at`, where the run put them); null if they are not there. */
function replaceRelations(relations: Relation[], at: number, old: Relation[], next: Relation[]): [Relation, Relation][] | null {
  const pairs: [Relation, Relation][] = [];
  for (let k = 0; k < old.length; k++) {
    if (relations[at + k] !== old[k]) return null;
    relations[at + k] = next[k];
    pairs.push([old[k], next[k]]);
  }
  return pairs;
}

/** Replace the route's own diagnostics (backend reports, then attachment reports) in place. */
function replaceReports(diagnostics: Diagnostic[], res: Resource, m0: RouteMemo, m1: RouteMemo, lines: Map<string, LineIndex> | undefined, replaced: Set<number>): boolean {
  const next = [...(m1.backendReports ?? []), ...(m1.parentReports ?? [])];
  const mine: number[] = [];
  for (let i = 0; i < diagnostics.length; i++) {
    const r = diagnostics[i].resource;
    if (r && r.kind === res.kind && r.name === res.name && r.namespace === res.namespace && r.group === res.group) mine.push(i);
  }
  if (mine.length !== next.length || mine.length !== (m0.backendReports?.length ?? 0) + (m0.parentReports?.length ?? 0)) return false;
  mine.forEach((i, k) => {
    const d = next[k];
    diagnostics[i] = reportDiagnostic(d.res === m1.res ? res : d.res, d.path, d.severity, d.code, d.message, lines);
    replaced.add(i);
  });
  return true;
}

/** The gateways with the listeners the route attaches to copied, their entries pointing at the new view. */
function reattach(gateways: GatewayView[], views: Map<ListenerState, ListenerView>, listeners: ListenerState[], m1: RouteMemo, before: RouteView, after: RouteView): GatewayView[] {
  if (m1.attach.length === 0) return gateways;
  let out = gateways;
  const done = new Set<number>();
  for (const a of m1.attach) {
    if (done.has(a.ls)) continue;
    done.add(a.ls);
    const ls = listeners[a.ls];
    const view = views.get(ls)!;
    const mine = m1.attach.filter((x) => x.ls === a.ls);
    let k = 0;
    const copy: ListenerView = { ...view, routes: view.routes.map((e) => (e.route === before && k < mine.length ? { route: after, parentIndex: mine[k].parentIndex, hostnames: mine[k++].hostnames } : e)) };
    views.set(ls, copy);
    if (out === gateways) out = gateways.slice();
    for (let g = 0; g < out.length; g++) {
      const i = out[g].listeners.indexOf(view);
      if (i < 0) continue;
      const listenersCopy = out[g].listeners.slice();
      listenersCopy[i] = copy;
      out[g] = { ...out[g], listeners: listenersCopy };
    }
  }
  return out;
}

/** Each diagnostic's resource and offsets in its document, when it is about a resource of the input. */
function anchorsOf(model: Model, lines: Map<string, LineIndex> | undefined): (readonly [Resource, number, number] | null)[] {
  return model.diagnostics.map((d) => {
    const ref = d.resource;
    const li = lines?.get(d.file);
    if (!ref || !li || d.line === 0) return null;
    const r = model.byKey.get(refKey(ref));
    if (!r || r.group !== ref.group || r.source.file !== d.file) return null;
    return [r, li.offsetOf(d.line, d.column) - r.source.offset, li.offsetOf(d.endLine, d.endColumn) - r.source.offset] as const;
  });
}

/** Diagnostics at the new places of their documents (the parser moves documents after an edit). */
function moveDiagnostics(diagnostics: Diagnostic[], anchors: LastRun["anchors"], lines: Map<string, LineIndex> | undefined, fresh: Set<number>): Diagnostic[] {
  if (!lines || diagnostics.length === 0) return diagnostics;
  let out: Diagnostic[] | null = null;
  for (let i = 0; i < diagnostics.length; i++) {
    const a = anchors[i];
    const d = diagnostics[i];
    if (!a || fresh.has(i)) continue;
    const li = lines.get(d.file);
    if (!li) continue;
    const s = li.position(a[0].source.offset + a[1]);
    const e = li.position(a[0].source.offset + a[2]);
    if (s.line === d.line && s.column === d.column && e.line === d.endLine && e.column === d.endColumn && a[0].source.docIndex === d.docIndex) continue;
    out ??= diagnostics.slice();
    out[i] = { ...d, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, docIndex: a[0].source.docIndex };
  }
  return out ?? diagnostics;
}
