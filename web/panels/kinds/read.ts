/**
 * Reading written objects defensively for the Inspector's kind views: the YAML may be anything, so
 * every accessor tolerates missing or mistyped fields and returns plain values.
 */

export type Obj = Record<string, unknown>;

export const rec = (v: unknown): Obj | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const recs = (v: unknown): Obj[] => arr(v).map(rec).filter((x): x is Obj => x !== null);
export const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "");
export const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** `spec` of an object ({} when absent). */
export const specOf = (o: Obj | null): Obj => rec(o?.spec) ?? {};

/** A reference's target node id: `Kind/ns/name`, the namespace defaulting to the referrer's. */
export function refId(ref: Obj, defaultKind: string, fromNamespace: string): string {
  const kind = str(ref.kind) || defaultKind;
  const ns = str(ref.namespace) || fromNamespace;
  return `${kind}/${ns}/${str(ref.name)}`;
}

/**
 * Key/value rows of a nested settings object (`validation.hostname: x`), leaves only; lists of
 * scalars are joined, lists of objects are numbered. Stops at `max` rows.
 */
export function flatten(v: unknown, prefix = "", out: [string, string][] = [], max = 60): [string, string][] {
  if (out.length >= max) return out;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== "object" || x === null)) out.push([prefix, v.map(str).join(", ") || "[]"]);
    else v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out, max));
  } else if (v && typeof v === "object") {
    const entries = Object.entries(v as Obj);
    if (!entries.length) out.push([prefix, "{}"]);
    for (const [k, x] of entries) flatten(x, prefix ? `${prefix}.${k}` : k, out, max);
  } else out.push([prefix, v === null || v === undefined ? "—" : str(v)]);
  return out;
}
