/** Small helpers over text positions (lines, columns, comment blocks). */

/** Offset of the first character of the line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** Offset of the newline ending the line holding `pos` (or the text's length). */
export function lineEnd(text: string, pos: number): number {
  const i = text.indexOf("\n", pos);
  return i === -1 ? text.length : i;
}

/** Offset of the next line's start after the line holding `pos` (or the text's length). */
export function nextLine(text: string, pos: number): number {
  const e = lineEnd(text, pos);
  return e === text.length ? e : e + 1;
}

/** Column (0-based) of `pos`. */
export function column(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** Whether only spaces precede `pos` on its line. */
export function firstOnLine(text: string, pos: number): boolean {
  for (let i = lineStart(text, pos); i < pos; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/**
 * End (newline excluded) of the line on which content ending at `pos` ends: a trailing `# comment`
 * belongs to it; a block scalar's content already ends with its newline.
 */
export function endOfLine(text: string, pos: number): number {
  const e = pos > 0 && text.charCodeAt(pos - 1) === 10 ? pos - 1 : lineEnd(text, pos);
  // A CRLF line ends before its CR.
  return e > 0 && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
}

/** `n` spaces. */
export function spaces(n: number): string {
  return n > 0 ? " ".repeat(n) : "";
}

/** Indent every non-empty line but the first by `n` spaces. */
export function indentRest(block: string, n: number): string {
  if (n <= 0) return block;
  const pad = spaces(n);
  return block.replace(/\n(?=[^\n])/g, `\n${pad}`);
}

/** The line is blank or a comment (`#` first), at any indentation. */
function commentLine(text: string, from: number, to: number): { comment: boolean; col: number } | null {
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) i++;
  if (i === to) return null;
  return { comment: text.charCodeAt(i) === 35, col: i - from };
}

/**
 * Start of the comment lines directly above the line starting at `start` (no blank line between),
 * indented exactly `col`: comments written for the item below them, which travel with it when it moves.
 */
export function leadingComments(text: string, start: number, col: number): number {
  let s = start;
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    const l = commentLine(text, prev, s - 1);
    if (!l || !l.comment || l.col !== col) break;
    s = prev;
  }
  return s;
}
