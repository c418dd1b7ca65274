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

/**
 * Remembers the last list it saw and hands back its items for equal new ones: first by position (an
 * edit rarely moves items: a pointer comparison settles most), then by key (items that moved).
 */
export class Interner<T> {
  private prev: readonly T[] = [];
  private byKey: Map<string, T> | null = null;

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly same: (a: T, b: T) => boolean = sameData,
  ) {}

  /**
   * `items` with every item equal to the previous list's item (at its place, or of its key)
   * replaced by that item; the previous list itself when every item is.
   */
  list(items: readonly T[]): T[] {
    const prev = this.prev;
    const out: T[] = [];
    let unchanged = prev.length === items.length;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const at = prev[i];
      let v = item;
      if (at === item || (at !== undefined && this.same(at, item))) v = at;
      else if (at === undefined || this.keyOf(at) !== this.keyOf(item)) {
        // Not at its place: look it up by key. (An item at its place that changed is new: no lookup,
        // so an edit that changes a few items in place never builds the key map of a long list.)
        const old = this.keyed().get(this.keyOf(item));
        if (old !== undefined && (old === item || this.same(old, item))) v = old;
      }
      if (v !== at) unchanged = false;
      out.push(v);
    }
    if (unchanged) return prev as T[];
    this.prev = out;
    this.byKey = null;
    return out;
  }

  /** The previous list by key (built when an item is not where it was; the first of a key wins). */
  private keyed(): Map<string, T> {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const x of this.prev) {
        const k = this.keyOf(x);
        if (!this.byKey.has(k)) this.byKey.set(k, x);
      }
    }
    return this.byKey;
  }

  /** Forget everything (the next list is taken as it is). */
  reset(): void {
    this.prev = [];
    this.byKey = null;
  }
}
