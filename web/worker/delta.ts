/**
 * Snapshot deltas: the worker encodes what changed since the snapshot it sent last
 * (`encodeDelta`), the app rebuilds the whole new snapshot from its copy of that one
 * (`applyDelta`). Structured-cloning a delta costs what the edit changed; cloning a full snapshot at
 * 2,000 routes (megabytes of nodes, edges, statuses) cost the main thread hundreds of milliseconds.
 * The rebuilt snapshot keeps the previous one's arrays and objects where nothing changed (the same
 * `graph` object when no node, edge or group changed), so consumers can compare by identity.
 */
import type { ResourceSpan, Snapshot, SnapshotDelta } from "./protocol";
import { applyList, applyRecord, isIdentity, patchList, patchRecord, PatchMismatch, type ListPatch } from "./patch";

export { PatchMismatch } from "./patch";

/** The delta turning `prev` into `next` (both as the worker built them: identity means unchanged). */
export function encodeDelta(prev: Snapshot, next: Snapshot): SnapshotDelta {
  return {
    version: next.version,
    base: prev.version,
    nodes: patchList(prev.graph.nodes, next.graph.nodes),
    edges: patchList(prev.graph.edges, next.graph.edges),
    groups: patchList(prev.graph.groups, next.graph.groups),
    positions: patchRecord(prev.positions, next.positions),
    collapsed: next.collapsed ?? [],
    diagnostics: patchList(prev.diagnostics, next.diagnostics),
    spans: patchSpans(prev.spans, next.spans),
    status: patchList(prev.status, next.status),
    assumptions: patchList(prev.assumptions, next.assumptions),
    gateways: patchList(prev.gateways, next.gateways),
    syntaxErrors: next.syntaxErrors,
    timings: next.timings,
  };
}

/** Items a delta carries (new or changed list items and positions), and what the full snapshot holds. */
export function deltaWeight(d: SnapshotDelta, next: Snapshot): { changed: number; total: number } {
  const lists: [ListPatch<unknown>, number][] = [
    [d.nodes, next.graph.nodes.length],
    [d.edges, next.graph.edges.length],
    [d.status, next.status.length],
    [d.spans, next.spans.length],
    [d.assumptions, next.assumptions.length],
    [d.diagnostics, next.diagnostics.length],
  ];
  let changed = 0;
  let total = 0;
  for (const [p, n] of lists) {
    changed += p.fresh.length;
    total += n;
  }
  for (const _ in d.positions.set) changed++;
  return { changed, total: total + next.graph.nodes.length };
}

/** Apply a delta to the snapshot it was made against; throws PatchMismatch when it was not. */
export function applyDelta(prev: Snapshot, d: SnapshotDelta): Snapshot {
  if (d.base !== prev.version) throw new PatchMismatch(`delta against version ${d.base}, have ${prev.version}`);
  const g = prev.graph;
  const graphSame = isIdentity(d.nodes, g.nodes.length) && isIdentity(d.edges, g.edges.length) && isIdentity(d.groups, g.groups.length);
  const collapsed = sameStrings(prev.collapsed ?? [], d.collapsed) ? prev.collapsed : d.collapsed;
  return {
    version: d.version,
    graph: graphSame ? g : { nodes: applyList(g.nodes, d.nodes), edges: applyList(g.edges, d.edges), groups: applyList(g.groups, d.groups) },
    positions: applyRecord(prev.positions, d.positions),
    ...(collapsed && collapsed.length ? { collapsed } : {}),
    diagnostics: applyList(prev.diagnostics, d.diagnostics),
    spans: applySpans(prev.spans, d.spans),
    status: applyList(prev.status, d.status),
    assumptions: applyList(prev.assumptions, d.assumptions),
    gateways: applyList(prev.gateways, d.gateways),
    syntaxErrors: d.syntaxErrors,
    timings: d.timings,
  };
}

/** Below this many, moved spans are sent as they are. */
const MIN_SHIFT = 16;

function shifted(a: ResourceSpan, b: ResourceSpan, offset: number, lines: number): boolean {
  return a.id === b.id && a.file === b.file && b.start === a.start + offset && b.end === a.end + offset && b.startLine === a.startLine + lines && b.endLine === a.endLine + lines && b.startColumn === a.startColumn && b.endColumn === a.endColumn;
}

/** The spans' patch: a tail that only moved (everything after an edit) as a shift, the rest by identity. */
export function patchSpans(prev: readonly ResourceSpan[], next: readonly ResourceSpan[]): SnapshotDelta["spans"] {
  if (prev === next || !prev.length || !next.length) return patchList(prev, next);
  const a = prev[prev.length - 1];
  const b = next[next.length - 1];
  const offset = b.start - a.start;
  const lines = b.startLine - a.startLine;
  if (a === b || (offset === 0 && lines === 0)) return patchList(prev, next);
  let n = 0;
  while (n < prev.length && n < next.length && shifted(prev[prev.length - 1 - n], next[next.length - 1 - n], offset, lines)) n++;
  if (n < MIN_SHIFT) return patchList(prev, next);
  return { ...patchList(prev.slice(0, prev.length - n), next.slice(0, next.length - n)), shift: [n, offset, lines] };
}

function applySpans(prev: readonly ResourceSpan[], p: SnapshotDelta["spans"]): ResourceSpan[] {
  if (!p.shift) return applyList(prev, p);
  const [n, offset, lines] = p.shift;
  if (n > prev.length) throw new PatchMismatch("span shift longer than the previous list");
  // applyList gives back `head` itself (a copy we own) or a new list: either may be appended to.
  const result = applyList(prev.slice(0, prev.length - n), p);
  for (let i = prev.length - n; i < prev.length; i++) {
    const s = prev[i];
    result.push({ ...s, start: s.start + offset, end: s.end + offset, startLine: s.startLine + lines, endLine: s.endLine + lines });
  }
  return result;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
