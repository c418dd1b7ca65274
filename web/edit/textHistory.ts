/**
 * The one undo history of the app (DESIGN: "Undo/redo is history of text"). Every change of the
 * workspace text — typed in the editor, made on the canvas or in the inspector, loaded, set through
 * the API — is one entry; undo and redo move between texts. An entry stores only the replaced span
 * and the text that replaced it, so a one-line edit of a 16 MB file costs a few bytes, not a copy.
 * Pure: no store, no DOM (web/store/history.ts connects it to the app).
 */
import { minimalReplacement } from "../editor/textEdit";

/** What an entry remembers of where the change came from. */
export type EntryOrigin = "editor" | "visual" | "load" | "api";

/** One change: at `start`, `oldText` (in the text before) became `newText` (in the text after). */
export interface Entry {
  start: number;
  oldText: string;
  newText: string;
  origin: EntryOrigin;
  /** When it was recorded (ms), for merging bursts of typing. */
  at: number;
}

export interface HistoryOptions {
  /** At most this many entries are kept (the oldest go first). */
  maxEntries?: number;
  /** At most this many characters are kept over all entries (the oldest go first; the newest always stays). */
  maxChars?: number;
  /** Editor changes closer together than this (ms) are one entry: the editor reports typing in bursts. */
  mergeTypingMs?: number;
}

function size(e: Entry): number {
  return e.oldText.length + e.newText.length;
}

/**
 * The replacement turning `before` into `after` when the change is known to lie within
 * `[span.from, span.to)` of `after` (what src/edit reports): no scan of the whole text.
 */
export function replacementIn(before: string, after: string, span: { from: number; to: number }): { start: number; end: number; text: string } | undefined {
  if (before === after) return undefined;
  const tail = after.length - span.to;
  return { start: span.from, end: before.length - tail, text: after.slice(span.from, span.to) };
}

/** Replace `[start, start + removed)` of `text` by `inserted`. */
function splice(text: string, start: number, removed: number, inserted: string): string {
  return text.slice(0, start) + inserted + text.slice(start + removed);
}

/** Past and future of the text; callers pass the current text to every operation. */
export class TextHistory {
  private past: Entry[] = [];
  private future: Entry[] = [];
  private chars = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly mergeMs: number;

  constructor(o: HistoryOptions = {}) {
    this.maxEntries = o.maxEntries ?? 500;
    this.maxChars = o.maxChars ?? 64_000_000;
    this.mergeMs = o.mergeTypingMs ?? 1000;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Forget everything (nothing to undo or redo). */
  clear(): void {
    this.past = [];
    this.future = [];
    this.chars = 0;
  }

  /**
   * A change from `before` to `after` made by the user (not by undo/redo). Clears the redo future.
   * Consecutive editor changes within `mergeTypingMs` become one entry.
   */
  record(before: string, after: string, origin: EntryOrigin, at: number, span?: { from: number; to: number }): void {
    const r = span ? replacementIn(before, after, span) : minimalReplacement(before, after);
    if (!r) return;
    this.future = [];
    const e: Entry = { start: r.start, oldText: before.slice(r.start, r.end), newText: r.text, origin, at };
    const prev = this.past[this.past.length - 1];
    if (prev && origin === "editor" && prev.origin === "editor" && at - prev.at <= this.mergeMs) {
      this.past.pop();
      this.chars -= size(prev);
      this.push(compose(prev, e, before, after));
      return;
    }
    this.push(e);
  }

  private push(e: Entry): void {
    this.past.push(e);
    this.chars += size(e);
    while (this.past.length > 1 && (this.past.length > this.maxEntries || this.chars > this.maxChars)) this.chars -= size(this.past.shift()!);
  }

  /** The text before the newest change, or null when there is nothing to undo. */
  undo(current: string): string | null {
    const e = this.past.pop();
    if (!e) return null;
    this.chars -= size(e);
    this.future.push(e);
    return splice(current, e.start, e.newText.length, e.oldText);
  }

  /** The text after the change last undone, or null when there is nothing to redo. */
  redo(current: string): string | null {
    const e = this.future.pop();
    if (!e) return null;
    this.past.push(e);
    this.chars += size(e);
    return splice(current, e.start, e.oldText.length, e.newText);
  }
}

/**
 * Two changes as one: `a` turned text0 into `mid`, `b` turned `mid` into `after`. The union of the
 * spans they touch in `mid` is replaced at once; its text0 version is `mid`'s with `a` undone.
 */
export function compose(a: Entry, b: Entry, mid: string, after: string): Entry {
  const aEnd = a.start + a.newText.length;
  const bEnd = b.start + b.oldText.length;
  const from = Math.min(a.start, b.start);
  const to = Math.max(aEnd, bEnd);
  const oldText = mid.slice(from, a.start) + a.oldText + mid.slice(aEnd, to);
  const newText = after.slice(from, to + (b.newText.length - b.oldText.length));
  return { start: from, oldText, newText, origin: b.origin, at: b.at };
}
