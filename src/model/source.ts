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
  /** Offsets at which lines start (a typed array: a 16 MB text has half a million lines). */
  private starts: Int32Array | null = null;
  private derived: { starts: Int32Array; from: number; oldTo: number; delta: number } | null = null;
  /**
   * @param derive - the index of the previous version of this text, which equals it before `from`
   *   and after `oldTo` (old offsets; `delta` is the change in length): when that index was built,
   *   this one is derived from it (its line starts copied and shifted, the middle scanned).
   */
  constructor(
    private readonly text: string,
    derive?: { prev: LineIndex; from: number; oldTo: number; delta: number },
  ) {
    if (derive?.prev.starts) this.derived = { starts: derive.prev.starts, from: derive.from, oldTo: derive.oldTo, delta: derive.delta };
  }
  private build(): Int32Array {
    const d = this.derived;
    this.derived = null;
    this.starts = d ? this.derive(d) : newlinesAfter(this.text, 0, this.text.length, [0]);
    return this.starts;
  }
  /** Line starts up to `from` are unchanged, the middle is scanned, those after it move by delta. */
  private derive(d: { starts: Int32Array; from: number; oldTo: number; delta: number }): Int32Array {
    const old = d.starts;
    const k = upperBound(old, d.from);
    let j = upperBound(old, d.oldTo);
    const middle = newlinesAfter(this.text, d.from, d.oldTo + d.delta, []);
    const out = new Int32Array(k + middle.length + old.length - j);
    out.set(old.subarray(0, k), 0);
    out.set(middle, k);
    for (let o = k + middle.length; j < old.length; j++, o++) out[o] = old[j] + d.delta;
    return out;
  }
  /** The offset of a 1-based line and column (the inverse of `position`). */
  offsetOf(line: number, column: number): number {
    const s = this.starts ?? this.build();
    return (s[Math.min(Math.max(line, 1), s.length) - 1] ?? 0) + column - 1;
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

/** The starts of the lines after each newline in [from, to), after `first` (when given). */
function newlinesAfter(text: string, from: number, to: number, first: number[]): Int32Array {
  let out = new Int32Array(Math.max(16, (to - from) >> 5));
  let n = 0;
  for (const f of first) out[n++] = f;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) {
    if (n === out.length) {
      const grown = new Int32Array(n * 2);
      grown.set(out);
      out = grown;
    }
    out[n++] = i + 1;
  }
  return out.subarray(0, n);
}

/** Index of the first element greater than `x` in an ascending array. */
function upperBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
