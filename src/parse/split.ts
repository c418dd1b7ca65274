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

function isMarkerEnd(c: number): boolean {
  // After `---`: space, tab, CR, LF or the end of the text (NaN).
  return c === 32 || c === 9 || c === 13 || c === 10 || Number.isNaN(c);
}

/**
 * The documents of a YAML stream. A text with no marker is one document. A stream of JSON values
 * (`{…}{…}` or `{…}\n{…}`, as `kubectl get -o json` per object or `jq` print them, and as
 * kubectl's YAMLOrJSONDecoder reads them) is split into one document per value.
 */
export function splitDocuments(text: string): Chunk[] {
  if (looksLikeJson(text)) {
    const json = splitJsonStream(text);
    if (json) return json;
  }
  return splitYamlDocuments(text, 0);
}

/**
 * The YAML documents of a text that begins at a document start (the start of a file, or a `---`
 * line), with offsets counted from `base`.
 */
export function splitYamlDocuments(text: string, base: number): Chunk[] {
  const starts: number[] = [0];
  // indexOf beats a multiline regex by ~4x on large inputs (the hot path of every re-import).
  for (let i = text.indexOf("\n---"); i !== -1; i = text.indexOf("\n---", i + 4)) {
    if (isMarkerEnd(text.charCodeAt(i + 4))) starts.push(i + 1);
  }
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    chunks.push({ text: text.slice(starts[i], end), offset: base + starts[i] });
  }
  return chunks;
}

/**
 * Whether a text is a JSON document rather than YAML (first significant character `{` or `[`).
 * A scan of the leading white space: a regex would be tried at every offset of a large text.
 */
export function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) return true;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 11 && c !== 12 && c !== 0xfeff && c !== 0xa0 && c !== 0x2028 && c !== 0x2029) return false;
  }
  return false;
}

/**
 * Split a text made of several top-level JSON values into one chunk per value (trailing white
 * space stays with the value before it). Null when the text holds a single value, or when its
 * brackets do not balance: then it is read as one document and the parser reports the error.
 */
export function splitJsonStream(text: string): Chunk[] | null {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth === 0) starts.push(i);
      depth++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (--depth < 0) return null;
    } else if (depth === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) {
      // Anything else between values (a `---`, a comment, a scalar): not a plain JSON stream.
      return null;
    }
  }
  if (depth !== 0 || inString || starts.length < 2) return null;
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = i === 0 ? 0 : starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : text.length;
    chunks.push({ text: text.slice(from, to), offset: from });
  }
  return chunks;
}
