import { parseDocument, isMap, isSeq, isScalar, isPair, isAlias, type Node as YNode, type Document } from "yaml";
import type { SourceNode } from "../model/source";
import type { Problem } from "./problem";

/**
 * The complete path: the `yaml` package, which recovers from errors and reports every one of them
 * (syntax, duplicate keys, alias limits) with positions. Used when the fast path declines.
 */
export interface SlowResult {
  value: unknown;
  tree: SourceNode | null;
  problems: Problem[];
  /** False when the document has errors that make its value untrustworthy. */
  usable: boolean;
}

/** Errors listed per document before the rest are summarised in one line. */
const MAX_ERRORS = 20;

/** Errors that leave a value we can still use (with the error reported). */
const RECOVERABLE = new Set(["DUPLICATE_KEY"]);

/** Parse one document with every error reported. `maxDepth` bounds the nesting of collections. */
export function slowParse(text: string, maxAliasCount: number, maxDepth = 64): SlowResult {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  } catch (e) {
    const deep = e instanceof RangeError;
    return { value: null, tree: null, problems: [problem("error", deep ? "too-deep" : "yaml-syntax", deep ? tooDeep(maxDepth) : String(e), 0, Math.min(1, text.length))], usable: false };
  }
  // Very deep nesting overflows the stack inside the `yaml` package (which then reports one error
  // per level) or would overflow ours later: one clear error instead, at the first node too deep.
  const overflow = doc.errors.some((e) => /call stack/i.test(e.message));
  const deepAt = overflow ? 0 : depthExceeded(doc.contents as YNode | null, maxDepth);
  if (overflow || deepAt !== -1) {
    return { value: null, tree: null, problems: [problem("error", "too-deep", tooDeep(maxDepth), deepAt, Math.min(deepAt + 1, text.length))], usable: false };
  }
  const problems: Problem[] = [];
  let usable = true;
  for (const err of doc.errors) {
    const code = err.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
    if (!RECOVERABLE.has(err.code)) usable = false;
    // After the first few, errors are mostly echoes of the first (a broken bracket can yield thousands).
    if (problems.length === MAX_ERRORS) {
      problems.push(problem("error", "yaml-syntax", `${doc.errors.length - MAX_ERRORS} more YAML errors in this document (only the first ${MAX_ERRORS} are listed)`, err.pos[0], err.pos[1]));
      break;
    }
    problems.push(problem("error", code, cleanMessage(err.message), err.pos[0], err.pos[1]));
  }
  for (const w of doc.warnings) {
    problems.push(problem("warning", "yaml-warning", cleanMessage(w.message), w.pos[0], w.pos[1]));
  }
  let value: unknown = null;
  if (usable) {
    try {
      value = doc.toJS({ maxAliasCount });
    } catch (e) {
      usable = false;
      const msg = e instanceof Error ? e.message : String(e);
      const at = firstAlias(doc.contents as YNode | null);
      problems.push(problem("error", "alias-limit", `aliases expand to too many nodes (more than ${maxAliasCount} expansions; a "billion laughs" document?): ${cleanMessage(msg)}`, at[0], at[1]));
      value = null;
    }
  }
  // A document with no content (only comments, or `---`) has no tree, as on the fast path.
  const empty = !doc.contents || (isScalar(doc.contents) && doc.contents.value === null);
  return { value, tree: empty ? null : toTree(doc.contents as YNode, text), problems, usable };
}

function tooDeep(maxDepth: number): string {
  return `collections are nested more than ${maxDepth} levels deep; the document is not read`;
}

function kidsOf(n: YNode): YNode[] {
  if (isMap(n)) return n.items.flatMap((p) => [p.key as YNode, p.value as YNode]).filter((x): x is YNode => !!x && typeof x === "object");
  if (isSeq(n)) return n.items.filter((x): x is YNode => !!x && typeof x === "object") as YNode[];
  return [];
}

/** Start offset of the first collection nested deeper than `max`, or -1. Iterative: the input may be hostile. */
function depthExceeded(root: YNode | null, max: number): number {
  if (!root) return -1;
  const stack: [YNode, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (!isMap(n) && !isSeq(n)) continue;
    if (d > max) return n.range?.[0] ?? 0;
    for (const k of kidsOf(n)) stack.push([k, d + 1]);
  }
  return -1;
}

/** Range of the first alias (`*name`) in document order, to point the alias-limit error at. */
function firstAlias(root: YNode | null): [number, number] {
  const stack: YNode[] = root ? [root] : [];
  let best: [number, number] | null = null;
  while (stack.length) {
    const n = stack.pop()!;
    if (isAlias(n) && n.range && (!best || n.range[0] < best[0])) best = [n.range[0], n.range[1]];
    stack.push(...kidsOf(n));
  }
  return best ?? [0, 0];
}

function problem(severity: Problem["severity"], code: string, message: string, start: number, end: number): Problem {
  return { severity, code, message, start, end };
}

function cleanMessage(m: string): string {
  // The `yaml` package appends " at line L, column C" and a code excerpt; we give positions ourselves.
  return m.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * [start, end) of a node's value. The `yaml` package ends block collections and block scalars after
 * their last line break; we end every node at its last significant character (as the fast path does),
 * so a diagnostic's end stays on the node's own last line.
 */
function range(n: YNode, text: string): [number, number] {
  const r = n.range;
  if (!r) return [0, 0];
  let e = r[1];
  while (e > r[0] && isWs(text.charCodeAt(e - 1))) e--;
  return [r[0], e];
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function toTree(n: YNode, text: string): SourceNode {
  if (isMap(n)) {
    const c: Record<string, SourceNode> = {};
    let last = 0;
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YNode | null;
      const keyStr = key && isScalar(key) ? String(key.value) : key ? String(key) : "";
      const kr = key ? range(key, text) : ([0, 0] as [number, number]);
      const value = pair.value as YNode | null;
      // A key written with no value (`key:`) has an empty value node; place it at the key's end.
      const empty = !value || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]);
      const node: SourceNode = empty ? { r: [kr[1], kr[1]] } : toTree(value, text);
      node.k = kr;
      c[keyStr] = node; // last one wins, as in toJS
      last = Math.max(last, kr[1], node.r[1]);
    }
    return { r: collectionRange(n, text, last), c };
  }
  if (isSeq(n)) {
    const c = n.items.map((it) => (it ? toTree(it as YNode, text) : { r: [0, 0] as [number, number] }));
    const last = c.reduce((m, x) => Math.max(m, x.r[1]), 0);
    return { r: collectionRange(n, text, last), c };
  }
  return { r: range(n, text) };
}

/** A block collection ends with its last entry (not with a comment after it); a flow collection with its bracket. */
function collectionRange(n: YNode & { flow?: boolean; items: unknown[] }, text: string, lastChild: number): [number, number] {
  const r = range(n, text);
  if (n.flow || n.items.length === 0) return r;
  return [r[0], Math.max(r[0], Math.min(r[1], lastChild))];
}
