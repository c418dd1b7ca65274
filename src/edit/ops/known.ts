/**
 * Reference updates from a parse the caller already has (EditContext.resources): the objects and
 * their source trees say where each reference is, so a rename across thousands of documents parses
 * none of them. Every position is checked against the text before it is rewritten.
 */
import type { Session } from "../session";
import type { Resource } from "../../model/resource";
import { hasPath, nodeAt } from "../../model/source";
import { stringText } from "../render";
import type { Path, Value } from "../types";

/** The reference fields of one object (in namespace `ns`) to rewrite, with their new values. */
export type Updates = (obj: unknown, ns: string) => [Path, Value][];

/** A scalar as written (`"x"`, `'x'` or `x`) read back as a string; undefined when it is anything else. */
function unquote(written: string): string | undefined {
  if (written.startsWith('"')) {
    try {
      return JSON.parse(written) as string;
    } catch {
      return undefined;
    }
  }
  if (written.startsWith("'")) return written.length > 1 && written.endsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : undefined;
  return /^[^\s#&*!|>%@`{[\]},'"]/.test(written) && !/[\n#]/.test(written) ? written : undefined;
}

/** The new string in the old scalar's quoting (plain only where plain reads back as the same string). */
function requote(written: string, v: string): string {
  if (written.startsWith('"')) return JSON.stringify(v);
  if (written.startsWith("'")) return `'${v.replace(/'/g, "''")}'`;
  return stringText(v, true);
}

function valueAtPath(obj: unknown, path: Path): unknown {
  let v = obj;
  for (const seg of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/**
 * Apply `updates` to the documents of `resources` that the session has not opened: each new value
 * replaces the old scalar at the position the source tree gives, once the text there reads as the
 * old value. A document where one position does not check out is left to the caller (slow path).
 * Returns the start offsets of the documents handled here.
 */
export function updateKnown(s: Session, resources: readonly Resource[], updates: Updates): Set<number> {
  const done = new Set<number>();
  const byDoc = new Map<number, Resource[]>();
  for (const r of resources) {
    const list = byDoc.get(r.source.offset);
    if (list) list.push(r);
    else byDoc.set(r.source.offset, [r]);
  }
  for (const [start, rs] of byDoc) {
    if (s.touched(start)) continue;
    const plan: [number, number, string][] = [];
    let ok = true;
    for (const r of rs) {
      for (const [path, value] of updates(r.obj, r.namespace)) {
        const node = hasPath(r.source.tree, path) ? nodeAt(r.source.tree, path) : null;
        const written = node ? s.text.slice(start + node.r[0], start + node.r[1]) : "";
        if (!node || typeof value !== "string" || unquote(written) !== valueAtPath(r.obj, path)) ok = false;
        else plan.push([node.r[0], node.r[1], requote(written, value)]);
      }
    }
    if (!ok) continue;
    done.add(start);
    if (!plan.length) continue;
    const ed = s.openRaw(start);
    plan.sort((a, b) => b[0] - a[0]);
    for (const [from, to, text] of plan) ed.splice(from, to, text, true);
  }
  return done;
}
