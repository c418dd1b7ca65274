/** Backends, weights and filters of route rules. */
import type { Session } from "../session";
import { deleteAt, insertAt } from "../primitives";
import { mergeAt, setScalars } from "../merge";
import { FILTER_FIELD, FILTER_TYPES, compact, filterDefaults } from "../defaults";
import { editorOf, needPath, rulePath } from "./common";
import type { DocEditor } from "../doc";
import { EditError, type BackendInput, type FilterInput, type MergePatch, type Path, type Target, type Value } from "../types";

/** Add a backendRef to a rule (a Service gets port 80 unless given). */
export function addBackend(s: Session, target: Target, rule: number, b: BackendInput, index?: number): void {
  const { ed } = editorOf(s, target, "route", "addBackend");
  const isService = (b.group ?? "") === "" && (b.kind ?? "Service") === "Service";
  // BackendRef.port: "Port is required when the referent is a Kubernetes Service."
  const port = b.port ?? (isService ? 80 : undefined);
  insertAt(ed, [...rulePath(ed, rule), "backendRefs"], compact({ group: b.group, kind: b.kind, name: b.name, namespace: b.namespace, port, weight: b.weight }), index);
}

function backendPath(ed: DocEditor, rule: number, backend: number): Path {
  const p = [...rulePath(ed, rule), "backendRefs", backend];
  needPath(ed, p, `backendRef ${backend} of rule ${rule}`);
  return p;
}

/** Change a backendRef with a merge patch. */
export function updateBackend(s: Session, target: Target, rule: number, backend: number, patch: MergePatch): void {
  const { ed } = editorOf(s, target, "route", "updateBackend");
  mergeAt(ed, backendPath(ed, rule, backend), patch);
}

/** Remove a backendRef from a rule. */
export function removeBackend(s: Session, target: Target, rule: number, backend: number): void {
  const { ed } = editorOf(s, target, "route", "removeBackend");
  deleteAt(ed, backendPath(ed, rule, backend));
}

/**
 * Set the weights of a rule's backendRefs (a canary shift): one weight per backendRef, in order.
 * An absent weight that stays 1 is left absent (BackendRef.weight defaults to 1).
 */
export function setWeights(s: Session, target: Target, rule: number, weights: number[]): void {
  const { ed } = editorOf(s, target, "route", "setWeights");
  const path = [...rulePath(ed, rule), "backendRefs"];
  const refs = ed.get(path);
  if (!Array.isArray(refs)) throw new EditError(`rule ${rule} has no backendRefs`);
  if (refs.length !== weights.length) throw new EditError(`rule ${rule} has ${refs.length} backendRefs, ${weights.length} weights were given`);
  const entries: [Path, Value][] = [];
  weights.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 0) throw new EditError(`weight ${w} is not a non-negative integer`);
    const cur = (refs[i] as { weight?: unknown } | null)?.weight;
    if (cur === w || (cur === undefined && w === 1)) return;
    entries.push([[...path, i, "weight"], w]);
  });
  setScalars(ed, entries);
}

function filtersPath(ed: DocEditor, rule: number, backend: number | undefined): Path {
  return backend === undefined ? [...rulePath(ed, rule), "filters"] : [...backendPath(ed, rule, backend), "filters"];
}

function checkType(kind: string, type: string): string {
  const allowed = FILTER_TYPES[kind];
  if (!allowed) throw new EditError(`${kind} rules have no filters`);
  if (!allowed.includes(type)) throw new EditError(`${kind} does not accept ${type} filters (types: ${allowed.join(", ")})`);
  return FILTER_FIELD[type];
}

/** Add a filter to a rule (or to a backendRef), its configuration defaulted when not given. */
export function addFilter(s: Session, target: Target, rule: number, backend: number | undefined, filter: FilterInput, index?: number): void {
  const { ed, kind } = editorOf(s, target, ["HTTPRoute", "GRPCRoute"], "addFilter");
  const field = checkType(kind, filter.type);
  const value: { [k: string]: Value } = { type: filter.type, [field]: (filter[field] as Value | undefined) ?? filterDefaults(filter.type) };
  for (const [k, v] of Object.entries(filter)) if (k !== "type" && k !== field && v !== undefined) value[k] = v;
  insertAt(ed, filtersPath(ed, rule, backend), value, index);
}

/** Change a filter; a new `type` moves the configuration to the new type's field (defaults unless given). */
export function updateFilter(s: Session, target: Target, rule: number, backend: number | undefined, filter: number, patch: MergePatch): void {
  const { ed, kind } = editorOf(s, target, ["HTTPRoute", "GRPCRoute"], "updateFilter");
  const p = [...filtersPath(ed, rule, backend), filter];
  needPath(ed, p, `filter ${filter}`);
  const cur = ed.get(p) as { type?: unknown } | null;
  const full: MergePatch = { ...patch };
  if (typeof patch.type === "string" && patch.type !== cur?.type) {
    const field = checkType(kind, patch.type);
    const old = typeof cur?.type === "string" ? FILTER_FIELD[cur.type] : undefined;
    if (old && old !== field && full[old] === undefined) full[old] = null;
    if (full[field] === undefined) full[field] = filterDefaults(patch.type);
  }
  mergeAt(ed, p, full);
}

/** Remove a filter from a rule (or from a backendRef). */
export function removeFilter(s: Session, target: Target, rule: number, backend: number | undefined, filter: number): void {
  const { ed } = editorOf(s, target, ["HTTPRoute", "GRPCRoute"], "removeFilter");
  const p = [...filtersPath(ed, rule, backend), filter];
  needPath(ed, p, `filter ${filter}`);
  deleteAt(ed, p);
}
