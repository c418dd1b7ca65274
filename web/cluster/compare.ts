/**
 * Reported status (what the cluster's controller wrote in `.status`) beside the status Switchyard
 * computes (Model.status), row by row: each condition by type (status and reason; messages are free
 * text and not compared), each route parent by parentRef, each policy ancestor, each listener's
 * attachedRoutes and conditions. A row "differs" when the two sides disagree, including when one
 * side has an entry the other lacks. Both sides can be wrong: the controller may have a bug, or
 * the simulator may — the comparison only says where they part.
 * Shapes read: GatewayStatus (conditions, listeners[].{name, attachedRoutes, conditions}),
 * RouteStatus.parents[].{parentRef, conditions}, PolicyStatus.ancestors[].{ancestorRef, conditions}.
 */
import type { Condition, ParentStatus, ResourceStatus } from "../../src/model/status";
import type { Reported } from "../store/cluster";
import { conditionHealth } from "../../src/graph/health";

export interface DriftRow {
  /** "" for the object's own conditions, else e.g. `parent Gateway infra/edge/http`, `listener http`. */
  scope: string;
  /** A condition type, `attachedRoutes`, or `entry` (the parent/ancestor/listener itself). */
  item: string;
  /** Our side as text, or null when we have no such entry. */
  ours: string | null;
  /** The cluster's side as text, or null when it reports no such entry. */
  reported: string | null;
  differs: boolean;
  /**
   * Only one side has this condition and it is in its healthy state (e.g. our `Conflicted=False`,
   * which many controllers leave out): shown, but not a disagreement — absence means the same.
   */
  oneSided?: boolean;
}

export interface Comparison {
  rows: DriftRow[];
  /** Rows that differ. */
  disagreements: number;
  /** The cluster reports any status at all for the object. */
  hasReported: boolean;
  /** When the reported conditions describe an older generation than the object's. */
  stale: string | null;
}

interface Cond {
  type: string;
  status: string;
  reason: string;
  observedGeneration?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function readConditions(v: unknown): Cond[] {
  return arr(v).filter(isRecord).map((c) => ({ type: str(c.type), status: str(c.status), reason: str(c.reason), ...(typeof c.observedGeneration === "number" ? { observedGeneration: c.observedGeneration } : {}) }));
}

/** `ns/name[/section][:port]`, as the controller names parents (src/controller/parent-refs.ts formatParentRef). */
export function parentRefText(ref: Record<string, unknown>, defaultNamespace: string): string {
  let s = `${str(ref.namespace) || defaultNamespace}/${str(ref.name)}`;
  if (str(ref.sectionName)) s += `/${str(ref.sectionName)}`;
  if (typeof ref.port === "number") s += `:${ref.port}`;
  return s;
}

const condText = (c: { status: string; reason: string }) => `${c.status} ${c.reason}`;
/** An entry found on one side only, summarised with its conditions (one row: one disagreement). */
const entryText = (conds: readonly { type: string; status: string }[]) => (conds.length ? `listed: ${conds.map((c) => `${c.type}=${c.status}`).join(", ")}` : "listed");

/** A condition only one side reports: a disagreement unless it is healthy (then its absence says the same). */
function oneSided(scope: string, c: Cond, ours: string | null, reported: string | null): DriftRow {
  const healthy = conditionHealth({ type: c.type, status: c.status as Condition["status"], reason: c.reason, message: "" }) === "ok";
  return healthy ? { scope, item: c.type, ours, reported, differs: false, oneSided: true } : { scope, item: c.type, ours, reported, differs: true };
}

/** Compare two condition lists, adding one row per type found on either side. */
function compareConditions(rows: DriftRow[], scope: string, ours: readonly Condition[], theirs: readonly Cond[]): void {
  const t = new Map<string, Cond>();
  for (const c of theirs) if (!t.has(c.type)) t.set(c.type, c);
  const seen = new Set<string>();
  for (const c of ours) {
    if (seen.has(c.type)) continue;
    seen.add(c.type);
    const r = t.get(c.type);
    if (r) rows.push({ scope, item: c.type, ours: condText(c), reported: condText(r), differs: r.status !== c.status || r.reason !== c.reason });
    else rows.push(oneSided(scope, c, condText(c), null));
  }
  for (const [type, r] of t) if (!seen.has(type)) rows.push(oneSided(scope, r, null, condText(r)));
}

/** Parents (or ancestors): matched by kind and parentRef text; entries on one side only differ. */
function compareParents(rows: DriftRow[], label: string, ours: readonly ParentStatus[], theirs: unknown[], refField: "parentRef" | "ancestorRef", namespace: string): void {
  const t = new Map<string, Cond[]>();
  for (const p of theirs) {
    if (!isRecord(p) || !isRecord(p[refField])) continue;
    const ref = p[refField] as Record<string, unknown>;
    const key = `${str(ref.kind) || "Gateway"} ${parentRefText(ref, namespace)}`;
    // Several controllers may report on one parent; the first entry speaks for it.
    if (!t.has(key)) t.set(key, readConditions(p.conditions));
  }
  const seen = new Set<string>();
  for (const p of ours) {
    const key = `${p.parentKind} ${p.parentRef}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const scope = `${label} ${key}`;
    const r = t.get(key);
    if (r) compareConditions(rows, scope, p.conditions, r);
    else rows.push({ scope, item: "entry", ours: entryText(p.conditions), reported: null, differs: true });
  }
  for (const [key, r] of t) if (!seen.has(key)) rows.push({ scope: `${label} ${key}`, item: "entry", ours: null, reported: entryText(r), differs: true });
}

function compareListeners(rows: DriftRow[], ours: ResourceStatus["listeners"], theirs: unknown[]): void {
  const t = new Map<string, Record<string, unknown>>();
  for (const l of theirs) if (isRecord(l) && typeof l.name === "string" && !t.has(l.name)) t.set(l.name, l);
  const seen = new Set<string>();
  for (const l of ours ?? []) {
    seen.add(l.name);
    const scope = `listener ${l.name}`;
    const r = t.get(l.name);
    if (!r) {
      rows.push({ scope, item: "entry", ours: entryText(l.conditions), reported: null, differs: true });
      continue;
    }
    const attached = typeof r.attachedRoutes === "number" ? r.attachedRoutes : null;
    rows.push({ scope, item: "attachedRoutes", ours: String(l.attachedRoutes), reported: attached === null ? null : String(attached), differs: attached !== l.attachedRoutes });
    compareConditions(rows, scope, l.conditions, readConditions(r.conditions));
  }
  for (const [name, r] of t) if (!seen.has(name)) rows.push({ scope: `listener ${name}`, item: "entry", ours: null, reported: entryText(readConditions(r.conditions)), differs: true });
}

/** The newest observedGeneration older than the object's generation, as a sentence; or null. */
function staleness(status: Record<string, unknown>, generation: number | undefined): string | null {
  if (generation === undefined) return null;
  let oldest: number | null = null;
  const visit = (conds: unknown) => {
    for (const c of readConditions(conds)) if (c.observedGeneration !== undefined && c.observedGeneration < generation) oldest = oldest === null ? c.observedGeneration : Math.min(oldest, c.observedGeneration);
  };
  visit(status.conditions);
  for (const k of ["parents", "ancestors", "listeners"]) for (const e of arr(status[k])) if (isRecord(e)) visit(e.conditions);
  return oldest === null ? null : `some reported conditions describe generation ${oldest}; the object is at generation ${generation} (the controller has not caught up, or ignores it)`;
}

/**
 * Compare our computed status with the reported one. `namespace` is the object's (parentRefs
 * without a namespace mean the route's own).
 */
export function compareStatus(ours: ResourceStatus, reported: Reported | undefined, namespace: string): Comparison {
  const status = isRecord(reported?.status) ? reported.status : {};
  const rows: DriftRow[] = [];
  const hasReported = Object.keys(status).length > 0;
  // No status at all: no controller has processed the object (healthy one-sided rows would hide it).
  if (!hasReported) rows.push({ scope: "", item: "status", ours: "computed", reported: null, differs: true });
  compareConditions(rows, "", ours.conditions, readConditions(status.conditions));
  if (ours.parents || Array.isArray(status.parents)) compareParents(rows, "parent", ours.parents ?? [], arr(status.parents), "parentRef", namespace);
  if (ours.ancestors || Array.isArray(status.ancestors)) compareParents(rows, "ancestor", ours.ancestors ?? [], arr(status.ancestors), "ancestorRef", namespace);
  if (ours.listeners || Array.isArray(status.listeners)) compareListeners(rows, ours.listeners, arr(status.listeners));
  return {
    rows,
    disagreements: rows.reduce((n, r) => n + (r.differs ? 1 : 0), 0),
    hasReported,
    stale: staleness(status, reported?.generation),
  };
}
