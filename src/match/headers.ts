/**
 * Header modification (HTTPHeaderFilter, used by RequestHeaderModifier and ResponseHeaderModifier).
 * Headers are kept by lower-case name: HTTPHeader.name: "Name matching MUST be case-insensitive".
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/**
 * Applies one HTTPHeaderFilter to `headers` (lower-case name → value), in the order Envoy applies
 * header mutations: `remove` first, then `set`, then `add`.
 * - set: "Set overwrites the request with the given header (name, value)".
 * - add: "Add adds the given header(s) (name, value) to the request before the action. It appends
 *   to any existing values associated with the header name" (`my-header: foo,bar,baz`).
 * - remove: "Remove the given header(s) from the HTTP request before the action."
 * Returns a short description of what changed (for the trace).
 */
export function applyHeaderFilter(headers: Map<string, string>, f: Raw): string[] {
  const done: string[] = [];
  if (!f || typeof f !== "object") return done;
  if (Array.isArray(f.remove)) {
    for (const n of f.remove) {
      if (typeof n !== "string") continue;
      const name = n.toLowerCase();
      done.push(headers.delete(name) ? `removed ${name}` : `remove ${name} (absent)`);
    }
  }
  for (const h of firstPerName(f.set)) {
    headers.set(h.name, h.value);
    done.push(`set ${h.name}: ${h.value}`);
  }
  for (const h of firstPerName(f.add)) {
    const prev = headers.get(h.name);
    headers.set(h.name, prev === undefined || prev === "" ? h.value : `${prev},${h.value}`);
    done.push(`added ${h.name}: ${h.value}`);
  }
  return done;
}

/**
 * HTTPHeader entries, first one per (case-insensitive) name. HTTPHeader.name: "If multiple entries
 * specify equivalent header names, the first entry with an equivalent name MUST be considered".
 */
function firstPerName(list: Raw): { name: string; value: string }[] {
  if (!Array.isArray(list)) return [];
  const out: { name: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const e of list) {
    if (!e || typeof e.name !== "string") continue;
    const name = e.name.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, value: typeof e.value === "string" ? e.value : String(e.value ?? "") });
  }
  return out;
}

/** A Map of headers as a plain object (lower-case names). */
export function headersRecord(headers: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers) out[k] = v;
  return out;
}
