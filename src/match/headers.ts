/**
 * Header modification (HTTPHeaderFilter, used by RequestHeaderModifier and ResponseHeaderModifier).
 * Headers are kept by lower-case name: HTTPHeader.name: "Name matching MUST be case-insensitive".
 */

/**
 * Headers by lower-case name: a plain object, cheaper per request than a Map or a prototype-less
 * object, and directly the Outcome's record. Read and write through `getHeader`/`setHeader`, which
 * keep names like "constructor" or "__proto__" ordinary headers.
 */
export type Headers = Record<string, string>;

/** A header's value; inherited Object.prototype members are not headers. */
export function getHeader(h: Headers, name: string): string | undefined {
  const v = h[name];
  return typeof v === "string" ? v : undefined;
}

/** Sets a header (an own property even for "__proto__", whose plain assignment would be ignored). */
export function setHeader(h: Headers, name: string, value: string): void {
  if (name === "__proto__") Object.defineProperty(h, name, { value, enumerable: true, writable: true, configurable: true });
  else h[name] = value;
}

/** A copy of a header set. */
export function copyHeaders(h: Headers): Headers {
  const out: Headers = {};
  for (const k of Object.keys(h)) setHeader(out, k, h[k]);
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** An HTTPHeaderFilter read once: lower-case names, first entry per name. */
export interface HeaderOps {
  remove: string[];
  set: [string, string][];
  add: [string, string][];
}

/** Reads an HTTPHeaderFilter (any input: a missing or malformed filter changes nothing). */
export function compileHeaderOps(f: Raw): HeaderOps {
  if (!f || typeof f !== "object") return { remove: [], set: [], add: [] };
  return {
    remove: Array.isArray(f.remove) ? f.remove.filter((n: unknown): n is string => typeof n === "string").map((n: string) => n.toLowerCase()) : [],
    set: firstPerName(f.set),
    add: firstPerName(f.add),
  };
}

/**
 * Applies one HTTPHeaderFilter to `headers` (lower-case name → value), in the order Envoy applies
 * header mutations: `remove` first, then `set`, then `add`.
 * - set: "Set overwrites the request with the given header (name, value)".
 * - add: "Add adds the given header(s) (name, value) to the request before the action. It appends
 *   to any existing values associated with the header name" (`my-header: foo,bar,baz`).
 * - remove: "Remove the given header(s) from the HTTP request before the action."
 * With `describe`, returns what changed (for the trace); otherwise returns null.
 */
export function applyHeaderOps(headers: Headers, ops: HeaderOps, describe: boolean): string[] | null {
  const done: string[] | null = describe ? [] : null;
  for (const name of ops.remove) {
    const had = getHeader(headers, name) !== undefined;
    if (had) delete headers[name];
    if (done) done.push(had ? `removed ${name}` : `remove ${name} (absent)`);
  }
  for (const [name, value] of ops.set) {
    setHeader(headers, name, value);
    if (done) done.push(`set ${name}: ${value}`);
  }
  for (const [name, value] of ops.add) {
    const prev = getHeader(headers, name);
    setHeader(headers, name, prev === undefined || prev === "" ? value : `${prev},${value}`);
    if (done) done.push(`added ${name}: ${value}`);
  }
  return done;
}

/** `applyHeaderOps` on a raw filter. */
export function applyHeaderFilter(headers: Headers, f: Raw, describe = true): string[] | null {
  return applyHeaderOps(headers, compileHeaderOps(f), describe);
}

/**
 * HTTPHeader entries, first one per (case-insensitive) name. HTTPHeader.name: "If multiple entries
 * specify equivalent header names, the first entry with an equivalent name MUST be considered".
 */
function firstPerName(list: Raw): [string, string][] {
  if (!Array.isArray(list)) return [];
  const out: [string, string][] = [];
  const seen = new Set<string>();
  for (const e of list) {
    if (!e || typeof e.name !== "string") continue;
    const name = e.name.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    out.push([name, typeof e.value === "string" ? e.value : String(e.value ?? "")]);
  }
  return out;
}
