import type { Resource } from "../model/resource";
import type { Diagnostic } from "../model/diagnostic";
import { LineIndex, nodeAt, type PathSegment, type SourceRef } from "../model/source";
import { refKey } from "../model/ids";
import { splitDocuments, type Chunk } from "./split";
import { parseChunk, type DocResult, type ResourceTemplate } from "./document";
import type { Problem } from "./problem";

/** One input file. */
export interface InputFile {
  name: string;
  text: string;
}

export interface ParseResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** Line indexes of the inputs, by file name, to place anything in them. */
  lines: Map<string, LineIndex>;
}

/** Largest total input accepted. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Cache of parsed documents. For each file it keeps the previous list of documents; a new parse
 * lines the new documents up with the old ones (same text at the start and at the end of the file
 * compare by memcmp, no hashing), so an edit re-parses only the documents it touched and the cost
 * of a re-import follows the size of the change, not of the file.
 */
export class ParseCache {
  private files = new Map<string, { chunks: Chunk[]; docs: DocResult[] }>();
  /** Documents parsed (not found in the cache) by the last call; for tests and benchmarks. */
  lastMisses = 0;

  /** The parsed documents of a file's chunks, reusing what the previous parse of that file had. */
  docsFor(file: string, chunks: Chunk[], next: Map<string, { chunks: Chunk[]; docs: DocResult[] }>): DocResult[] {
    const prev = this.files.get(file);
    const docs: DocResult[] = new Array(chunks.length);
    let head = 0;
    let tail = 0;
    if (prev) {
      const pc = prev.chunks;
      const max = Math.min(pc.length, chunks.length);
      while (head < max && pc[head].text === chunks[head].text) {
        docs[head] = prev.docs[head];
        head++;
      }
      while (tail < max - head && pc[pc.length - 1 - tail].text === chunks[chunks.length - 1 - tail].text) {
        docs[chunks.length - 1 - tail] = prev.docs[pc.length - 1 - tail];
        tail++;
      }
    }
    // The middle: documents moved, edited or new. Look them up among the previous middle, else parse.
    let moved: Map<string, DocResult> | null = null;
    for (let i = head; i < chunks.length - tail; i++) {
      if (!moved) {
        moved = new Map();
        if (prev) for (let j = head; j < prev.chunks.length - tail; j++) moved.set(prev.chunks[j].text, prev.docs[j]);
      }
      let d = moved.get(chunks[i].text);
      if (!d) {
        d = parseChunk(chunks[i].text);
        this.lastMisses++;
      }
      docs[i] = d;
    }
    next.set(file, { chunks, docs });
    return docs;
  }

  /** Keep what this parse saw, for the next one. */
  commit(next: Map<string, { chunks: Chunk[]; docs: DocResult[] }>): void {
    this.files = next;
  }
}

/**
 * Parse YAML or JSON files (multi-document, `kind: List`) into resources with source trees, and
 * diagnostics with file, line and column. Never throws.
 */
export function parse(input: string | InputFile | InputFile[], cache: ParseCache = new ParseCache()): ParseResult {
  const files: InputFile[] = typeof input === "string" ? [{ name: "<input>", text: input }] : Array.isArray(input) ? input : [input];
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = new Map<string, LineIndex>();
  const next = new Map<string, { chunks: Chunk[]; docs: DocResult[] }>();
  cache.lastMisses = 0;
  const identities: string[] = [];
  let total = 0;
  for (const file of files) {
    const li = new LineIndex(file.text);
    lines.set(file.name, li);
    total += file.text.length;
    if (total > MAX_INPUT_BYTES) {
      diagnostics.push(at(li, file.name, 0, 0, { severity: "error", code: "too-large", message: `input is larger than ${MAX_INPUT_BYTES} bytes; the rest is not read`, start: 0, end: 0 }));
      break;
    }
    let chunks: Chunk[];
    try {
      chunks = splitDocuments(file.text);
    } catch (e) {
      diagnostics.push(at(li, file.name, 0, 0, { severity: "error", code: "internal", message: String(e), start: 0, end: 0 }));
      continue;
    }
    const docs = cache.docsFor(file.name, chunks, next);
    chunks.forEach((chunk, docIndex) => {
      const doc = docs[docIndex];
      for (const p of doc.problems) diagnostics.push(at(li, file.name, chunk.offset, docIndex, p));
      for (const t of doc.resources) {
        const r = place(t, { file: file.name, docIndex, offset: chunk.offset, tree: t.tree });
        resources.push(r);
        identities.push(t.identity);
      }
    });
  }
  cache.commit(next);
  diagnostics.push(...duplicates(resources, identities, lines));
  return { resources, diagnostics, lines };
}

/** A template placed in its file. An explicit literal (not a spread): this runs for every resource on every re-import. */
function place(t: ResourceTemplate, source: SourceRef): Resource {
  return {
    group: t.group,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    apiVersion: t.apiVersion,
    version: t.version,
    namespaceAsWritten: t.namespaceAsWritten,
    metadata: t.metadata,
    spec: t.spec,
    obj: t.obj,
    known: t.known,
    source,
  };
}

function at(li: LineIndex, file: string, base: number, docIndex: number, p: Problem): Diagnostic {
  const s = li.position(base + p.start);
  const e = li.position(base + Math.max(p.end, p.start));
  return { severity: p.severity, code: p.code, message: p.message, file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, docIndex };
}

/** Place a diagnostic on a field of a resource (or its nearest existing ancestor). */
export function locate(r: Resource, path: PathSegment[], lines: Map<string, LineIndex>, onKey = false): Pick<Diagnostic, "file" | "line" | "column" | "endLine" | "endColumn"> {
  const li = lines.get(r.source.file);
  const n = nodeAt(r.source.tree, path);
  const [s, e] = n ? (onKey && n.k ? n.k : n.r) : [0, 0];
  if (!li) return { file: r.source.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const a = li.position(r.source.offset + s);
  const b = li.position(r.source.offset + e);
  return { file: r.source.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** The same object (group, kind, namespace, name) defined twice: the first one counts, as `kubectl apply` would keep the last — we say so. */
function duplicates(resources: Resource[], identities: string[], lines: Map<string, LineIndex>): Diagnostic[] {
  const seen = new Map<string, Resource>();
  const out: Diagnostic[] = [];
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i];
    const first = seen.get(identities[i]);
    if (!first) {
      seen.set(identities[i], r);
      continue;
    }
    const p = locate(r, ["metadata", "name"], lines);
    const f = locate(first, ["metadata", "name"], lines);
    out.push({
      ...p,
      severity: "error",
      code: "duplicate-object",
      message: `${r.kind} ${refKey(r).slice(r.kind.length + 1)} is defined twice (first at ${f.file}:${f.line}:${f.column}); the first definition is used`,
      docIndex: r.source.docIndex,
      resource: { group: r.group, kind: r.kind, namespace: r.namespace, name: r.name },
      path: ["metadata", "name"],
    });
  }
  return out;
}
