/**
 * The smallest single replacement that turns one text into another: common prefix and suffix kept,
 * the middle replaced. An external change (a visual edit, the app's undo, a loaded example) applied
 * this way leaves the cursor, the scroll position and Monaco's undo stack of the untouched text alone.
 * Pure; O(length), compared in native chunks.
 */

/** Replace `oldText[start, end)` by `text`. */
export interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

/**
 * The last pair compared and its answer: one change of the text is compared by several readers
 * (the undo history, the editor, the engine client), each a scan of megabytes. Strings that are the
 * same objects compare at once.
 */
let last: { a: string; b: string; r: TextReplacement | undefined } | null = null;

/** The replacement turning `a` into `b`, or undefined when they are equal. */
export function minimalReplacement(a: string, b: string): TextReplacement | undefined {
  if (last && last.a === a && last.b === b) return last.r;
  const r = replacement(a, b);
  last = { a, b, r };
  return r;
}

function replacement(a: string, b: string): TextReplacement | undefined {
  if (a === b) return undefined;
  const max = Math.min(a.length, b.length);
  let start = commonPrefix(a, b, max);
  let endA = a.length;
  let endB = b.length;
  const suffix = commonSuffix(a, b, max - start);
  endA -= suffix;
  endB -= suffix;
  // Never cut a surrogate pair or a CRLF in two: an offset inside either has no editor position.
  while (start > 0 && (isLowSurrogate(a.charCodeAt(start)) || (a.charCodeAt(start) === 10 && a.charCodeAt(start - 1) === 13))) start--;
  while (endA < a.length && (isLowSurrogate(a.charCodeAt(endA)) || (a.charCodeAt(endA) === 10 && a.charCodeAt(endA - 1) === 13))) {
    endA++;
    endB++;
  }
  return { start, end: endA, text: b.slice(start, endB) };
}

/**
 * Chunk size for comparing texts: equal chunks are compared natively (a substring of a flat string
 * is a view, and string equality is a memory compare), ~20× faster than a charCodeAt loop. These
 * texts run to megabytes (2,000 routes: 3 MB), and the comparison runs on every change.
 */
const CHUNK = 2048;

/** Length of the common prefix of `a` and `b`, at most `max`. */
function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  const la = a.length;
  const lb = b.length;
  while (n + CHUNK <= max && a.slice(la - n - CHUNK, la - n) === b.slice(lb - n - CHUNK, lb - n)) n += CHUNK;
  while (n < max && a.charCodeAt(la - n - 1) === b.charCodeAt(lb - n - 1)) n++;
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Apply a replacement (the engine worker applies the text changes it is sent with it). */
export function applyReplacement(a: string, r: TextReplacement | undefined): string {
  return r ? a.slice(0, r.start) + r.text + a.slice(r.end) : a;
}
