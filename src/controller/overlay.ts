/**
 * A read-only Map made of a base map and a few replaced values, so a patched Model's `byKey` and
 * `status` cost the patch, not a copy of every entry. It is a Map (instanceof, get, has, size,
 * iteration in the base's order with the replaced values); it never changes the base.
 */
export class OverlayMap<K, V> extends Map<K, V> {
  private readonly base: Map<K, V>;
  private readonly over: Map<K, V>;

  /** `changes` replace values of keys the base has (a new key would change the order: not taken). */
  constructor(base: Map<K, V>, changes: Map<K, V>) {
    super();
    if (base instanceof OverlayMap) {
      this.base = base.base;
      this.over = new Map(base.over);
    } else {
      this.base = base;
      this.over = new Map();
    }
    for (const [k, v] of changes) {
      if (!this.base.has(k)) throw new Error("OverlayMap: a new key");
      this.over.set(k, v);
    }
  }

  override get(k: K): V | undefined {
    const v = this.over.get(k);
    return v !== undefined || this.over.has(k) ? v : this.base.get(k);
  }
  override has(k: K): boolean {
    return this.base.has(k);
  }
  override get size(): number {
    return this.base.size;
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.base.forEach((v, k) => fn.call(thisArg, this.over.has(k) ? (this.over.get(k) as V) : v, k, this));
  }
  override *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) yield [k, this.over.has(k) ? (this.over.get(k) as V) : v];
  }
  override keys(): MapIterator<K> {
    return this.base.keys();
  }
  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  override set(): this {
    throw new Error("OverlayMap is read-only");
  }
  override delete(): boolean {
    throw new Error("OverlayMap is read-only");
  }
  override clear(): void {
    throw new Error("OverlayMap is read-only");
  }
}
