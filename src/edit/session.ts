/**
 * The documents one edit (or one batch of edits) touches. Only those documents are parsed and
 * rewritten; the new text is the old one with their spans replaced, so untouched documents are
 * copied as they are and the cost follows the size of the change, not of the file.
 */
import { splitDocuments, looksLikeJson, type Chunk } from "../parse/split";
import { DocEditor } from "./doc";
import { docEnd, findInDoc, findTarget, type Found } from "./locate";
import { EditError, type Changed, type EditContext, type EditResult, type Target } from "./types";

/** The documents of one text that an edit (or a batch) opens, removes or adds. */
export class Session {
  private chunkList: Chunk[] | null = null;
  /** Documents of the original text opened for editing, by their start offset. */
  private open = new Map<number, Found>();
  /** New documents, appended in order. */
  private added: DocEditor[] = [];
  private removed = new Set<number>();

  constructor(
    readonly text: string,
    readonly context: EditContext = {},
  ) {}

  /** Whether the document starting at `start` (in the original text) is open or removed. */
  touched(start: number): boolean {
    return this.open.has(start) || this.removed.has(start);
  }

  /** Open the document starting at `start` without parsing it (for splices at known positions). */
  openRaw(start: number): DocEditor {
    let f = this.open.get(start);
    if (!f) {
      const end = docEnd(this.text, start);
      f = { start, end, ed: new DocEditor(this.text.slice(start, end)) };
      this.open.set(start, f);
    }
    return f.ed;
  }

  /** Whether the text is JSON (new documents are then written as JSON). */
  get json(): boolean {
    return looksLikeJson(this.text);
  }

  chunks(): Chunk[] {
    this.chunkList ??= splitDocuments(this.text);
    return this.chunkList;
  }

  /** The document holding the target, with its editor pointed at the resource. */
  find(target: Target): Found {
    for (const f of this.open.values()) {
      if (this.removed.has(f.start)) continue;
      const base = findInDoc(f.ed.doc(), target);
      if (base) {
        f.ed.base = base;
        return f;
      }
    }
    for (const ed of this.added) {
      const base = findInDoc(ed.doc(), target);
      if (base) {
        ed.base = base;
        return { start: -1, end: -1, ed };
      }
    }
    const f = findTarget(this.text, target, this.chunkList ?? undefined, (s) => this.open.has(s) || this.removed.has(s));
    this.open.set(f.start, f);
    return f;
  }

  /**
   * Editors of every document whose current text contains `needle` (documents with YAML errors are
   * left alone): the candidates of an edit across the whole text, such as a rename.
   */
  docsContaining(needle: string, skip?: Set<number>): DocEditor[] {
    const out: DocEditor[] = [];
    for (const c of this.chunks()) {
      if (this.removed.has(c.offset) || skip?.has(c.offset)) continue;
      let f = this.open.get(c.offset);
      if (!f) {
        if (!c.text.includes(needle)) continue;
        f = { start: c.offset, end: c.offset + c.text.length, ed: new DocEditor(c.text) };
        try {
          f.ed.doc();
        } catch {
          continue;
        }
        this.open.set(c.offset, f);
      }
      if (f.ed.text.includes(needle)) out.push(f.ed);
    }
    for (const ed of this.added) if (ed.text.includes(needle)) out.push(ed);
    return out;
  }

  /** Remove the document of `f` entirely. */
  remove(f: Found): void {
    if (f.start === -1) this.added = this.added.filter((e) => e !== f.ed);
    else this.removed.add(f.start);
  }

  /** Append a new document (its text without the `---` separator). */
  add(body: string): DocEditor {
    const ed = new DocEditor(body.endsWith("\n") ? body : `${body}\n`);
    this.added.push(ed);
    return ed;
  }

  /** The new text and the spans that changed (in the new text's offsets). */
  result(): EditResult {
    const edits = [...this.open.values()].filter((f) => this.removed.has(f.start) || f.ed.changed).sort((a, b) => a.start - b.start);
    let out = "";
    let last = 0;
    const changed: Changed[] = [];
    for (const f of edits) {
      out += this.text.slice(last, f.start);
      const at = out.length;
      last = f.end;
      if (this.removed.has(f.start)) {
        changed.push({ from: at, to: at });
        continue;
      }
      f.ed.finish();
      out += f.ed.text;
      for (const c of f.ed.changes) changed.push({ from: at + c.from, to: at + c.to });
    }
    out += this.text.slice(last);
    for (const ed of this.added) {
      ed.finish();
      const sep = out.trim() === "" ? "" : `${out.endsWith("\n") ? "" : "\n"}${this.json ? "" : "---\n"}`;
      const from = out.length;
      out += sep + ed.text;
      changed.push({ from, to: out.length });
    }
    if (!edits.length && !this.added.length) return { ok: true, text: this.text, changed: [] };
    return { ok: true, text: out, changed };
  }
}

/** Raise when an edit asks for something that is not there. */
export function need<T>(v: T | undefined | null, what: string): T {
  if (v === undefined || v === null) throw new EditError(what);
  return v;
}
