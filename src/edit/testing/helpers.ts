/**
 * Test support for edits: a line diff to assert exactly which lines an edit changed, the comments
 * of a text (from the `yaml` lexer), and checks every edit result must pass.
 */
import { expect } from "vitest";
import { Lexer, parseDocument } from "yaml";
import { splitDocuments } from "../../parse/split";
import { applyEdit } from "../index";
import { parse, ParseCache } from "../../parse";
import type { Edit, EditResult, Path } from "../types";

/** Lines removed from `a` and added in `b`, in order (longest common subsequence of lines). */
export function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split("\n");
  const y = b.split("\n");
  let s = 0;
  while (s < x.length && s < y.length && x[s] === y[s]) s++;
  let e = 0;
  while (e < x.length - s && e < y.length - s && x[x.length - 1 - e] === y[y.length - 1 - e]) e++;
  const xs = x.slice(s, x.length - e);
  const ys = y.slice(s, y.length - e);
  const n = xs.length;
  const m = ys.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => 0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = xs[i] === ys[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && xs[i] === ys[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || dp[i][j + 1] >= dp[i + 1][j])) added.push(ys[j++]);
    else removed.push(xs[i++]);
  }
  return { removed, added };
}

/** Every comment of a text (`# …`), in order, as the YAML lexer sees them (never inside strings). */
export function commentsOf(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith("#")).map((t) => t.trim());
}

/**
 * The checks every successful edit must pass: text outside the reported changed spans is the old
 * text, the result parses without YAML errors, and no document is lost or gained unexpectedly.
 */
export function checkResult(before: string, r: EditResult): string {
  if (!r.ok) throw new Error(`edit failed: ${r.error}`);
  const after = r.text;
  if (r.changed.length) {
    const first = r.changed[0];
    const last = r.changed[r.changed.length - 1];
    expect(after.slice(0, first.from)).toBe(before.slice(0, first.from));
    expect(after.slice(last.to)).toBe(before.slice(before.length - (after.length - last.to)));
    for (let i = 1; i < r.changed.length; i++) expect(r.changed[i].from).toBeGreaterThanOrEqual(r.changed[i - 1].to);
  } else expect(after).toBe(before);
  // The patches, applied to the old text in order, give the new text.
  let rebuilt = "";
  let at = 0;
  for (const p of r.patches) {
    expect(p.from).toBeGreaterThanOrEqual(at);
    rebuilt += before.slice(at, p.from) + p.text;
    at = p.to;
  }
  expect(rebuilt + before.slice(at)).toBe(after);
  // Read as the engine reads text: split into documents (JSON streams too), each parsed on its own;
  // only the documents the edit touched (the others are the old text's). Duplicate keys are the
  // input's own problem (the engine reports them), not the edit's.
  const touched = (c: { offset: number; text: string }) => r.changed.some((x) => x.from <= c.offset + c.text.length && x.to >= c.offset);
  const errors = splitDocuments(after)
    .filter(touched)
    .flatMap((c) => parseDocument(c.text, { uniqueKeys: false }).errors);
  expect(errors.map((e) => e.message)).toEqual([]);
  return after;
}

/** Apply an edit that must succeed; the new text (checked). */
export function edited(text: string, edit: Edit): string {
  return checkResult(text, applyEdit(text, edit));
}

const cache = new ParseCache();

/** The value at `path` of the resource `kind/name` (in `namespace` when given) in a text, as the engine's parser reads it. */
export function valueAt(text: string, kind: string, name: string, path: Path, namespace?: string): unknown {
  // One cache for all calls: successive texts share most documents, which are then not re-parsed.
  const r = parse(text, cache).resources.find((x) => x.kind === kind && x.name === name && (namespace === undefined || x.namespace === namespace));
  if (!r) return undefined;
  let v: unknown = r.obj;
  for (const s of path) v = v === null || typeof v !== "object" ? undefined : (v as Record<string, unknown>)[s as string];
  return v;
}

/** One table row of an operation test: the edit, the exact line diff, and values to read back. */
export interface EditRow {
  name: string;
  edit: Edit;
  removed: string[];
  added: string[];
  /** `[kind, name, path, value]`: what the engine's parser reads after the edit. */
  expect?: [string, string, Path, unknown][];
  /** Comments may go (the edit removes or rewrites a commented line); otherwise all stay (moves may reorder them). */
  dropsComments?: boolean;
}

/** Run table rows against a fixture, one test each. */
export function runRows(text: string, rows: EditRow[], it: (name: string, fn: () => void) => void): void {
  for (const row of rows) {
    it(row.name, () => {
      const after = edited(text, row.edit);
      expect(lineDiff(text, after)).toEqual({ removed: row.removed, added: row.added });
      for (const [kind, name, path, value] of row.expect ?? []) expect(valueAt(after, kind, name, path)).toEqual(value);
      if (!row.dropsComments) expect(commentsOf(after).sort()).toEqual(commentsOf(text).sort());
    });
  }
}

/** Rows of edits that must fail, with the error they must give. */
export function runFailures(text: string, rows: { name: string; edit: Edit; error: RegExp }[], it: (name: string, fn: () => void) => void): void {
  for (const r of rows) {
    it(r.name, () => {
      const res = applyEdit(text, r.edit);
      expect(res.ok ? "succeeded" : res.error).toMatch(r.error);
    });
  }
}
