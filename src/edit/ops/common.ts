/** Helpers the named operations share: the resource's kind, required nodes, lists edited item by item. */
import { isRouteKind } from "../../model/kinds";
import type { Session } from "../session";
import type { DocEditor } from "../doc";
import { deleteAt, insertAt, setAt } from "../primitives";
import { EditError, type Path, type Target, type Value } from "../types";

/** The editor of the target, checked to be one of `kinds` (any route kind when `kinds` is "route"). */
export function editorOf(s: Session, target: Target, kinds: readonly string[] | "route", op: string): { ed: DocEditor; kind: string } {
  const { ed } = s.find(target);
  const kind = String(ed.get(["kind"]));
  const ok = kinds === "route" ? isRouteKind(kind) : kinds.includes(kind);
  if (!ok) throw new EditError(`${op} applies to ${kinds === "route" ? "routes" : kinds.join(" or ")}, not to ${kind}`);
  return { ed, kind };
}

/** Raise unless the node at `path` exists. */
export function needPath(ed: DocEditor, path: Path, what: string): void {
  if (ed.node(path) === undefined) throw new EditError(`${what} does not exist`);
}

/** `spec.rules[rule]`, checked. */
export function rulePath(ed: DocEditor, rule: number): Path {
  const p: Path = ["spec", "rules", rule];
  needPath(ed, p, `rule ${rule}`);
  return p;
}

/**
 * Make the list at `path` hold `values`, item by item: unchanged items (and their comments) stay,
 * changed ones are rewritten, extra ones removed from the end, new ones appended. An empty list
 * removes the field.
 */
export function setList(ed: DocEditor, path: Path, values: Value[]): void {
  if (!values.length) {
    deleteAt(ed, path);
    return;
  }
  const cur = ed.get(path);
  if (!Array.isArray(cur)) return setAt(ed, path, values);
  const common = Math.min(cur.length, values.length);
  for (let i = 0; i < common; i++) setAt(ed, [...path, i], values[i]);
  for (let i = cur.length - 1; i >= values.length; i--) deleteAt(ed, [...path, i]);
  for (let i = cur.length; i < values.length; i++) insertAt(ed, path, values[i]);
}
