/** Route edits: hostnames, rules, matches and parentRefs. */
import type { Session } from "../session";
import { deleteAt, insertAt, moveAt, setAt } from "../primitives";
import { mergeAt } from "../merge";
import { compact, matchDefaults, ruleDefaults } from "../defaults";
import { editorOf, needPath, rulePath, setList } from "./common";
import { EditError, type MergePatch, type ParentRefInput, type Target, type Value } from "../types";

/** `spec.hostnames` becomes exactly `hostnames` (removed when empty). */
export function setHostnames(s: Session, target: Target, hostnames: string[]): void {
  const { ed } = editorOf(s, target, ["HTTPRoute", "GRPCRoute", "TLSRoute"], "setHostnames");
  setList(ed, ["spec", "hostnames"], hostnames);
}

/** Add a rule (the kind's default rule unless given) at `index` (default: last). */
export function addRule(s: Session, target: Target, rule: { [key: string]: Value } | undefined, index?: number): void {
  const { ed, kind } = editorOf(s, target, "route", "addRule");
  insertAt(ed, ["spec", "rules"], rule ?? ruleDefaults(kind), index);
}

/** Change a rule with a merge patch. */
export function updateRule(s: Session, target: Target, rule: number, patch: MergePatch): void {
  const { ed } = editorOf(s, target, "route", "updateRule");
  mergeAt(ed, rulePath(ed, rule), patch);
}

/** Remove a rule. */
export function removeRule(s: Session, target: Target, rule: number): void {
  const { ed } = editorOf(s, target, "route", "removeRule");
  deleteAt(ed, rulePath(ed, rule));
}

/** Move a rule (rule order matters for precedence ties only, but people read it). */
export function moveRule(s: Session, target: Target, from: number, to: number): void {
  const { ed } = editorOf(s, target, "route", "moveRule");
  moveAt(ed, ["spec", "rules"], from, to);
}

/** Match fields each kind has (HTTPRouteMatch, GRPCRouteMatch). */
const MATCH_FIELDS: Record<string, readonly string[]> = {
  HTTPRoute: ["path", "headers", "queryParams", "method"],
  GRPCRoute: ["method", "headers"],
};

function checkMatch(kind: string, m: { [key: string]: unknown }): void {
  const allowed = MATCH_FIELDS[kind];
  if (!allowed) throw new EditError(`${kind} rules have no matches`);
  const bad = Object.keys(m).filter((k) => !allowed.includes(k));
  if (bad.length) throw new EditError(`${kind} matches have no field ${bad.join(", ")} (fields: ${allowed.join(", ")})`);
}

/** Add a match to a rule (HTTP: path prefix `/`; gRPC: a method match). */
export function addMatch(s: Session, target: Target, rule: number, match: { [key: string]: Value } | undefined, index?: number): void {
  const { ed, kind } = editorOf(s, target, ["HTTPRoute", "GRPCRoute"], "addMatch");
  const m = match ?? matchDefaults(kind);
  checkMatch(kind, m);
  insertAt(ed, [...rulePath(ed, rule), "matches"], m, index);
}

/** Change a match with a merge patch (fields checked against the route kind). */
export function updateMatch(s: Session, target: Target, rule: number, match: number, patch: MergePatch): void {
  const { ed, kind } = editorOf(s, target, ["HTTPRoute", "GRPCRoute"], "updateMatch");
  checkMatch(kind, patch);
  const p = [...rulePath(ed, rule), "matches", match];
  needPath(ed, p, `match ${match} of rule ${rule}`);
  mergeAt(ed, p, patch);
}

/** Remove a match from a rule. */
export function removeMatch(s: Session, target: Target, rule: number, match: number): void {
  const { ed } = editorOf(s, target, ["HTTPRoute", "GRPCRoute"], "removeMatch");
  const p = [...rulePath(ed, rule), "matches", match];
  needPath(ed, p, `match ${match} of rule ${rule}`);
  deleteAt(ed, p);
}

/** The field holding a resource's parent references: routes have a list, ListenerSets one ref. */
function parentField(kind: string): "parentRefs" | "parentRef" {
  return kind === "ListenerSet" || kind === "XListenerSet" ? "parentRef" : "parentRefs";
}

const PARENT_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute", "ListenerSet", "XListenerSet"];

/** Attach to a parent: a parentRef appended (a ListenerSet's single parentRef replaced). */
export function addParentRef(s: Session, target: Target, ref: ParentRefInput): void {
  const { ed, kind } = editorOf(s, target, PARENT_KINDS, "addParentRef");
  const value = compact({ group: ref.group, kind: ref.kind, name: ref.name, namespace: ref.namespace, sectionName: ref.sectionName, port: ref.port });
  if (parentField(kind) === "parentRef") setAt(ed, ["spec", "parentRef"], value);
  else insertAt(ed, ["spec", "parentRefs"], value);
}

/** Change a parentRef with a merge patch (sectionName, port…). */
export function updateParentRef(s: Session, target: Target, index: number, patch: MergePatch): void {
  const { ed, kind } = editorOf(s, target, PARENT_KINDS, "updateParentRef");
  const p = parentField(kind) === "parentRef" ? ["spec", "parentRef"] : ["spec", "parentRefs", index];
  needPath(ed, p, `parentRef ${index}`);
  mergeAt(ed, p, patch);
}

/** Detach from a parent. */
export function removeParentRef(s: Session, target: Target, index: number): void {
  const { ed, kind } = editorOf(s, target, PARENT_KINDS, "removeParentRef");
  const p = parentField(kind) === "parentRef" ? ["spec", "parentRef"] : ["spec", "parentRefs", index];
  needPath(ed, p, `parentRef ${index}`);
  deleteAt(ed, p);
}
