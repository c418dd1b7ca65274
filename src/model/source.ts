/**
 * Source positions. Every parsed value keeps where it came from, so diagnostics, conditions and the
 * editor can point at the exact field. Offsets inside a {@link SourceNode} are relative to the start of
 * its YAML document; a resource's {@link SourceRef} says where that document starts in its file.
 */

/** A node of the source tree: mirrors the parsed value; `r` is the value's [start, end) offsets. */
export interface SourceNode {
  /** [start, end) of the value, relative to the document start. */
  r: [number, number];
  /** [start, end) of the key, when the value is a mapping entry. */
  k?: [number, number];
  /** Children: an array for sequences, an object for mappings (keyed by the key's string form). */
  c?: SourceNode[] | Record<string, SourceNode>;
}

/** One segment of a path into a resource: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** Where a resource's document sits. */
export interface SourceRef {
  /** File name as given by the user (or "<input>"). */
  file: string;
  /** Index of the document inside the file (0-based). */
  docIndex: number;
  /** Offset of the document's first character in the file. */
  offset: number;
  /** Source tree of the object (for a `kind: List` item: the item's node). */
  tree: SourceNode | null;
}

/** A resolved position, 1-based like editors show. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Line starts of a text, for offset → line/column. Built on first use: most parses never need it. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}
  private build(): number[] {
    const text = this.text;
    const starts = [0];
    let i = text.indexOf("\n");
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf("\n", i + 1);
    }
    this.starts = starts;
    return starts;
  }
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const s = this.starts ?? this.build();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] + 1 };
  }
  get lineCount(): number {
    return (this.starts ?? this.build()).length;
  }
}

/**
 * The node at `path` in a source tree, or the deepest ancestor that exists (so a missing field
 * still points at its parent). Returns null only when `tree` is null.
 */
export function nodeAt(tree: SourceNode | null, path: readonly PathSegment[]): SourceNode | null {
  let node: SourceNode | null = tree;
  if (!node) return null;
  for (const seg of path) {
    const c: SourceNode["c"] = node.c;
    if (!c) break;
    const next: SourceNode | undefined = Array.isArray(c)
      ? typeof seg === "number"
        ? c[seg]
        : undefined
      : Object.prototype.hasOwnProperty.call(c, String(seg))
        ? (c as Record<string, SourceNode>)[String(seg)]
        : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** Whether the exact path exists in the tree. */
export function hasPath(tree: SourceNode | null, path: readonly PathSegment[]): boolean {
  let node: SourceNode | undefined = tree ?? undefined;
  for (const seg of path) {
    const c: SourceNode["c"] = node?.c;
    if (!c) return false;
    node = Array.isArray(c) ? (typeof seg === "number" ? c[seg] : undefined) : Object.prototype.hasOwnProperty.call(c, String(seg)) ? (c as Record<string, SourceNode>)[String(seg)] : undefined;
    if (!node) return false;
  }
  return node != null;
}
