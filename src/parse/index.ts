import type { Resource } from "../model/resource";
import type { Diagnostic } from "../model/diagnostic";
import { LineIndex, nodeAt, type PathSegment } from "../model/source";
import { refKey } from "../model/ids";
import { ParseCache, type FileState } from "./cache";
import type { Problem } from "./problem";

export { ParseCache } from "./cache";

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
 * Parse YAML or JSON files (multi-document, `kind: List`) into resources with source trees, and
 * diagnostics with file, line and column. Never throws.
 */
export function parse(input: string | InputFile | InputFile[], cache: ParseCache = new ParseCache()): ParseResult {
  const files: InputFile[] = typeof input === "string" ? [{ name: "<input>", text: input }] : Array.isArray(input) ? input : [input];
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = new Map<string, LineIndex>();
  cache.begin();
  const identities: string[] = [];
  let total = 0;
  for (const file of files) {
    total += file.text.length;
    if (total > MAX_INPUT_BYTES) {
      const li = new LineIndex(file.text);
      lines.set(file.name, li);
      diagnostics.push(at(li, file.name, 0, 0, { severity: "error", code: "too-large", message: `input is larger than ${MAX_INPUT_BYTES} bytes; the rest is not read`, start: 0, end: 0 }));
      break;
    }
    let st: FileState;
    try {
      st = cache.file(file.name, file.text);
    } catch (e) {
      const li = new LineIndex(file.text);
      lines.set(file.name, li);
      diagnostics.push(at(li, file.name, 0, 0, { severity: "error", code: "internal", message: String(e), start: 0, end: 0 }));
      continue;
    }
    const li = st.lines;
    lines.set(file.name, li);
    for (let docIndex = 0; docIndex < st.docs.length; docIndex++) {
      const doc = st.docs[docIndex];
      for (const p of doc.problems) diagnostics.push(at(li, file.name, st.chunks[docIndex].offset, docIndex, p));
      const placed = st.placed[docIndex];
      for (let i = 0; i < placed.length; i++) {
        resources.push(placed[i]);
        identities.push(doc.resources[i].identity);
      }
    }
  }
  cache.commit();
  const names = files.map((f) => f.name).join("\n");
  if (!cache.knownDuplicateFree(names)) {
    const dups = duplicates(resources, identities, lines);
    diagnostics.push(...dups);
    cache.noteDuplicates(names, dups.length === 0);
  }
  return { resources, diagnostics, lines };
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
