/**
 * The written object behind a graph node, read back from the YAML text: the snapshot carries each
 * object's source span (offsets in the text it was computed from) but not the objects themselves
 * (they stay in the engine worker). Panels that show a kind's spec (Inspector views, the
 * simulator's gRPC and mesh pickers) parse just that object's slice, once per snapshot.
 *
 * The `yaml` parser is loaded on first use (`useObjectReader`), so it stays out of the main chunk.
 */
import { useEffect, useState } from "react";
import { useStore, type AppState } from "../store";
import type { Snapshot } from "../worker/protocol";

type Parse = (text: string) => unknown;
let parseYaml: Parse | null = null;
let loading: Promise<void> | null = null;

/** Loads the YAML parser (once). */
export function loadParser(): Promise<void> {
  loading ??= import("yaml").then((m) => {
    parseYaml = (t) => m.parse(t, { uniqueKeys: false, logLevel: "silent" });
  });
  return loading;
}

/** The text each snapshot was computed from, noted when the store shows them together. */
const texts = new WeakMap<Snapshot, string>();
/** Parsed objects per snapshot, by node id (null: no span, or the slice does not parse to an object). */
const objects = new WeakMap<Snapshot, Map<string, Record<string, unknown> | null>>();
/** Span index per snapshot. */
const spanIndex = new WeakMap<Snapshot, Map<string, { start: number; end: number }>>();

/**
 * The text of the store's current snapshot, when known: `good` was computed from the current text
 * unless a newer text is still on its way to the engine (or does not parse).
 */
export function snapshotText(st: Pick<AppState, "good" | "text" | "loadedRevision" | "textRevision" | "stale">): string | null {
  const s = st.good;
  if (!s) return null;
  if (!texts.has(s) && st.loadedRevision === st.textRevision && !st.stale) texts.set(s, st.text);
  return texts.get(s) ?? null;
}

/** Remembers the text a snapshot was computed from (tests, and callers that know it). */
export function noteSnapshotText(s: Snapshot, text: string): void {
  texts.set(s, text);
}

/** The object written for node `id` in snapshot `s` (parsed from the slice of its text), or null. */
export function objectOf(s: Snapshot | null, id: string): Record<string, unknown> | null {
  if (!s || !parseYaml) return null;
  const text = texts.get(s);
  if (text === undefined) return null;
  let cache = objects.get(s);
  if (!cache) objects.set(s, (cache = new Map()));
  if (cache.has(id)) return cache.get(id) ?? null;
  let spans = spanIndex.get(s);
  if (!spans) {
    spans = new Map();
    for (const x of s.spans) if (!spans.has(x.id)) spans.set(x.id, { start: x.start, end: x.end });
    spanIndex.set(s, spans);
  }
  const span = spans.get(id);
  let obj: Record<string, unknown> | null = null;
  if (span) obj = parseSlice(text.slice(span.start, span.end));
  cache.set(id, obj);
  return obj;
}

/**
 * Objects by the text they were parsed from, most recently used last: an object whose text did
 * not change keeps its parse (and its identity, so the forms showing it need not re-render) across
 * snapshots — while typing elsewhere, every keystroke makes a new snapshot.
 */
const bySlice = new Map<string, Record<string, unknown> | null>();
const SLICES_KEPT = 256;

function parseSlice(slice: string): Record<string, unknown> | null {
  const hit = bySlice.get(slice);
  if (hit !== undefined) {
    bySlice.delete(slice);
    bySlice.set(slice, hit);
    return hit;
  }
  let obj: Record<string, unknown> | null = null;
  try {
    const v = parseYaml!(slice);
    if (v && typeof v === "object" && !Array.isArray(v)) obj = v as Record<string, unknown>;
  } catch {
    // The slice is the engine's own parse of the same text; if it fails here, show no details.
  }
  bySlice.set(slice, obj);
  if (bySlice.size > SLICES_KEPT) bySlice.delete(bySlice.keys().next().value!);
  return obj;
}

/**
 * For components: the current snapshot once its text is known and the parser is loaded (else
 * null). Re-renders when either arrives.
 */
export function useObjectSource(): Snapshot | null {
  const ready = useParserReady();
  // Notes the text of the store's snapshot while they are in step (and re-renders when it is noted).
  useStore((st) => snapshotText(st) !== null);
  return objectSource(useStore((st) => st.good), ready);
}

/** Whether the YAML parser is loaded (it loads on first use; re-renders when it arrives). */
export function useParserReady(): boolean {
  const [ready, setReady] = useState(parseYaml !== null);
  useEffect(() => {
    if (!ready) void loadParser().then(() => setReady(true));
  }, [ready]);
  return ready;
}

/**
 * A given snapshot as an object source (see useObjectSource): itself once the parser is loaded and
 * its text is known, else null. For views that follow a deferred snapshot rather than the store's.
 */
export function objectSource(s: Snapshot | null, parserReady: boolean): Snapshot | null {
  return parserReady && s !== null && texts.has(s) ? s : null;
}
