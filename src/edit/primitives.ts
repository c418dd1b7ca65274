/**
 * The generic edits every named operation is made of: set a value, delete one, insert into a
 * sequence, move an item, merge a patch. Each is a splice of the document's text at the node's place.
 */
import { isMap, isScalar, isSeq, type Node as YNode, type YAMLMap, type YAMLSeq, type Scalar } from "yaml";
import type { DocEditor } from "./doc";
import { colonOf, contentEnd, dashOf, mapColumn, pairIndex, pairStart, startOf, type YPair } from "./tree";
import { firstOnLine, lineStart, column, endOfLine, nextLine, spaces, leadingComments } from "./text";
import { flowText, isBlockCollection, itemText, keyText, pairText, replacementScalar, valueAfterKey, valueInPlace } from "./render";
import { keyRank } from "./order";
import { EditError, type Path, type Value } from "./types";

function pathText(path: Path): string {
  return path.length ? path.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("").replace(/^\./, "") : "(root)";
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Deep equality of plain values (the no-op check: setting what is already there changes nothing). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

/** Set the value at a path, creating missing mappings on the way. */
export function setAt(ed: DocEditor, path: Path, value: Value): void {
  const l = ed.locate(path);
  if (l.depth === path.length && l.node) return replace(ed, l.node, l.parent, path, value);
  if (l.depth < 0) throw new EditError("internal: the resource is no longer where it was");
  let nested: Value = value;
  for (let j = path.length - 1; j > l.depth; j--) {
    const s = path[j];
    if (typeof s === "number" && s !== 0) throw new EditError(`cannot set ${pathText(path)}: index ${s} of a sequence that does not exist`);
    nested = typeof s === "number" ? [nested] : { [s]: nested };
  }
  const seg = path[l.depth];
  const at = path.slice(0, l.depth);
  const container = l.parent;
  if (isMap(container) && typeof seg === "string") return insertPair(ed, container, at, seg, nested);
  if (isSeq(container) && typeof seg === "number" && seg === container.items.length) return insertItem(ed, container, seg, nested, at);
  if (isScalar(container) && container.value === null) return setAt(ed, at, typeof seg === "number" ? (seg === 0 ? [nested] : fail(path)) : { [seg]: nested });
  fail(path);
}

function fail(path: Path): never {
  throw new EditError(`cannot set ${pathText(path)}: its parent is not a mapping or the index is out of range`);
}

/** Replace an existing node (whose parent is `parent`, at `path`) by a value. */
export function replace(ed: DocEditor, node: YNode, parent: YNode | null, path: Path, value: Value): void {
  if (sameValue(node.toJSON(), value)) return;
  const text = ed.text;
  const start = startOf(node);
  const isBlock = (isMap(node) || isSeq(node)) && !node.flow;
  // A block collection replaced whole takes the comment on its last line along (it described that content).
  const end = isBlock ? endOfLine(text, contentEnd(node)) : contentEnd(node);
  const inFlow = !!parent && (isMap(parent) || isSeq(parent)) && !!parent.flow;
  const withNewline = (s: string, to: number) => (to > 0 && text.charCodeAt(to - 1) === 10 && !s.endsWith("\n") ? `${s}\n` : s);
  const isColl = isMap(node) || isSeq(node);
  const valueIsColl = value !== null && typeof value === "object";
  if (!isColl && !valueIsColl) {
    const s = node as Scalar;
    const blockIndent = blockContentIndent(text, start, end, parent, ed);
    // An empty value (`key:` or `-` with nothing after it) needs a space before the new one.
    const lead = start === end && text.charCodeAt(start - 1) !== 32 ? " " : "";
    return ed.splice(start, end, lead + withNewline(replacementScalar(value, s.type, inFlow, ed.json, blockIndent), end));
  }
  if (inFlow || ed.json) {
    const multi = ed.json && !!parent && /\n/.test(text.slice(startOf(parent), contentEnd(parent)));
    return ed.splice(start, end, flowText(value, ed.style, multi, lineIndent(text, start)));
  }
  // A flow collection stays flow, except an empty one (`{}` / `[]`, how YAML writes "none yet"):
  // its first entries are written in the block style of the document around it.
  const emptyFlow = isColl && (node as YAMLMap).flow && !(node as YAMLMap).items.length;
  if (isColl && (node as YAMLMap).flow && valueIsColl && !(emptyFlow && isBlockCollection(value))) return ed.splice(start, end, flowText(value, ed.style));
  if (isMap(parent) && !parent.flow) {
    const pair = parent.items[pairIndex(parent, String(path[path.length - 1]))] as YPair;
    const keyCol = column(text, pairStart(pair));
    const sameShape = (isMap(node) && isObject(value)) || (isSeq(node) && Array.isArray(value));
    if (isBlockCollection(value) && isColl && !(node as YAMLMap).flow && firstOnLine(text, start)) {
      const col = sameShape ? column(text, start) : keyCol + (Array.isArray(value) ? ed.style.seqIndent : ed.style.step);
      return ed.splice(lineStart(text, start), end, spaces(col) + valueInPlace(value, col, ed.style));
    }
    const colon = colonOf(pair, text);
    if (isBlock && firstOnLine(text, start)) {
      // The collection's lines go; comment lines between the key and them stay where they are.
      ed.splice(lineStart(text, start), nextLine(text, end), "");
      return ed.splice(colon + 1, colon + 1, valueAfterKey(value, keyCol, ed.style));
    }
    return ed.splice(colon + 1, end, withNewline(valueAfterKey(value, keyCol, ed.style), end));
  }
  // A sequence item or the document's root: the value starts where the old one did.
  ed.splice(start, end, withNewline(valueInPlace(value, column(text, start), ed.style), end));
}

/** The column of a block scalar's content lines (for a replacement written in the same style). */
/** Spaces at the start of `pos`'s line. */
function lineIndent(text: string, pos: number): number {
  let i = lineStart(text, pos);
  const s = i;
  while (text.charCodeAt(i) === 32) i++;
  return i - s;
}

function blockContentIndent(text: string, start: number, end: number, parent: YNode | null, ed: DocEditor): number {
  const body = text.slice(start, end);
  const m = /\n( *)\S/.exec(body);
  if (m) return m[1].length;
  return column(text, parent && isMap(parent) && parent.items.length ? pairStart(parent.items[0] as YPair) : start) + ed.style.step;
}

/** Add `key: value` to a mapping, placed by the usual key order of Kubernetes manifests. */
function insertPair(ed: DocEditor, map: YAMLMap, mapPath: Path, key: string, value: Value): void {
  const text = ed.text;
  if (map.flow) {
    if (!map.items.length) return replaceEmpty(ed, map, mapPath, { [key]: value });
    const last = map.items[map.items.length - 1] as YPair;
    const end = last.value ? contentEnd(last.value) : colonOf(last, text) + 1;
    const multi = lineStart(text, pairStart(last)) !== lineStart(text, startOf(map as YNode));
    const col = column(text, pairStart(last));
    const kv = `${keyText(key, ed.style, true)}: ${flowText(value, ed.style, multi, col)}`;
    return ed.splice(end, end, multi ? `,\n${spaces(col)}${kv}` : `, ${kv}`);
  }
  const col = mapColumn(map, text);
  const items = map.items as YPair[];
  const rank = keyRank(mapPath, key);
  let after = -1;
  let before = -1;
  if (rank >= 0) {
    for (let i = 0; i < items.length; i++) {
      const k = items[i].key;
      const r = keyRank(mapPath, String(isScalar(k) ? k.value : ""));
      if (r >= 0 && r < rank) after = i;
      if (r > rank && before === -1) before = i;
    }
  }
  const kv = pairText(key, value, col, ed.style);
  if (after === -1 && before !== -1) {
    const s = pairStart(items[before]);
    if (!firstOnLine(text, s)) return ed.splice(s, s, `${kv}\n${spaces(col)}`);
    const at = leadingComments(text, lineStart(text, s), col);
    return ed.splice(at, at, `${spaces(col)}${kv}\n`);
  }
  const p = items[after === -1 ? items.length - 1 : after];
  const e = endOfLine(text, p.value ? contentEnd(p.value) : colonOf(p, text) + 1);
  if (e === text.length) return ed.splice(e, e, `\n${spaces(col)}${kv}`);
  const at = nextLine(text, e);
  ed.splice(at, at, `${spaces(col)}${kv}\n`);
}

/** An empty flow collection (`{}` / `[]`) receives its first entry: in block style unless the document is JSON. */
function replaceEmpty(ed: DocEditor, node: YNode, path: Path, value: Value): void {
  const l = ed.locate(path);
  if (!ed.json && l.parent && !((isMap(l.parent) || isSeq(l.parent)) && l.parent.flow)) return replace(ed, node, l.parent, path, value);
  ed.splice(startOf(node), contentEnd(node), flowText(value, ed.style));
}

/** Insert `value` as item `index` of a sequence. */
function insertItem(ed: DocEditor, seq: YAMLSeq, index: number, value: Value, seqPath?: Path): void {
  const text = ed.text;
  const n = seq.items.length;
  if (index < 0 || index > n) throw new EditError(`index ${index} is out of range (0…${n})`);
  if (seq.flow) {
    if (!n) return replaceEmpty(ed, seq as YNode, seqPath ?? [], [value]);
    const ref = seq.items[Math.min(index, n - 1)] as YNode;
    const multi = lineStart(text, startOf(ref)) !== lineStart(text, startOf(seq as YNode));
    const col = column(text, startOf(ref));
    const v = flowText(value, ed.style, multi, col);
    const sep = multi ? `,\n${spaces(col)}` : ", ";
    if (index === n) {
      const e = contentEnd(ref);
      return ed.splice(e, e, sep + v);
    }
    return ed.splice(startOf(ref), startOf(ref), v + sep);
  }
  const dashCol = column(text, dashOf(seq, 0, text));
  const item = itemText(value, dashCol, ed.style);
  if (index === n) {
    const e = endOfLine(text, contentEnd(seq.items[n - 1] as YNode));
    if (e === text.length) return ed.splice(e, e, `\n${spaces(dashCol)}${item}`);
    const at = nextLine(text, e);
    return ed.splice(at, at, `${spaces(dashCol)}${item}\n`);
  }
  const d = dashOf(seq, index, text);
  if (!firstOnLine(text, d)) return ed.splice(d, d, `${item}\n${spaces(dashCol)}`);
  const at = leadingComments(text, lineStart(text, d), dashCol);
  ed.splice(at, at, `${spaces(dashCol)}${item}\n`);
}

/** Insert into the sequence at `path` (created when absent); `index` defaults to the end. */
export function insertAt(ed: DocEditor, path: Path, value: Value, index?: number): void {
  const node = ed.node(path);
  if (!node || (isScalar(node) && node.value === null)) {
    if (index !== undefined && index !== 0) throw new EditError(`${pathText(path)} is empty: only index 0 can be inserted`);
    return setAt(ed, path, [value]);
  }
  if (!isSeq(node)) throw new EditError(`${pathText(path)} is not a sequence`);
  insertItem(ed, node, index ?? node.items.length, value, path);
}

/** Delete the node at a path; false when there was nothing to delete. */
export function deleteAt(ed: DocEditor, path: Path): boolean {
  if (!path.length) throw new EditError("cannot delete the resource's root; use deleteResource");
  const l = ed.locate(path);
  if (l.depth !== path.length || !l.node) return false;
  const text = ed.text;
  const parent = l.parent;
  const parentPath = path.slice(0, -1);
  if (isMap(parent)) {
    const i = pairIndex(parent, String(l.seg));
    const pair = parent.items[i] as YPair;
    if (parent.items.length === 1) {
      if (!parentPath.length) throw new EditError("cannot remove the last field of the resource");
      setAt(ed, parentPath, {});
      return true;
    }
    const e = endOfLine(text, pair.value ? contentEnd(pair.value) : colonOf(pair, text) + 1);
    if (parent.flow) return deleteFlowItem(ed, parent.items.map((p) => pairStart(p as YPair)), parent.items.map((p) => contentEnd(((p as YPair).value ?? (p as YPair).key)!)), i);
    const s = pairStart(pair);
    if (firstOnLine(text, s)) ed.splice(lineStart(text, s), nextLine(text, e), "");
    else {
      // First entry of a mapping that starts after `- `: the next entry moves up to its place.
      const next = pairStart(parent.items[i + 1] as YPair);
      if (/^\n *$/.test(text.slice(e, next))) ed.splice(s, next, "");
      else ed.splice(text.charCodeAt(s - 1) === 32 ? s - 1 : s, e, "");
    }
    return true;
  }
  if (isSeq(parent)) {
    const i = l.seg as number;
    if (parent.items.length === 1) {
      setAt(ed, parentPath, []);
      return true;
    }
    const items = parent.items as YNode[];
    if (parent.flow) return deleteFlowItem(ed, items.map(startOf), items.map(contentEnd), i);
    const d = dashOf(parent, i, text);
    const e = endOfLine(text, contentEnd(items[i]));
    if (firstOnLine(text, d)) ed.splice(lineStart(text, d), nextLine(text, e), "");
    else {
      const next = dashOf(parent, i + 1, text);
      if (!/^\n *$/.test(text.slice(e, next))) throw new EditError(`cannot delete ${pathText(path)}: unsupported layout`);
      ed.splice(d, next, "");
    }
    return true;
  }
  return false;
}

function deleteFlowItem(ed: DocEditor, starts: number[], ends: number[], i: number): boolean {
  if (i < starts.length - 1) ed.splice(starts[i], starts[i + 1], "");
  else ed.splice(ends[i - 1], ends[i], "");
  return true;
}

/** Move item `from` of the sequence at `path` to position `to` (comments just above an item move with it). */
export function moveAt(ed: DocEditor, path: Path, from: number, to: number): void {
  const seq = ed.node(path);
  if (!seq || !isSeq(seq)) throw new EditError(`${pathText(path)} is not a sequence`);
  const n = seq.items.length;
  if (from < 0 || from >= n || to < 0 || to >= n) throw new EditError(`cannot move item ${from} to ${to}: the sequence has ${n} items`);
  if (from === to) return;
  const text = ed.text;
  const items = seq.items as YNode[];
  let starts: number[];
  let ends: number[];
  if (seq.flow) {
    starts = items.map(startOf);
    ends = items.map(contentEnd);
  } else {
    const dashCol = column(text, dashOf(seq, 0, text));
    starts = items.map((_, i) => {
      const d = dashOf(seq, i, text);
      if (!firstOnLine(text, d)) throw new EditError(`cannot reorder ${pathText(path)}: unsupported layout`);
      return leadingComments(text, lineStart(text, d), dashCol);
    });
    ends = items.map((it) => endOfLine(text, contentEnd(it)));
  }
  const order = items.map((_, i) => i);
  order.splice(to, 0, ...order.splice(from, 1));
  let out = "";
  for (let i = 0; i < n; i++) {
    out += text.slice(starts[order[i]], ends[order[i]]);
    if (i < n - 1) out += text.slice(ends[i], starts[i + 1]);
  }
  ed.splice(starts[0], ends[n - 1], out);
}
