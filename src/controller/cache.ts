/**
 * ControllerCache: what `simulate` keeps between runs so that an edit to one route costs one route.
 * A route's results (its view's rules and parents, backends, status, and what it added to the
 * relations, diagnostics, assumptions and listeners) are a function of the route and of its
 * environment — every resource that is not a route. So results are kept per route, keyed by the
 * route's raw object (the parser keeps the raw object of every document whose text did not change),
 * and all of them are dropped when the environment changes (compared element by element, by object
 * identity: cheap). Raw objects must not be mutated in place once simulated with a cache.
 */
import type { Resource } from "../model/resource";
import type { Condition, ResourceStatus } from "../model/status";
import type { ParentView, Relation, RuleView } from "../model/model";
import type { AssumptionKeys, Effects } from "./context";
import type { LastRun } from "./patch";

/** One route's results, as computed for the environment the cache holds. */
export interface RouteMemo {
  /** The resource it was computed for (diagnostics about it are placed on this run's resource). */
  res: Resource;
  /** Its identity and the fields the rules read, kept here to check a resource against without reading `res`. */
  kind: string;
  group: string;
  namespace: string;
  name: string;
  known: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  metadata: Resource["metadata"];
  key: string;
  kindKey: string;
  hostnames: string[];
  rules: RuleView[];
  parents: ParentView[];
  resolved: Condition | null;
  /**
   * Effects of backend resolution, replayed in the backend phase, and of attachment, replayed in the
   * attachment phase; held flat, lists without entries as null (each replay reads as little as it can).
   */
  backendRelations: Relation[];
  backendReports: Effects["reports"] | null;
  backendAssumptions: Effects["assumptions"] | null;
  parentRelations: Relation[];
  parentReports: Effects["reports"] | null;
  parentAssumptions: Effects["assumptions"] | null;
  /** Attachments by listener position (gateway order, then listener order): the listener states are new each run. */
  attach: { ls: number; parentIndex: number; hostnames: string[] }[];
  status: ResourceStatus;
}

/**
 * Pass the same cache to every `simulate` of one evolving configuration (`simulate(resources,
 * { lines, cache })`); results are identical to a run without it. Opaque: its contents are the
 * controller's business.
 */
export class ControllerCache {
  private env: Resource[] | null = null;
  private memos = new WeakMap<object, RouteMemo>();
  /** Assumption keys the memos' recorded assumptions point at (see context.ts AssumptionKey). */
  keys: AssumptionKeys = new Map();
  /** Routes computed (not found in the cache) by the last run; for tests and benchmarks. */
  lastMisses = 0;
  /** Whether the last run found a different environment (and so recomputed every route). */
  lastEnvChanged = false;
  /** Whether the last run patched the run before it (see patch.ts) instead of running the rules. */
  lastPatched = false;
  /** The last run, kept to patch it (patch.ts). */
  last: LastRun | null = null;

  /** Start a run over `env`; forgets every route when it differs from the previous run's. */
  begin(env: Resource[]): void {
    this.lastMisses = 0;
    this.lastEnvChanged = this.env === null || !sameResources(this.env, env);
    // Keys outlive the routes that made them: start afresh with the routes, and when they pile up.
    if (this.lastEnvChanged || this.keys.size > MAX_KEYS) this.clear();
    this.env = env;
  }

  /**
   * The results kept for a route's raw object, when made for the same resource identity. They hold for
   * this run only if the environment is unchanged (`begin` tells; its key holds regardless).
   */
  find(res: Resource): RouteMemo | undefined {
    const obj = res.obj;
    if (obj === null || typeof obj !== "object") return undefined;
    const m = this.memos.get(obj);
    return m && m.spec === res.spec && m.metadata === res.metadata && m.kind === res.kind && m.group === res.group && m.namespace === res.namespace && m.name === res.name && m.known === res.known ? m : undefined;
  }

  store(res: Resource, m: RouteMemo): void {
    this.lastMisses++;
    const obj = res.obj;
    if (obj !== null && typeof obj === "object") this.memos.set(obj, m);
  }

  /** Forget everything (after a failed run). */
  clear(): void {
    this.env = null;
    this.last = null;
    this.memos = new WeakMap();
    this.keys = new Map();
  }
}

/** Assumption keys kept at most (a configuration of 10,000 routes makes about 20,000). */
const MAX_KEYS = 200_000;

/** Same raw object and the same identity and fields the rules read. */
function sameResource(a: Resource, b: Resource): boolean {
  return a.obj === b.obj && a.spec === b.spec && a.metadata === b.metadata && a.kind === b.kind && a.group === b.group && a.namespace === b.namespace && a.name === b.name && a.known === b.known;
}

function sameResources(a: Resource[], b: Resource[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameResource(a[i], b[i])) return false;
  return true;
}
