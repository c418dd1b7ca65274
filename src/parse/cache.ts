/**
 * ParseCache: what `parse` keeps of each file between runs, so the cost of a re-import follows the
 * size of the edit, not of the file. The new text is lined up with the previous one document by
 * document (memcmp of each document's text at its old place, no hashing, no new substrings): the
 * documents before the edit and after it are kept whole — their parse and their Resource objects —
 * and only the stretch between them is split and parsed again. Documents after the edit that moved
 * get their `source` offset and index updated in place, so downstream caches keyed by object identity
 * (controller, graph) see them as unchanged.
 */
import type { Resource } from "../model/resource";
import { LineIndex } from "../model/source";
import { looksLikeJson, splitDocuments, splitYamlDocuments, type Chunk } from "./split";
import { parseChunk, type DocResult, type ResourceTemplate } from "./document";

/** One file as the last parse left it. */
export interface FileState {
  text: string;
  /** Whether the text was read as a JSON stream (then it is never lined up incrementally). */
  json: boolean;
  chunks: Chunk[];
  docs: DocResult[];
  /** The resources of each document, placed in this file. */
  placed: Resource[][];
  lines: LineIndex;
  /** Whether its objects' identities are those of the previous state, in the same order. */
  sameIdentities: boolean;
}

/**
 * Pass one cache to every `parse` of an evolving input; results equal a parse without it. Resources
 * of untouched documents are the same objects as in the previous result (their `source` is updated
 * in place when their document moved), so a previous ParseResult must not be read after the next
 * parse with the same cache.
 */
export class ParseCache {
  private files = new Map<string, FileState>();
  private next = new Map<string, FileState>();
  /** Documents parsed (not found in the cache) by the last call; for tests and benchmarks. */
  lastMisses = 0;
  /** Whether the last parse found no object defined twice, and its file names in order. */
  private dupFree = false;
  private names = "";
  private sameSoFar = true;

  /** Start a parse: the files it sees replace the previous ones when it ends. */
  begin(): void {
    this.lastMisses = 0;
    this.next = new Map();
    this.sameSoFar = true;
  }

  /**
   * Whether this parse's objects are known to be defined once each: the last parse's were, with
   * the same files, and every file's identities are unchanged (checking again costs a map of every
   * object on every edit).
   */
  knownDuplicateFree(names: string): boolean {
    return this.sameSoFar && this.dupFree && names === this.names;
  }

  /** What this parse found, for the next one. */
  noteDuplicates(names: string, none: boolean): void {
    this.names = names;
    this.dupFree = none;
  }

  /** The state of a file for this text, reusing what the previous parse of that file had. */
  file(name: string, text: string): FileState {
    const prev = this.files.get(name);
    let st: FileState | null = null;
    if (prev && prev.text === text) st = prev;
    else if (prev && !prev.json && !looksLikeJson(text)) st = this.lineUp(name, prev, text);
    st ??= this.fresh(name, text, prev);
    if (!(st === prev || st.sameIdentities)) this.sameSoFar = false;
    this.next.set(name, st);
    return st;
  }

  /** Keep what this parse saw, for the next one. */
  commit(): void {
    this.files = this.next;
    this.next = new Map();
  }

  /** Split and parse the whole text (documents found unchanged in `prev` are not parsed again). */
  private fresh(name: string, text: string, prev: FileState | undefined): FileState {
    const json = looksLikeJson(text);
    const chunks = splitDocuments(text);
    const known = new Map<string, DocResult>();
    if (prev) for (let j = 0; j < prev.chunks.length; j++) known.set(prev.chunks[j].text, prev.docs[j]);
    const docs: DocResult[] = [];
    const placed: Resource[][] = [];
    for (let i = 0; i < chunks.length; i++) {
      docs[i] = known.get(chunks[i].text) ?? this.parseDoc(chunks[i].text);
      placed[i] = placeDoc(docs[i], name, i, chunks[i].offset);
    }
    return { text, json, chunks, docs, placed, lines: new LineIndex(text), sameIdentities: false };
  }

  /**
   * Line the new text up with the previous one: the documents that lie wholly in the text the two
   * share at the start (`head`) and at the end (`tail`). The last head and the first tail document are
   * split again with the middle, since an edit next to them can move a boundary (a `---` line is a
   * boundary only after a newline).
   */
  private lineUp(name: string, prev: FileState, text: string): FileState | null {
    const pc = prev.chunks;
    const n = pc.length;
    const old = prev.text;
    const delta = text.length - old.length;
    const same = commonPrefix(old, text);
    const sameEnd = commonSuffix(old, text, Math.min(old.length, text.length) - same);
    // Documents [0, head) end within the shared start; [n - tail, n) begin within the shared end.
    let head = 0;
    while (head < n && pc[head].offset + pc[head].text.length <= same) head++;
    let tail = 0;
    while (tail < n - head && pc[n - 1 - tail].offset >= old.length - sameEnd) tail++;
    const keepHead = Math.max(head - 1, 0);
    const keepTail = Math.max(tail - 1, 0);
    const from = keepHead > 0 ? pc[keepHead].offset : 0;
    const oldTo = keepTail > 0 ? pc[n - keepTail].offset : prev.text.length;
    const to = oldTo + delta;
    if (to < from) return null;
    const middle = to > from ? splitYamlDocuments(text.slice(from, to), from) : [];
    // A document that moved within the middle (or was re-split unchanged) keeps its parse and its resources.
    const known = new Map<string, number>();
    for (let j = keepHead; j < n - keepTail; j++) if (!known.has(pc[j].text)) known.set(pc[j].text, j);
    const count = keepHead + middle.length + keepTail;
    const chunks: Chunk[] = [];
    const docs: DocResult[] = [];
    const placed: Resource[][] = [];
    for (let i = 0; i < keepHead; i++) {
      chunks[i] = pc[i];
      docs[i] = prev.docs[i];
      placed[i] = prev.placed[i];
    }
    for (let k = 0; k < middle.length; k++) {
      const i = keepHead + k;
      const c = middle[k];
      chunks[i] = c;
      const j = known.get(c.text);
      if (j === undefined) {
        docs[i] = this.parseDoc(c.text);
        placed[i] = placeDoc(docs[i], name, i, c.offset);
      } else {
        // Each earlier document lends its objects once (two equal documents are two objects).
        known.delete(c.text);
        docs[i] = prev.docs[j];
        placed[i] = moveDoc(prev.placed[j], i, c.offset);
      }
    }
    const shift = count - n;
    for (let k = keepTail; k > 0; k--) {
      const j = n - k;
      const i = j + shift;
      const c = pc[j];
      // The previous state is dropped after this parse: its chunks can move in place.
      if (delta !== 0) c.offset += delta;
      chunks[i] = c;
      docs[i] = prev.docs[j];
      placed[i] = moveDoc(prev.placed[j], i, chunks[i].offset);
    }
    const sameIdentities = identitiesOf(prev.docs, keepHead, n - keepTail) === identitiesOf(docs, keepHead, keepHead + middle.length);
    return { text, json: false, chunks, docs, placed, lines: new LineIndex(text, { prev: prev.lines, from, oldTo, delta }), sameIdentities };
  }

  private parseDoc(text: string): DocResult {
    this.lastMisses++;
    return parseChunk(text);
  }
}

/** The identities of documents [from, to), joined (the middle of an edit: a few documents). */
function identitiesOf(docs: DocResult[], from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) for (const r of docs[i].resources) s += `${r.identity}\n`;
  return s;
}

/** Comparison block: strings compare by memcmp; a block of this size keeps the calls few. */
const BLOCK = 1 << 16;

/** Length of the text `a` and `b` begin with. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the text `a` and `b` end with, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  let s = 0;
  while (s + BLOCK <= max && a.slice(la - s - BLOCK, la - s) === b.slice(lb - s - BLOCK, lb - s)) s += BLOCK;
  while (s < max && a.charCodeAt(la - 1 - s) === b.charCodeAt(lb - 1 - s)) s++;
  return s;
}

/** The resources of a document that is unchanged, at its new place (updated in place). */
function moveDoc(rs: Resource[], docIndex: number, offset: number): Resource[] {
  for (let r = 0; r < rs.length; r++) {
    const src = rs[r].source;
    if (src.offset !== offset) src.offset = offset;
    if (src.docIndex !== docIndex) src.docIndex = docIndex;
  }
  return rs;
}

/** The resources of one document, placed in its file. */
function placeDoc(doc: DocResult, file: string, docIndex: number, offset: number): Resource[] {
  const out: Resource[] = [];
  for (let i = 0; i < doc.resources.length; i++) out[i] = place(doc.resources[i], file, docIndex, offset);
  return out;
}

/** A template placed in its file. An explicit literal (not a spread): this runs for every new resource. */
function place(t: ResourceTemplate, file: string, docIndex: number, offset: number): Resource {
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
    source: { file, docIndex, offset, tree: t.tree },
  };
}
