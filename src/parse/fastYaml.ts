import jsyaml from "js-yaml";
import type { SourceNode } from "../model/source";

/**
 * The fast path: js-yaml (core schema, as `yaml` and Kubernetes read it: no timestamps) with its
 * node listener, from which we rebuild a source tree that mirrors the value. About 10× faster than
 * the `yaml` package, which matters at 10,000 routes. Anything it cannot explain exactly (anchors,
 * errors, shapes where events and value disagree) goes to the slow path instead.
 */
interface Ev {
  start: number;
  end: number;
  result: unknown;
  kids: Ev[];
}

export interface FastResult {
  value: unknown;
  /** Null when the document holds no value (empty, only comments, or `null`). */
  tree: SourceNode | null;
}

/**
 * Text the fast path leaves to the slow path, in one scan (this runs on every document):
 * - anchors (`&a`): aliases share nodes, which a tree mirroring the value cannot show;
 * - tags (`!!str`, `!custom`): js-yaml's ranges include them, the `yaml` package's do not;
 * - explicit keys (`? key`): the key's events do not match its text;
 * - a comment glued to a quote or bracket (`'q'# c`): YAML 1.2 forbids it, js-yaml does not;
 * - a tab in indentation, and directives (`%YAML`): js-yaml checks them less strictly;
 * - a byte-order mark: js-yaml drops it and shifts every position by one.
 * A false alarm (such characters inside a scalar) only costs the slow path.
 */
const DECLINE = /(?:^|[\s[{,])(?:&[^\s\]},]|!|\?(?:\s|$))|['"\]}]#|^ *\t|^%|\uFEFF/m;

/** Parse one document; null when the fast path cannot be trusted for it (the caller then uses the slow path). */
export function fastParse(text: string, maxDepth: number): FastResult | null {
  if (DECLINE.test(text)) return null;
  const root: Ev = { start: 0, end: 0, result: undefined, kids: [] };
  const stack: Ev[] = [root];
  let value: unknown;
  try {
    value = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      maxDepth,
      listener(this: unknown, event: string, state: { position: number; result: unknown }) {
        if (event === "open") {
          stack.push({ start: state.position, end: 0, result: undefined, kids: [] });
        } else {
          const ev = stack.pop()!;
          ev.end = state.position;
          ev.result = state.result;
          stack[stack.length - 1].kids.push(ev);
        }
      },
    } as jsyaml.LoadOptions);
  } catch {
    return null;
  }
  if (stack.length !== 1) return null;
  // The document node is the last top-level event whose result is the value.
  const top = root.kids.length > 0 ? root.kids[root.kids.length - 1] : null;
  if (value === undefined || value === null) {
    return { value: value ?? null, tree: null };
  }
  // A document that is one scalar is no Kubernetes object; js-yaml and YAML 1.2 also differ on
  // root block scalars. The slow path reports it.
  if (typeof value !== "object") return null;
  if (!top || top.result !== value) return null;
  const tree = build(top, value, text);
  return tree ? { value, tree } : null;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Move a start offset past white space and comments to the node's first character. */
function trimStart(text: string, s: number, end: number): number {
  if (end > text.length) end = text.length;
  while (s < end) {
    const c = text.charCodeAt(s);
    if (isWs(c)) s++;
    else if (c === 35 /* # */) {
      const nl = text.indexOf("\n", s);
      s = nl === -1 ? end : nl + 1;
    } else break;
  }
  return s;
}

function trimEnd(text: string, s: number, e: number): number {
  // js-yaml reads a copy of the text with a line break appended: its positions may pass our end.
  if (e > text.length) e = text.length;
  while (e > s && isWs(text.charCodeAt(e - 1))) e--;
  return e;
}

function build(ev: Ev, value: unknown, text: string): SourceNode | null {
  const start = trimStart(text, ev.start, ev.end);
  if (value !== null && typeof value === "object") {
    const first = text.charCodeAt(start);
    // A tag (`!!map`) or anything but a bracket or a plain entry is rare: leave it to the slow path.
    if (first === 33 /* ! */) return null;
    // A flow collection ends at its closing bracket, where js-yaml stops reading it.
    const flow = first === 91 /* [ */ || first === 123; /* { */
    const n = Array.isArray(value) ? buildSeq(ev, value, text, start) : buildMap(ev, value as Record<string, unknown>, text, start);
    if (!n) return null;
    if (flow) {
      n.r[1] = trimEnd(text, start, ev.end);
      // Every entry sits strictly inside the brackets; js-yaml's events for odd flow content
      // (`[a: b]`, `[...]`) do not, and then the slow path knows better.
      if (!inside(n, start, n.r[1])) return null;
    }
    return n;
  }
  // A tagged scalar (`!!str x`): its range would include the tag; leave it to the slow path.
  const c = text.charCodeAt(start);
  if (c === 33 /* ! */) return null;
  const end = trimEnd(text, start, ev.end);
  // A quoted scalar over several lines: YAML 1.2 wants its continuation lines indented, js-yaml
  // does not check. Rare in manifests; the slow path decides.
  if ((c === 34 || c === 39) && spansLines(text, start, end)) return null;
  return { r: [start, end] };
}

function spansLines(text: string, start: number, end: number): boolean {
  const nl = text.indexOf("\n", start);
  return nl !== -1 && nl < end;
}

function inside(n: SourceNode, start: number, end: number): boolean {
  const kids = Array.isArray(n.c) ? n.c : n.c ? Object.values(n.c) : [];
  for (const k of kids) {
    if (k.r[0] <= start || k.r[1] >= end) return false;
    if (k.k && (k.k[0] <= start || k.k[1] >= end)) return false;
  }
  return true;
}

function buildSeq(ev: Ev, value: unknown[], text: string, start: number): SourceNode | null {
  if (ev.kids.length !== value.length) return value.length === 0 ? { r: [start, trimEnd(text, start, ev.end)], c: [] } : null;
  const c: SourceNode[] = [];
  for (let i = 0; i < value.length; i++) {
    const n = build(ev.kids[i], value[i], text);
    if (!n) return null;
    c.push(n);
  }
  const end = value.length ? c[value.length - 1].r[1] : trimEnd(text, start, ev.end);
  return { r: [start, end], c };
}

function buildMap(ev: Ev, value: Record<string, unknown>, text: string, start: number): SourceNode | null {
  const keys = Object.keys(value);
  const c: Record<string, SourceNode> = {};
  const kids = ev.kids;
  let p = 0;
  let end = start;
  for (const key of keys) {
    const k = kids[p];
    // A collection as a key (`{a: 1}: x`, `? [a]`) is not JSON; js-yaml would name it "[object Object]".
    // A null key (`~: x`, `? `) is named "null" by js-yaml and "" by `yaml`: slow path.
    if (!k || k.result === null || typeof k.result === "object" || String(k.result) !== key) return null;
    p++;
    const v = value[key];
    const ks = trimStart(text, k.start, k.end);
    const kr: [number, number] = [ks, trimEnd(text, ks, k.end)];
    const kc = text.charCodeAt(ks);
    if ((kc === 34 || kc === 39) && spansLines(text, ks, kr[1])) return null;
    let node: SourceNode;
    // A key with no value may produce no value event (flow) or an empty one (block); a null that
    // was written (`~`, `null`) produces a non-empty one. An empty value sits at the key's end.
    const next = kids[p];
    if (v === null && (!next || next.result !== null)) {
      node = { r: [kr[1], kr[1]] };
    } else {
      if (!next) return null;
      const n = build(next, v, text);
      if (!n) return null;
      node = v === null && n.r[0] === n.r[1] ? { r: [kr[1], kr[1]] } : n;
      p++;
    }
    node.k = kr;
    c[key] = node;
    end = Math.max(node.r[1], kr[1]);
  }
  if (p !== kids.length) return null;
  if (keys.length === 0) end = trimEnd(text, start, ev.end);
  return { r: [start, end], c };
}
