/**
 * Patches of lists and records between two versions, so the worker sends what an edit changed
 * instead of the whole snapshot. A list patch is made by object identity: the engine's caches hand
 * unchanged routes' nodes, edges and statuses over as the same objects (and the worker interns the
 * rest, see stable.ts), so identity tells what changed without comparing values. Pure; both ends
 * (the worker encodes, the app applies) use this file.
 */

/**
 * A list as runs over the previous list and new items: `runs` holds pairs (start, count); a start
 * of -1 takes the next `count` items of `fresh`. An unchanged list is `[0, length]`.
 */
export interface ListPatch<T> {
  runs: number[];
  fresh: T[];
}

/** Entries set (new or changed) and keys removed. */
export interface RecordPatch<T> {
  set: Record<string, T>;
  remove: string[];
}

/** Thrown by the apply functions when a patch does not fit the list it is applied to. */
export class PatchMismatch extends Error {}

/**
 * The patch turning `prev` into `next`, by identity. Linear: consecutive items that follow each
 * other in `prev` extend one run; an index of `prev` is built only when an item moved.
 */
export function patchList<T>(prev: readonly T[], next: readonly T[]): ListPatch<T> {
  if (prev === next) return { runs: next.length ? [0, next.length] : [], fresh: [] };
  const runs: number[] = [];
  const fresh: T[] = [];
  let index: Map<T, number> | null = null;
  let start = -2;
  let count = 0;
  const flush = () => {
    if (count > 0) runs.push(start, count);
  };
  for (let i = 0; i < next.length; i++) {
    const item = next[i];
    if (start >= 0 && prev[start + count] === item) {
      count++;
      continue;
    }
    let j = -1;
    if (prev[i] === item) j = i;
    else {
      if (!index) {
        index = new Map();
        // Last occurrence wins; the same object twice is the same value either way.
        for (let k = 0; k < prev.length; k++) index.set(prev[k], k);
      }
      j = index.get(item) ?? -1;
    }
    if (j >= 0) {
      flush();
      start = j;
      count = 1;
    } else {
      if (start !== -1) {
        flush();
        start = -1;
        count = 0;
      }
      fresh.push(item);
      count++;
    }
  }
  flush();
  return { runs, fresh };
}

/** Whether a patch leaves a list of `length` items as it was. */
export function isIdentity(p: ListPatch<unknown>, length: number): boolean {
  return p.fresh.length === 0 && (length === 0 ? p.runs.length === 0 : p.runs.length === 2 && p.runs[0] === 0 && p.runs[1] === length);
}

/** Apply a list patch; an unchanged list comes back as the same array (consumers compare by identity). */
export function applyList<T>(prev: readonly T[], p: ListPatch<T>): T[] {
  if (isIdentity(p, prev.length)) return prev as T[];
  const out: T[] = [];
  let f = 0;
  for (let k = 0; k < p.runs.length; k += 2) {
    const start = p.runs[k];
    const count = p.runs[k + 1];
    if (start === -1) {
      if (f + count > p.fresh.length) throw new PatchMismatch("list patch: fewer fresh items than runs");
      for (let j = 0; j < count; j++) out.push(p.fresh[f++]);
    } else {
      if (start < 0 || start + count > prev.length) throw new PatchMismatch("list patch: run outside the previous list");
      for (let j = start; j < start + count; j++) out.push(prev[j]);
    }
  }
  return out;
}

/** The patch turning `prev` into `next`: entries whose object differs, and keys gone. */
export function patchRecord<T>(prev: Readonly<Record<string, T>>, next: Readonly<Record<string, T>>): RecordPatch<T> {
  const set: Record<string, T> = {};
  const remove: string[] = [];
  if (prev === next) return { set, remove };
  for (const k in next) if (!Object.hasOwn(prev, k) || prev[k] !== next[k]) set[k] = next[k];
  for (const k in prev) if (!Object.hasOwn(next, k)) remove.push(k);
  return { set, remove };
}

/** Apply a record patch; an empty patch gives back the same object. */
export function applyRecord<T>(prev: Readonly<Record<string, T>>, p: RecordPatch<T>): Record<string, T> {
  let empty = p.remove.length === 0;
  if (empty) for (const _ in p.set) {
    empty = false;
    break;
  }
  if (empty) return prev as Record<string, T>;
  const out: Record<string, T> = { ...prev };
  for (const k of p.remove) delete out[k];
  for (const k in p.set) out[k] = p.set[k];
  return out;
}
