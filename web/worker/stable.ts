/**
 * Identity for unchanged values across loads. The engine's caches already hand most unchanged
 * objects over as the same objects; what is rebuilt on every load (spans, gateway infos, groups,
 * assumptions, some nodes) is interned here: an item equal to last load's item of the same key is
 * replaced by that item. Then "the same object" means "unchanged" all the way to the canvas, which
 * is what the snapshot patches (patch.ts) and toFlow's reuse rely on.
 */

/** Deep equality of plain, JSON-like data (objects, arrays, primitives). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b; // NaN
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k)) continue;
    n++;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k)) n--;
  return n === 0;
}

/** Remembers the last list it saw, by key, and hands back those items for equal new ones. */
export class Interner<T> {
  private prev = new Map<string, T>();

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly same: (a: T, b: T) => boolean = sameData,
  ) {}

  /** `items` with every item equal to the previous list's item of its key replaced by that item. */
  list(items: readonly T[]): T[] {
    const next = new Map<string, T>();
    const out: T[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const key = this.keyOf(item);
      const old = this.prev.get(key);
      const v = old !== undefined && (old === item || this.same(old, item)) ? old : item;
      out.push(v);
      if (!next.has(key)) next.set(key, v);
    }
    this.prev = next;
    return out;
  }

  /** Forget everything (the next list is taken as it is). */
  reset(): void {
    this.prev = new Map();
  }
}
