/**
 * The controller's working state: lookup indexes built once per run, the per-object state the rules
 * fill in, and the sinks for relations, diagnostics and assumptions. Rules read and write only this.
 */
import type { Resource } from "../model/resource";
import { cond, type Condition, type ResourceStatus } from "../model/status";
import type { Diagnostic, Severity } from "../model/diagnostic";
import type { Assumption, GatewayView, ListenerView, ParentView, PolicyView, Relation, RouteView } from "../model/model";
import type { LineIndex, PathSegment } from "../model/source";
import { refKey } from "../model/ids";
import { GATEWAY_GROUP, isRouteKind } from "../model/kinds";
import { locate } from "../parse/index";
import { GrantIndex } from "./reference-grant";
import type { ControllerCache, RouteMemo } from "./cache";
import type { ListenerSetState } from "./listenerset-state";

/** Conditions of one object (or listener, or route parent), by type, in insertion order. */
export type CondSet = Map<string, Condition>;

/** A listener being processed (from a Gateway; ListenerSets reuse the shape). */
export interface ListenerState {
  view: ListenerView;
  gw: GatewayState;
  /** Resource that declares the listener (the Gateway, or a ListenerSet). */
  origin: Resource;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  conds: CondSet;
  /** Route kinds (`group/kind`) this listener admits: its supportedKinds. */
  kinds: Set<string>;
  attached: number;
  /** Namespace → why routes from it may not attach (null = allowed); evaluated once per namespace. */
  nsDecisions: Map<string, string | null>;
}

export interface GatewayState {
  res: Resource;
  view: GatewayView;
  listeners: ListenerState[];
  conds: CondSet;
  /** Whether the Gateway's GatewayClass accepts it (missing classes are assumed to). */
  classOk: boolean;
}

export interface ParentState {
  view: ParentView;
  /** The Accepted condition of this parent. */
  accepted: Condition | null;
  /** The parentRef as written (for source paths). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ref: any;
  /** False when this parentRef repeats an earlier one (status keeps one entry). */
  distinct: boolean;
}

export interface RouteState {
  res: Resource;
  /** `group/kind`, to test against listeners' supported kinds. */
  kindKey: string;
  view: RouteView;
  parents: ParentState[];
  /** Route-wide ResolvedRefs (backends are per route, not per parent). */
  resolved: Condition | null;
  /** Listeners attached so far, when the route has several parentRefs (to count it once per listener). */
  attachedTo: Set<ListenerState> | null;
}

/**
 * What computing one route did to the shared sinks, recorded instead of applied while the route is
 * computed for a ControllerCache (see incremental.ts): replaying it in route order gives exactly the
 * sinks a fresh run fills. Assumptions are attempts (the sinks deduplicate them on replay).
 */
export interface Effects {
  relations: Relation[];
  reports: { res: Resource; path: PathSegment[]; severity: Severity; code: string; message: string }[];
  assumptions: { key: AssumptionKey; assumption: Assumption }[];
  /** Listener attachments (parent-refs.ts `attach`), in order. */
  attachments: { ls: ListenerState; parentIndex: number; hostnames: string[] }[];
}

/**
 * An assumption's identity (`code|refs`), interned: a run marks the keys it has recorded with its
 * stamp, so recording a replayed assumption needs no lookup (a ControllerCache keeps the keys).
 */
export interface AssumptionKey {
  key: string;
  stamp: number;
}

/** Interned assumption keys. */
export type AssumptionKeys = Map<string, AssumptionKey>;

let runs = 0;

/** Backend policy kinds: not part of the routes' environment (see the constructor). */
const POLICY_KINDS: ReadonlySet<string> = new Set(["BackendTLSPolicy", "BackendLBPolicy", "XBackendTrafficPolicy"]);

/** Everything a rule needs. */
export class Ctx {
  readonly resources: Resource[];
  /** `Kind/ns/name` → first resource with that key. */
  readonly byKey = new Map<string, Resource>();
  /** Resource → its `Kind/ns/name` for referable objects (routes keep theirs in `routeKeys`). */
  readonly keyOf = new Map<Resource, string>();
  /** kind → namespace → name → resource: lookups without building key strings. */
  private readonly index = new Map<string, Map<string, Map<string, Resource>>>();
  /** Namespace name → labels (defined Namespaces only). */
  readonly namespaces = new Map<string, Record<string, string>>();
  readonly grants: GrantIndex;
  /** Whether the input holds any Service: with none, backends are assumed to exist (see backend-refs.ts). */
  readonly hasServices: boolean;
  readonly gatewayClasses: Resource[] = [];
  readonly gatewayResources: Resource[] = [];
  readonly routeResources: Resource[] = [];
  /** `Kind/ns/name` of each of `routeResources`, same order. */
  readonly routeKeys: string[] = [];
  /** Every other resource the rules can look up (the first of each key), in input order: the routes' environment. */
  readonly envResources: Resource[] = [];
  readonly backendTLSPolicies: Resource[] = [];
  /** BackendLBPolicies and XBackendTrafficPolicies, in input order (backend-traffic-policy.ts). */
  readonly trafficPolicies: Resource[] = [];
  /** Views of the backend policies, filled by the policy rules: the Model's `policies`. */
  readonly policyViews: PolicyView[] = [];
  readonly gateways: GatewayState[] = [];
  readonly gatewayByKey = new Map<string, GatewayState>();
  /** ListenerSets (and experimental XListenerSets), in input order (listenerset-state.ts). */
  readonly listenerSets: ListenerSetState[] = [];
  /** `Kind/ns/name` → ListenerSet state, for route parentRefs of kind ListenerSet. */
  readonly listenerSetByKey = new Map<string, ListenerSetState>();
  readonly routes: RouteState[] = [];
  /** GatewayClass name → whether it is accepted. */
  readonly classAccepted = new Map<string, boolean>();
  /** `Kind/name` → conditions, for objects with only top-level conditions (GatewayClass). */
  readonly objectConds = new Map<string, CondSet>();
  /** `Kind/ns/name` → computed status (the Model's `status`). */
  readonly status = new Map<string, ResourceStatus>();
  readonly relations: Relation[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly assumptions: Assumption[] = [];
  /** This run's stamp on the assumption keys it has recorded. */
  private readonly stamp = ++runs;
  /** Interned assumption keys: this run's own, or a ControllerCache's (set before any rule runs). */
  assumptionKeys: AssumptionKeys = new Map();
  /** `grant|referrer` pairs already related (one relation per pair, not per reference). */
  readonly grantRelated = new Set<string>();
  private readonly lines?: Map<string, LineIndex>;
  /** While set, relations, reports, assumptions and attachments are recorded here instead of applied. */
  rec: Effects | null = null;

  /** With a ControllerCache: each route's results as this run used them (same order as `routeResources`). */
  readonly finalMemos: RouteMemo[] = [];
  /** With a ControllerCache: where each route's backend relations, and its parent relations, start in `relations`. */
  readonly relationsAt: number[] = [];
  readonly parentRelationsAt: number[] = [];
  /** With a ControllerCache: each route's results from an earlier run, when its object is unchanged (same order as `routeResources`). */
  readonly routeMemos: (RouteMemo | undefined)[] = [];

  constructor(resources: Resource[], options: { lines?: Map<string, LineIndex> } = {}, cache?: ControllerCache) {
    this.resources = resources;
    this.lines = options.lines;
    let services = false;
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i];
      const route = r.known && r.group === GATEWAY_GROUP && isRouteKind(r.kind);
      // A cached route brings its key along (one lookup by raw object for both).
      const memo = route && cache ? cache.find(r) : undefined;
      const key = memo ? memo.key : cachedKey(r);
      // Duplicate objects: the first occurrence wins (the parser reports the duplicate). One map
      // operation per object: set, and only when the size did not grow put the first one back.
      const size = this.byKey.size;
      this.byKey.set(key, r);
      if (this.byKey.size === size) {
        this.byKey.set(key, firstWithKey(resources, i, key, cache));
        continue;
      }
      if (route) {
        // Routes are never looked up by reference: they skip the lookup index and reverse map.
        this.routeResources.push(r);
        this.routeKeys.push(key);
        if (cache) this.routeMemos.push(memo);
        continue;
      }
      this.keyOf.set(r, key);
      // No route's results depend on a backend policy (policy status is computed after the routes,
      // afresh each run): editing a policy must not recompute every route.
      if (!(r.known && POLICY_KINDS.has(r.kind))) this.envResources.push(r);
      let byNs = this.index.get(r.kind);
      if (!byNs) this.index.set(r.kind, (byNs = new Map()));
      let byName = byNs.get(r.namespace);
      if (!byName) byNs.set(r.namespace, (byName = new Map()));
      byName.set(r.name, r);
      switch (r.kind) {
        case "Namespace":
          if (r.group === "") this.namespaces.set(r.name, { ...stringMap(r.metadata.labels), "kubernetes.io/metadata.name": r.name });
          break;
        case "Service":
          if (r.group === "") services = true;
          break;
        case "GatewayClass":
          if (r.known) this.gatewayClasses.push(r);
          break;
        case "Gateway":
          if (r.known) this.gatewayResources.push(r);
          break;
        case "BackendTLSPolicy":
          if (r.known) this.backendTLSPolicies.push(r);
          break;
        case "BackendLBPolicy":
        case "XBackendTrafficPolicy":
          if (r.known) this.trafficPolicies.push(r);
          break;
      }
    }
    this.hasServices = services;
    this.grants = new GrantIndex(this.byKey.values());
  }

  /** The object with this key, only when its API group matches (kinds are not unique across groups). */
  get(group: string, kind: string, namespace: string, name: string): Resource | undefined {
    const r = this.index.get(kind)?.get(namespace)?.get(name);
    return r && r.group === group ? r : undefined;
  }

  /** `Kind/ns/name` of a resource of the input. */
  key(r: Resource): string {
    return this.keyOf.get(r) ?? refKey(r);
  }

  /** Labels of a namespace; an undefined namespace is assumed to exist with only its name label. */
  namespaceLabels(ns: string, why: string): Record<string, string> {
    const labels = this.namespaces.get(ns);
    if (labels) return labels;
    this.assume("namespace-exists", `Namespace ${ns} is not in the input; assumed to exist with only the label kubernetes.io/metadata.name=${ns} (${why})`, [`Namespace/${ns}`]);
    return { "kubernetes.io/metadata.name": ns };
  }

  /** Record an assumption once per code and refs. */
  assume(code: string, message: string, refs: string[]): void {
    const text = `${code}|${refs.join(",")}`;
    let key = this.assumptionKeys.get(text);
    if (key === undefined) this.assumptionKeys.set(text, (key = { key: text, stamp: 0 }));
    if (this.rec) this.rec.assumptions.push({ key, assumption: { code, message, refs } });
    else this.assumeKeyed(key, { code, message, refs });
  }

  /** Record an assumption unless this run recorded one with the same key. */
  assumeKeyed(key: AssumptionKey, a: Assumption): void {
    if (key.stamp === this.stamp) return;
    key.stamp = this.stamp;
    this.assumptions.push(a);
  }

  /** Report a problem on a field of a resource. */
  report(r: Resource, path: PathSegment[], severity: Severity, code: string, message: string): void {
    if (this.rec) {
      this.rec.reports.push({ res: r, path, severity, code, message });
      return;
    }
    this.diagnostics.push(reportDiagnostic(r, path, severity, code, message, this.lines));
  }

  relate(rel: Relation): void {
    if (this.rec) this.rec.relations.push(rel);
    else this.relations.push(rel);
  }

  /**
   * Apply recorded effects, in the order a fresh run applies them. Reports about `was` (the resource
   * the effects were recorded for, possibly an earlier parse's wrapper of the same raw object) are
   * placed on `res`, so they get this parse's file positions.
   */
  replay(relations: Relation[], reports: Effects["reports"] | null, assumptions: Effects["assumptions"] | null, was: Resource, res: Resource): void {
    // Indexed loops: this runs for every route on every edit.
    for (let i = 0; i < relations.length; i++) this.relations.push(relations[i]);
    if (reports !== null) {
      for (let i = 0; i < reports.length; i++) {
        const d = reports[i];
        this.report(d.res === was ? res : d.res, d.path, d.severity, d.code, d.message);
      }
    }
    if (assumptions !== null) for (let i = 0; i < assumptions.length; i++) this.assumeKeyed(assumptions[i].key, assumptions[i].assumption);
  }
}

/** A problem on a field of a resource, placed in its file (what `Ctx.report` records). */
export function reportDiagnostic(r: Resource, path: PathSegment[], severity: Severity, code: string, message: string, lines: Map<string, LineIndex> | undefined): Diagnostic {
  const place = lines ? locate(r, path, lines) : null;
  return {
    severity,
    code,
    message,
    file: r.source.file,
    line: place ? place.line : 0,
    column: place ? place.column : 0,
    endLine: place ? place.endLine : 0,
    endColumn: place ? place.endColumn : 0,
    docIndex: r.source.docIndex,
    resource: { group: r.group, kind: r.kind, namespace: r.namespace, name: r.name },
    path,
  };
}

/**
 * `Kind/ns/name` of a resource, cached by its raw object: the parser reuses the object of every
 * document whose text did not change, so on an edit only the edited documents build new key strings
 * (and the strings keep their hash, which makes the Map inserts cheaper too).
 */
const keyCache = new WeakMap<object, string>();
function cachedKey(r: Resource): string {
  const obj = r.obj;
  if (obj === null || typeof obj !== "object") return refKey(r);
  let key = keyCache.get(obj);
  if (key === undefined || !keyMatches(key, r)) {
    key = refKey(r);
    keyCache.set(obj, key);
  }
  return key;
}

/** Guard against a caller reusing one raw object with a different identity (cheap length check first). */
function keyMatches(key: string, r: Resource): boolean {
  return key.length === r.kind.length + r.name.length + (r.namespace ? r.namespace.length + 2 : 1) && key.endsWith(r.name) && key.startsWith(r.kind);
}

/** The first of `resources[0..end)` with this key (duplicates are rare: a scan is fine). */
function firstWithKey(resources: Resource[], end: number, key: string, cache?: ControllerCache): Resource {
  for (let i = 0; i < end; i++) {
    const r = resources[i];
    const memo = cache && r.known && r.group === GATEWAY_GROUP && isRouteKind(r.kind) ? cache.find(r) : undefined;
    if ((memo ? memo.key : cachedKey(r)) === key) return r;
  }
  return resources[end];
}

/** `metadata.generation`, or 1 when the input has none (a freshly created object). */
export function generationOf(r: Resource): number {
  const g = r.metadata.generation;
  return typeof g === "number" && Number.isFinite(g) ? g : 1;
}

/** A plain object (input fields are untyped; callers still check each field's type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The string entries of a map (labels). */
export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

/** A string field, or "" (inputs are untrusted: anything may be any type). */
export function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const EMPTY: any[] = Object.freeze([]) as unknown as any[];

/** An array field, or a shared frozen [] (read-only: never push into the result). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function arr(v: unknown): any[] {
  return Array.isArray(v) ? v : EMPTY;
}

/**
 * Record a problem on a listener: the condition (first problem of each type wins, as the status has
 * one condition per type) and a diagnostic on the field at fault.
 */
export function failListener(ctx: Ctx, ls: ListenerState, type: string, reason: string, message: string, path: PathSegment[], severity: Severity = "error"): void {
  if (!ls.conds.has(type)) ls.conds.set(type, cond(type, false, reason, message));
  ctx.report(ls.origin, [...ls.view.path, ...path], severity, reason, `${ls.origin.kind} ${ls.origin.namespace}/${ls.origin.name} listener ${ls.view.name}: ${message}`);
}

/** Set a condition (replacing one of the same type). */
export function setCond(set: CondSet, c: Condition): void {
  set.set(c.type, c);
}

export type { GatewayView, ListenerView, RouteView, ParentView };
