/**
 * One YAML document being edited: its text, a parse of it (redone lazily after each change), and the
 * spans changed so far. Edits are splices of the text at positions the `yaml` package's parse gives,
 * so everything outside them — comments, spacing, quoting, key order, unknown fields — stays as it was.
 */
import { parseDocument, isCollection, isPair, isScalar, Scalar, type Document, type Node as YNode } from "yaml";
import type { PathSegment } from "../model/source";
import { childOf, detectStyle } from "./tree";
import type { Style } from "./render";
import { EditError, type Changed, type Path } from "./types";

/** Where a node sits: its parent (null for the document's root) and the segment leading to it. */
export interface Located {
  node: YNode | null | undefined;
  parent: YNode | null;
  seg: PathSegment | null;
  /** How many segments of the path exist (the full length when `node` is defined). */
  depth: number;
}

/** The editor of one document: text, lazy parse, changed spans, and the style new text follows. */
export class DocEditor {
  text: string;
  /** Path of the resource being edited inside the document (`[]`, or `["items", 3]` in a `kind: List`). */
  base: Path;
  private jsonCache: boolean | null = null;
  private untrusted = false;
  private readonly crlf: boolean;
  /** Spans of `text` changed so far. */
  changes: Changed[] = [];
  private parsed: Document.Parsed | null = null;
  private styleCache: Style | null = null;
  private readonly original: string;

  constructor(text: string, base: Path = [], parsed: Document.Parsed | null = null) {
    this.text = text;
    this.original = text;
    this.base = base;
    this.parsed = parsed;
    this.crlf = text.includes("\r\n");
  }

  /** Whether the text differs from what the editor started with. */
  get changed(): boolean {
    return this.text !== this.original;
  }

  /** The parse of the current text. */
  doc(): Document.Parsed {
    if (!this.parsed) {
      const d = parseDocument(this.text, { uniqueKeys: false, prettyErrors: false });
      if (d.errors.length) throw new EditError(this.changed ? `internal: the edit produced invalid YAML (${d.errors[0].message})` : `this document has YAML errors; fix them first (${d.errors[0].message})`);
      this.parsed = d;
    }
    return this.parsed;
  }

  /**
   * Whether the document is JSON (a flow mapping or sequence with double-quoted keys), so that new
   * text is written as JSON too. Read once, from the document as it was.
   */
  get json(): boolean {
    if (this.jsonCache === null) {
      const root = this.doc().contents as YNode | null;
      let first: unknown = root;
      while (isCollection(first) && first.flow && first.items.length && !isPair(first.items[0])) first = first.items[0];
      this.jsonCache = isCollection(first) && !!first.flow && (!first.items.length || (isPair(first.items[0]) && isScalar(first.items[0].key) && first.items[0].key.type === Scalar.QUOTE_DOUBLE));
    }
    return this.jsonCache;
  }

  /** Indentation and quoting style, read once from the document as it was. */
  get style(): Style {
    this.styleCache ??= detectStyle(this.doc(), this.text, this.json);
    return this.styleCache;
  }

  /** Walk a path (relative to the resource) as far as it exists. */
  locate(path: Path): Located {
    const full = this.base.length ? [...this.base, ...path] : path;
    let node: YNode | null | undefined = this.doc().contents as YNode | null;
    let parent: YNode | null = null;
    let seg: PathSegment | null = null;
    for (let i = 0; i < full.length; i++) {
      const next = childOf(node, full[i]);
      if (next === undefined || next === null) return { node: undefined, parent: node ?? null, seg: full[i], depth: i - this.base.length };
      parent = node!;
      seg = full[i];
      node = next;
    }
    return { node, parent, seg, depth: path.length };
  }

  /** The node at a path, or undefined. */
  node(path: Path): YNode | undefined {
    const l = this.locate(path);
    return l.depth === path.length ? (l.node ?? undefined) : undefined;
  }

  /** The plain value at a path (undefined when absent). */
  get(path: Path): unknown {
    const n = this.node(path);
    return n ? n.toJSON() : undefined;
  }

  /** Number of items of the sequence at a path (0 when absent or not a sequence). */
  count(path: Path): number {
    const n = this.node(path);
    return n && isCollection(n) && !n.items.some(isPair) ? n.items.length : 0;
  }

  /**
   * Replace `[from, to)` with `insert`, keeping the list of changed spans in step. `trusted` splices
   * (a scalar rewritten in a style that always reads back, checked against the old text) skip the
   * final re-parse, so a rename across thousands of documents does not parse each of them.
   */
  splice(from: number, to: number, insert: string, trusted = false): void {
    if (from === to && insert === "") return;
    // New lines follow the document's line breaks (CRLF files stay CRLF).
    if (this.crlf && insert.includes("\n")) insert = insert.replace(/\r?\n/g, "\r\n");
    if (this.text.slice(from, to) === insert) return;
    if (!trusted) this.untrusted = true;
    this.text = this.text.slice(0, from) + insert + this.text.slice(to);
    this.parsed = null;
    const delta = insert.length - (to - from);
    const next: Changed[] = [];
    let cur: Changed = { from, to: from + insert.length };
    for (const c of this.changes) {
      if (c.to < from) next.push(c);
      else if (c.from > to) next.push({ from: c.from + delta, to: c.to + delta });
      else cur = { from: Math.min(cur.from, c.from), to: Math.max(cur.to, c.to <= to ? from + insert.length : c.to + delta) };
    }
    next.push(cur);
    next.sort((a, b) => a.from - b.from);
    this.changes = next;
  }

  /** Check the final text parses (an edit must never leave broken YAML behind). */
  finish(): void {
    if (!this.changed || !this.untrusted) return;
    this.parsed = null;
    this.doc();
  }
}
