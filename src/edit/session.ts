/**
 * The documents one edit (or one batch of edits) touches. Only those documents are parsed and
 * rewritten; the new text is the old one with their spans replaced, so untouched documents are
 * copied as they are and the cost follows the size of the change, not of the file.
 */
import { splitDocuments, looksLikeJson, type Chunk } from "../parse/split";
import { DocEditor } from "./doc";
import { docEnd, findInDoc, findTarget, quickIdentity, type Found } from "./locate";
import { type Changed, type EditContext, type EditResult, type Patch, type Target } from "./types";

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
      if (this.removed.has(f.start) || !mayHold(f.ed.text, target)) continue;
      const base = findInDoc(f.ed.doc(), target);
      if (base) {
        f.ed.base = base;
        return f;
      }
    }
    for (const ed of this.added) {
      if (!mayHold(ed.text, target)) continue;
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

  /**
   * The new text, the spans that changed (in the new text's offsets) and the patches that turn the
   * old text into the new one (in the old text's offsets). The new text is built from slices of the
   * old one and never read whole here (V8 keeps it as a rope until its reader flattens it once).
   */
  result(): EditResult {
    const edits = [...this.open.values()].filter((f) => this.removed.has(f.start) || f.ed.changed).sort((a, b) => a.start - b.start);
    let out = "";
    let len = 0;
    let blank = true;
    let lastChar = "";
    const push = (piece: string) => {
      if (!piece) return;
      if (blank && /\S/.test(piece)) blank = false;
      out += piece;
      len += piece.length;
      lastChar = piece[piece.length - 1];
    };
    let last = 0;
    const changed: Changed[] = [];
    const patches: Patch[] = [];
    for (const f of edits) {
      push(this.text.slice(last, f.start));
      last = f.end;
      if (this.removed.has(f.start)) {
        changed.push({ from: len, to: len });
        patches.push({ from: f.start, to: f.end, text: "" });
        continue;
      }
      f.ed.finish();
      const at = len;
      push(f.ed.text);
      for (const c of f.ed.changes) changed.push({ from: at + c.from, to: at + c.to });
      patches.push(trimmedPatch(this.text.slice(f.start, f.end), f.ed.text, f.start));
    }
    push(this.text.slice(last));
    for (const ed of this.added) {
      ed.finish();
      const sep = blank ? "" : `${lastChar === "\n" ? "" : "\n"}${this.json ? "" : "---\n"}`;
      const from = len;
      patches.push({ from: this.text.length, to: this.text.length, text: sep + ed.text });
      push(sep + ed.text);
      changed.push({ from, to: len });
    }
    if (!edits.length && !this.added.length) return { ok: true, text: this.text, changed: [], patches: [] };
    return { ok: true, text: out, changed, patches: mergeAppends(patches) };
  }
}

/** The smallest replacement of `old` by `next` (common start and end left out), placed at `base`. */
function trimmedPatch(old: string, next: string, base: number): Patch {
  let p = 0;
  const max = Math.min(old.length, next.length);
  while (p < max && old.charCodeAt(p) === next.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && old.charCodeAt(old.length - 1 - q) === next.charCodeAt(next.length - 1 - q)) q++;
  return { from: base + p, to: base + old.length - q, text: next.slice(p, next.length - q) };
}

/** Appended documents at the same offset become one patch (patches never share a position). */
function mergeAppends(patches: Patch[]): Patch[] {
  const out: Patch[] = [];
  for (const p of patches) {
    const prev = out[out.length - 1];
    if (prev && prev.from === p.from && prev.to === p.to && p.from === p.to) prev.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Whether a document's text may hold the target (read from its lines; parsed only when unsure). */
function mayHold(text: string, t: Target): boolean {
  if (!text.includes(t.name)) return false;
  const id = quickIdentity(text);
  return !id || (id.kind === t.kind && id.name === t.name);
}
