/**
 * The smallest single replacement that turns one text into another: common prefix and suffix kept,
 * the middle replaced. An external change (a visual edit, the app's undo, a loaded example) applied
 * this way leaves the cursor, the scroll position and Monaco's undo stack of the untouched text alone.
 * Pure; O(length) and allocation-free apart from the inserted slice.
 */

/** Replace `oldText[start, end)` by `text`. */
export interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

/** The replacement turning `a` into `b`, or undefined when they are equal. */
export function minimalReplacement(a: string, b: string): TextReplacement | undefined {
  if (a === b) return undefined;
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // Never cut a surrogate pair or a CRLF in two: an offset inside either has no editor position.
  while (start > 0 && (isLowSurrogate(a.charCodeAt(start)) || (a.charCodeAt(start) === 10 && a.charCodeAt(start - 1) === 13))) start--;
  while (endA < a.length && (isLowSurrogate(a.charCodeAt(endA)) || (a.charCodeAt(endA) === 10 && a.charCodeAt(endA - 1) === 13))) {
    endA++;
    endB++;
  }
  return { start, end: endA, text: b.slice(start, endB) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Apply a replacement (for tests and for callers without an editor). */
export function applyReplacement(a: string, r: TextReplacement | undefined): string {
  return r ? a.slice(0, r.start) + r.text + a.slice(r.end) : a;
}
