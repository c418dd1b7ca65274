/**
 * Finding the document that holds a resource without parsing the whole text: the `offset`/`doc`
 * hints go straight to it; otherwise only documents that mention the name are looked at, and most of
 * those are ruled out by reading their `kind:` and `metadata:` lines.
 */
import { parseDocument, isMap, isSeq, isScalar, type Document, type Node as YNode } from "yaml";
import { splitDocuments, looksLikeJson, type Chunk } from "../parse/split";
import { isNamespaced, splitApiVersion } from "../model/kinds";
import { childOf } from "./tree";
import { DocEditor } from "./doc";
import { EditError, type Path, type Target } from "./types";

/** A document of the text and the resource inside it. */
export interface Found {
  start: number;
  end: number;
  ed: DocEditor;
}

function isMarkerEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || Number.isNaN(c);
}

/** End of the document starting at `start` (where the next `---` line begins). */
export function docEnd(text: string, start: number): number {
  for (let i = text.indexOf("\n---", start); i !== -1; i = text.indexOf("\n---", i + 4)) if (isMarkerEnd(text.charCodeAt(i + 4))) return i + 1;
  return text.length;
}

/** Whether a document of a YAML stream starts at `offset`. */
function isDocStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 10 && text.startsWith("---", offset) && isMarkerEnd(text.charCodeAt(offset + 3));
}

/** A top-level scalar as written on a line (`name: "x" # c` → `x`); undefined when it is anything fancier. */
function lineScalar(s: string): string | undefined {
  let v = s.trim();
  const hash = v.search(/\s#/);
  if (hash !== -1) v = v.slice(0, hash).trim();
  if (/^"[^"\\]*"$/.test(v) || /^'[^']*'$/.test(v)) return v.slice(1, -1);
  if (!v || /^[&*!|>{["'%@`]/.test(v)) return undefined;
  return v;
}

/**
 * Kind, name and namespace read from a document's lines (block style, `metadata` as a block
 * mapping); null when the layout is anything else, so the caller parses the document instead.
 */
export function quickIdentity(t: string): { kind: string; name: string; namespace: string } | null {
  let kind: string | undefined;
  let name: string | undefined;
  let namespace = "";
  let inMeta = false;
  let metaCol = -1;
  for (let pos = 0; pos < t.length; ) {
    let e = t.indexOf("\n", pos);
    if (e === -1) e = t.length;
    let i = pos;
    while (t.charCodeAt(i) === 32) i++;
    if (i < e && t.charCodeAt(i) !== 35 && t.charCodeAt(i) !== 13) {
      const line = t.slice(i, e);
      if (i === pos) {
        inMeta = false;
        if (!line.startsWith("---") && !line.startsWith("...")) {
          const m = /^([A-Za-z]+):(.*)$/.exec(line);
          if (!m) return null;
          if (m[1] === "kind") kind = lineScalar(m[2]);
          else if (m[1] === "metadata") {
            if (lineScalar(m[2]) !== undefined || /^\s*[{[&*!]/.test(m[2])) return null;
            inMeta = true;
            metaCol = -1;
          } else if (kind !== undefined && name !== undefined) break;
        }
      } else if (inMeta) {
        if (metaCol === -1) metaCol = i - pos;
        if (i - pos === metaCol) {
          const m = /^(name|namespace):(.*)$/.exec(line);
          if (m) {
            const v = lineScalar(m[2]);
            if (v === undefined) return null;
            if (m[1] === "name") name = v;
            else namespace = v;
          }
        }
      }
    }
    pos = e + 1;
  }
  if (kind === undefined || name === undefined || kind.endsWith("List")) return null;
  return { kind, name, namespace };
}

function str(n: YNode | null | undefined): string {
  return isScalar(n) && (typeof n.value === "string" || typeof n.value === "number") ? String(n.value) : "";
}

/** Whether a resource with this kind, apiVersion, name and namespace as written is the target. */
export function matches(target: Target, kind: string, apiVersion: string, name: string, ns: string): boolean {
  if (kind !== target.kind || name !== target.name) return false;
  if (target.namespace === undefined) return true;
  const namespaced = isNamespaced(splitApiVersion(apiVersion).group, kind);
  return !namespaced || (ns || "default") === target.namespace;
}

/** The path of the target inside a parsed document: the root, an item of a `kind: List`, or of a JSON array. */
export function findInDoc(doc: Document.Parsed, target: Target): Path | null {
  const root = doc.contents as YNode | null;
  const check = (n: YNode | null | undefined): boolean => {
    if (!isMap(n)) return false;
    const meta = childOf(n, "metadata");
    return matches(target, str(childOf(n, "kind")), str(childOf(n, "apiVersion")), str(childOf(meta, "name")), str(childOf(meta, "namespace")));
  };
  if (check(root)) return [];
  const list = isMap(root) && str(childOf(root, "kind")).endsWith("List") ? childOf(root, "items") : isSeq(root) ? root : null;
  const prefix: Path = isSeq(root) ? [] : ["items"];
  if (isSeq(list)) for (let i = 0; i < list.items.length; i++) if (check(list.items[i] as YNode)) return [...prefix, i];
  return null;
}

function tryChunk(text: string, start: number, end: number, target: Target): Found | null {
  const chunk = text.slice(start, end);
  const id = quickIdentity(chunk);
  const ns = target.namespace;
  if (id && !(id.kind === target.kind && id.name === target.name && (ns === undefined || ns === "" || !id.namespace || id.namespace === ns))) return null;
  const doc = parseDocument(chunk, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    if (id) throw new EditError(`the document of ${target.kind} ${target.name} has YAML errors; fix them first (${doc.errors[0].message})`);
    return null;
  }
  const base = findInDoc(doc, target);
  return base ? { start, end, ed: new DocEditor(chunk, base, doc) } : null;
}

/** Find the document holding the target; throws an {@link EditError} when there is none. */
export function findTarget(text: string, target: Target, chunks?: Chunk[], skip?: (start: number) => boolean): Found {
  const json = looksLikeJson(text);
  if (!chunks && !json && target.offset !== undefined && isDocStart(text, target.offset) && !skip?.(target.offset)) {
    const f = tryChunk(text, target.offset, docEnd(text, target.offset), target);
    if (f) return f;
  }
  if (!chunks && !json && target.doc === undefined) {
    const f = scanFor(text, target, skip);
    if (f) return f;
    throw notFound(target);
  }
  const all = chunks ?? splitDocuments(text);
  const hint = target.doc !== undefined ? all[target.doc] : undefined;
  if (hint && !skip?.(hint.offset)) {
    const f = tryChunk(text, hint.offset, hint.offset + hint.text.length, target);
    if (f) return f;
  }
  for (const c of all) {
    if (c === hint || !c.text.includes(target.name) || skip?.(c.offset)) continue;
    const f = tryChunk(text, c.offset, c.offset + c.text.length, target);
    if (f) return f;
  }
  throw notFound(target);
}

function notFound(target: Target): EditError {
  const ns = target.namespace !== undefined ? ` in namespace ${target.namespace}` : "";
  return new EditError(`${target.kind} ${target.name}${ns} not found`);
}

/** Start of the document holding `pos` (the `---` line before it, or 0), as splitDocuments splits. */
function docStart(text: string, pos: number): number {
  for (let i = text.lastIndexOf("\n---", pos - 1); i !== -1; i = i > 0 ? text.lastIndexOf("\n---", i - 1) : -1) if (isMarkerEnd(text.charCodeAt(i + 4))) return i + 1;
  return 0;
}

/**
 * Without hints: only documents where the name occurs are looked at, found from each occurrence
 * (no split of the whole text, which at 10,000 documents costs more than the edit).
 */
function scanFor(text: string, target: Target, skip?: (start: number) => boolean): Found | null {
  let seenEnd = -1;
  for (let i = text.indexOf(target.name); i !== -1; i = text.indexOf(target.name, Math.max(i + 1, seenEnd))) {
    const start = docStart(text, i);
    const end = docEnd(text, start);
    seenEnd = end;
    if (skip?.(start)) continue;
    const f = tryChunk(text, start, end, target);
    if (f) return f;
  }
  return null;
}
