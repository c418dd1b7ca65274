/**
 * Reading a parsed `yaml` document for editing: children by path segment, where a node's content
 * ends, where a sequence item's dash and a pair's colon are, and the document's indentation style.
 */
import { isMap, isPair, isScalar, isSeq, isAlias, isCollection, type Node as YNode, type Pair, type YAMLMap, type YAMLSeq, type Document } from "yaml";
import type { PathSegment } from "../model/source";
import { column, lineStart } from "./text";
import { DEFAULT_STYLE, type Style } from "./render";
import { EditError } from "./types";

/** A mapping entry as the `yaml` package parses it. */
export type YPair = Pair<YNode, YNode | null>;

/**
 * The index of the pair whose key reads as `key` (keys compare by their string form). With a key
 * written twice, the last one: it is the one a reader's value holds (and the engine's parse shows).
 */
export function pairIndex(map: YAMLMap, key: string): number {
  const items = map.items as YPair[];
  for (let i = items.length - 1; i >= 0; i--) {
    const k = items[i].key;
    const kv = isScalar(k) ? k.value : k;
    if (kv !== null && typeof kv !== "object" && String(kv) === key) return i;
  }
  return -1;
}

/** The child of a collection at a path segment; undefined when it has none. */
export function childOf(node: YNode | null | undefined, seg: PathSegment): YNode | null | undefined {
  if (!node) return undefined;
  if (isAlias(node)) throw new EditError("this document uses YAML aliases here; edit it as text");
  if (isMap(node)) {
    if (typeof seg !== "string") return undefined;
    const i = pairIndex(node, seg);
    return i === -1 ? undefined : (node.items[i] as YPair).value;
  }
  if (isSeq(node)) {
    if (typeof seg !== "number") return undefined;
    return seg >= 0 && seg < node.items.length ? (node.items[seg] as YNode | null) : undefined;
  }
  return undefined;
}

function rangeOf(n: YNode): [number, number, number] {
  const r = n.range;
  if (!r) throw new EditError("internal: a node without a source range");
  return r;
}

/** Where a node starts (its first character). */
export function startOf(n: YNode): number {
  return rangeOf(n)[0];
}

/**
 * Where a node's own content ends: a scalar's value (not its trailing comment), a flow collection's
 * closing bracket, a block collection's last item. Comments that follow a block collection belong to
 * whatever comes next.
 */
export function contentEnd(n: YNode): number {
  if (isCollection(n) && !n.flow && n.items.length) {
    const last = n.items[n.items.length - 1] as YNode | YPair | null;
    if (isPair(last)) {
      const v = last.value as YNode | null;
      return v ? contentEnd(v) : colonOf(last as YPair, "") + 1;
    }
    if (last) return contentEnd(last as YNode);
  }
  return rangeOf(n)[1];
}

/** Offset of the `:` after a pair's key. */
export function colonOf(p: YPair, text: string): number {
  const k = p.key;
  if (!k) throw new EditError("unsupported mapping entry (no key)");
  let i = rangeOf(k)[1];
  if (text) {
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (text.charCodeAt(i) !== 58) throw new EditError("unsupported mapping key form (complex key)");
  }
  return i;
}

/** Offset of the `-` of item `i` of a block sequence. */
export function dashOf(seq: YAMLSeq, i: number, text: string): number {
  const first = startOf(seq as YNode);
  if (i === 0) return first;
  const col = column(text, first);
  // Items sit on later lines at the first dash's column; blank and comment lines in between are skipped.
  const prev = seq.items[i - 1] as YNode | null;
  let pos = prev ? contentEnd(prev) : first + 1;
  for (;;) {
    const nl = text.indexOf("\n", pos);
    if (nl === -1) break;
    pos = nl + 1;
    let j = pos;
    while (text.charCodeAt(j) === 32) j++;
    if (j - pos === col && text.charCodeAt(j) === 45) return j;
  }
  throw new EditError("could not find a sequence item's dash");
}

/** The start of a pair (its key). */
export function pairStart(p: YPair): number {
  if (!p.key) throw new EditError("unsupported mapping entry (no key)");
  return startOf(p.key);
}

/** The column of a block mapping's keys. */
export function mapColumn(map: YAMLMap, text: string): number {
  return column(text, pairStart(map.items[0] as YPair));
}

/** The document's indentation: the first nested block mapping and block sequence tell. */
export function detectStyle(doc: Document, text: string, json: boolean): Style {
  let step = 0;
  let seqIndent = -1;
  let padding: boolean | null = null;
  const visit = (n: YNode | null | undefined, depth: number): void => {
    if (!n || depth > 12 || (step && seqIndent >= 0 && padding !== null)) return;
    if (isMap(n) && !n.flow) {
      const kc = n.items.length ? mapColumn(n, text) : 0;
      for (const p of n.items as YPair[]) {
        const v = p.value;
        if (isMap(v) && !v.flow && v.items.length && !step) step = mapColumn(v, text) - kc;
        if (isSeq(v) && !v.flow && v.items.length && seqIndent < 0 && lineStart(text, startOf(v)) !== lineStart(text, pairStart(p))) seqIndent = column(text, startOf(v)) - kc;
        visit(v, depth + 1);
      }
    } else if (isCollection(n)) {
      if (n.flow && padding === null && n.items.length) padding = /^[[{] /.test(text.slice(startOf(n), startOf(n) + 2));
      for (const it of n.items) visit((isPair(it) ? it.value : it) as YNode, depth + 1);
    }
  };
  visit(doc.contents as YNode, 0);
  if (step <= 0 || step > 8) step = DEFAULT_STYLE.step;
  if (seqIndent < 0 || seqIndent > 8) seqIndent = DEFAULT_STYLE.seqIndent;
  if (json) {
    // JSON: the step is the indentation of the first indented key line (kubectl writes 4).
    const m = /\n( +)"/.exec(text);
    step = m ? Math.min(8, m[1].length) : DEFAULT_STYLE.step;
  }
  return { step, seqIndent, json, flowPadding: padding ?? false, jsonSpaced: json && /":\s/.test(text) };
}
