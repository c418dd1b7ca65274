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

/** Errors that leave a value we can still use (with the error reported). */
const RECOVERABLE = new Set(["DUPLICATE_KEY"]);

export function slowParse(text: string, maxAliasCount: number): SlowResult {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  } catch (e) {
    return { value: null, tree: null, problems: [problem("error", "yaml-syntax", String(e), 0, 0)], usable: false };
  }
  const problems: Problem[] = [];
  let usable = true;
  for (const err of doc.errors) {
    const code = err.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
    if (!RECOVERABLE.has(err.code)) usable = false;
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
      problems.push(problem("error", "alias-limit", cleanMessage(msg), 0, Math.min(text.length, 1)));
      value = null;
    }
  }
  return { value, tree: doc.contents ? toTree(doc.contents as YNode) : null, problems, usable };
}

function problem(severity: Problem["severity"], code: string, message: string, start: number, end: number): Problem {
  return { severity, code, message, start, end };
}

function cleanMessage(m: string): string {
  // The `yaml` package appends " at line L, column C" and a code excerpt; we give positions ourselves.
  return m.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

function range(n: YNode): [number, number] {
  const r = n.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function toTree(n: YNode): SourceNode {
  if (isMap(n)) {
    const c: Record<string, SourceNode> = {};
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YNode | null;
      const keyStr = key && isScalar(key) ? String(key.value) : key ? String(key) : "";
      const kr = key ? range(key) : ([0, 0] as [number, number]);
      const value = pair.value as YNode | null;
      const node: SourceNode = value ? toTree(value) : { r: [kr[1], kr[1]] };
      node.k = kr;
      c[keyStr] = node; // last one wins, as in toJS
    }
    return { r: range(n), c };
  }
  if (isSeq(n)) {
    return { r: range(n), c: n.items.map((it) => (it ? toTree(it as YNode) : { r: [0, 0] as [number, number] })) };
  }
  if (isAlias(n)) return { r: range(n) };
  return { r: range(n) };
}
