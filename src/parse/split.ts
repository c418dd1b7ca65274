/**
 * Split a YAML stream into its documents without parsing it. A line starting with `---` (followed by
 * white space or the end of the line) begins a document; YAML forbids such a line inside any scalar,
 * so this is exact. Splitting first lets each document be parsed — and cached — on its own.
 */
export interface Chunk {
  /** The document's text, including its `---` line. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

/** The documents of a YAML stream. A text with no marker is one document. */
export function splitDocuments(text: string): Chunk[] {
  const starts: number[] = [0];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m.index !== 0) starts.push(m.index);
  }
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    chunks.push({ text: text.slice(starts[i], end), offset: starts[i] });
  }
  return chunks;
}

/** Whether a text is a JSON document rather than YAML (first significant character `{` or `[`). */
export function looksLikeJson(text: string): boolean {
  const m = /^[\s\uFEFF]*([\[{])/.exec(text);
  return m !== null;
}
