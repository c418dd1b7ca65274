/**
 * Edits made of several field changes: a JSON merge patch, and several scalars set from one parse.
 */
import { isMap, isScalar, isSeq, type Node as YNode } from "yaml";
import type { DocEditor } from "./doc";
import { deleteAt, replace, setAt } from "./primitives";
import { startOf } from "./tree";
import type { MergePatch, Path, Value } from "./types";

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Drop `null` members (a merge patch's "remove") from a value about to be written whole. */
function withoutNulls(v: Value): Value {
  if (!isObject(v)) return v;
  const out: { [k: string]: Value } = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = withoutNulls(x as Value);
  return out;
}

/** Apply a JSON merge patch (RFC 7386) at a path, field by field. */
export function mergeAt(ed: DocEditor, path: Path, patch: MergePatch): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const sub = [...path, k];
    if (v === null) deleteAt(ed, sub);
    else if (isObject(v) && isMap(ed.node(sub))) mergeAt(ed, sub, v as MergePatch);
    else setAt(ed, sub, withoutNulls(v as Value));
  }
}

/**
 * Set several values at once. When every path already holds a scalar and every value is one, the
 * replacements are made from a single parse, last one first so earlier offsets stay valid (a canary
 * shift of N weights costs one parse, not N); otherwise they are set one by one.
 */
export function setScalars(ed: DocEditor, entries: [Path, Value][]): void {
  const plan: { node: YNode; parent: YNode | null; path: Path; value: Value }[] = [];
  for (const [path, value] of entries) {
    const l = ed.locate(path);
    if (l.depth !== path.length || !l.node || !isScalar(l.node) || (value !== null && typeof value === "object") || (l.parent && (isMap(l.parent) || isSeq(l.parent)) && l.parent.flow)) {
      for (const [p, v] of entries) setAt(ed, p, v);
      return;
    }
    plan.push({ node: l.node, parent: l.parent, path, value });
  }
  plan.sort((a, b) => startOf(b.node) - startOf(a.node));
  for (const p of plan) replace(ed, p.node, p.parent, p.path, p.value);
}
