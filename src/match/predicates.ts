/**
 * One HTTPRouteMatch compiled for fast testing: path, method, headers and query params, each
 * checked against a NormalizedRequest. HTTPRouteMatch: "Multiple match types are ANDed together".
 */
import { compileRegex, fullMatch, type CompiledRegex } from "./regex";
import { normalizePrefix, prefixMatches } from "./path";
import { queryValues, type NormalizedRequest } from "./normalize";
import { getHeader } from "./headers";

export type PathKind = "Exact" | "PathPrefix" | "RegularExpression";

export interface CompiledPath {
  kind: PathKind;
  value: string;
  /** PathPrefix: the value without trailing "/"; otherwise the value. */
  norm: string;
  rx: CompiledRegex | null;
}

export interface CompiledValueMatch {
  /** Header names lower-cased (case-insensitive); query names as written (case-sensitive). */
  name: string;
  kind: "Exact" | "RegularExpression";
  value: string;
  rx: CompiledRegex | null;
}

export interface CompiledMatch {
  /** Index in the rule's `matches` (-1: the rule had none, so the default match applies). */
  index: number;
  path: CompiledPath;
  method: string | null;
  headers: CompiledValueMatch[];
  query: CompiledValueMatch[];
  /** Why this match can never succeed (unsupported type, invalid regex), else null. */
  invalid: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/**
 * Compiles one raw HTTPRouteMatch. HTTPRouteMatch.path: "If this field is not specified, a default
 * prefix match on the "/" path is provided"; HTTPRouteRule.matches: "If no matches are specified,
 * the default is a prefix path match on "/"" (index -1).
 */
export function compileMatch(raw: Raw, index: number): CompiledMatch {
  const m = raw && typeof raw === "object" ? raw : {};
  let invalid: string | null = null;
  const p = m.path && typeof m.path === "object" ? m.path : {};
  const pathType = typeof p.type === "string" ? p.type : "PathPrefix";
  const value = typeof p.value === "string" ? p.value : "/";
  let path: CompiledPath;
  if (pathType === "Exact") path = { kind: "Exact", value, norm: value, rx: null };
  else if (pathType === "RegularExpression") {
    const rx = compileRegex(value);
    if (rx.error) invalid = `path regular expression ${JSON.stringify(value)} does not compile: ${rx.error}`;
    path = { kind: "RegularExpression", value, norm: value, rx };
  } else {
    if (pathType !== "PathPrefix") invalid = `unsupported path match type ${JSON.stringify(pathType)}`;
    path = { kind: "PathPrefix", value, norm: normalizePrefix(value), rx: null };
  }
  const headers = compileValues(m.headers, true);
  const query = compileValues(m.queryParams, false);
  for (const list of [headers, query]) {
    for (const v of list) {
      if (invalid) break;
      if (v.rx?.error) invalid = `regular expression ${JSON.stringify(v.value)} for ${JSON.stringify(v.name)} does not compile: ${v.rx.error}`;
      else if (v.kind !== "Exact" && v.kind !== "RegularExpression") invalid = `unsupported match type for ${JSON.stringify(v.name)}`;
    }
  }
  const method = typeof m.method === "string" && m.method !== "" ? m.method.toUpperCase() : null;
  return { index, path, method, headers, query, invalid };
}

/**
 * Header and query-param matchers, first entry per name only. HTTPHeaderMatch.name: "If multiple
 * entries specify equivalent header names, only the first entry with an equivalent name MUST be
 * considered for a match" (names case-insensitive); HTTPQueryParamMatch.name: same, names compared
 * exactly ("This must be an exact string match").
 */
function compileValues(list: Raw, caseInsensitive: boolean): CompiledValueMatch[] {
  if (!Array.isArray(list)) return [];
  const out: CompiledValueMatch[] = [];
  const seen = new Set<string>();
  for (const e of list) {
    if (!e || typeof e.name !== "string") continue;
    const name = caseInsensitive ? e.name.toLowerCase() : e.name;
    if (seen.has(name)) continue;
    seen.add(name);
    const kind = (typeof e.type === "string" ? e.type : "Exact") as CompiledValueMatch["kind"];
    const value = typeof e.value === "string" ? e.value : String(e.value ?? "");
    out.push({ name, kind, value, rx: kind === "RegularExpression" ? compileRegex(value) : null });
  }
  return out;
}

/** Whether the path part matches. */
export function pathMatches(p: CompiledPath, path: string): boolean {
  // PathMatchType Exact: the path must equal the value, case-sensitively.
  if (p.kind === "Exact") return path === p.value;
  if (p.kind === "PathPrefix") return prefixMatches(p.norm, path);
  return p.rx !== null && fullMatch(p.rx, path);
}

function valueMatches(v: CompiledValueMatch, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (v.kind === "Exact") return actual === v.value;
  return v.rx !== null && fullMatch(v.rx, actual);
}

/**
 * The first query value of a parameter. HTTPQueryParamMatch.name: "it is *recommended* that
 * implementations should match against the first value of the param".
 */
function firstQueryValue(req: NormalizedRequest, name: string): string | undefined {
  const list = queryValues(req).get(name);
  return list === undefined ? undefined : list[0];
}

/** Whether the whole match holds for the request (hot path: no allocation). */
export function matchesRequest(m: CompiledMatch, req: NormalizedRequest, skipPath = false): boolean {
  if (m.invalid !== null) return false;
  if (!skipPath && !pathMatches(m.path, req.path)) return false;
  // HTTPRouteMatch.method: "this route will be matched only if the request has the specified method".
  if (m.method !== null && m.method !== req.method) return false;
  for (let i = 0; i < m.headers.length; i++) {
    const h = m.headers[i];
    if (!valueMatches(h, getHeader(req.headers, h.name))) return false;
  }
  for (let i = 0; i < m.query.length; i++) {
    const q = m.query[i];
    if (!valueMatches(q, firstQueryValue(req, q.name))) return false;
  }
  return true;
}

/** Why the match does not hold (for the trace), or null when it does. */
export function explainMismatch(m: CompiledMatch, req: NormalizedRequest): string | null {
  if (m.invalid !== null) return m.invalid;
  if (!pathMatches(m.path, req.path)) return `path ${JSON.stringify(req.path)} does not match ${m.path.kind} ${JSON.stringify(m.path.value)}`;
  if (m.method !== null && m.method !== req.method) return `method ${req.method} is not ${m.method}`;
  for (const h of m.headers) {
    const actual = getHeader(req.headers, h.name);
    if (!valueMatches(h, actual)) {
      return actual === undefined
        ? `header ${h.name} is missing (wanted ${describe(h)})`
        : `header ${h.name}: ${JSON.stringify(actual)} does not match ${describe(h)}`;
    }
  }
  for (const q of m.query) {
    const actual = firstQueryValue(req, q.name);
    if (!valueMatches(q, actual)) {
      return actual === undefined
        ? `query parameter ${q.name} is missing (wanted ${describe(q)})`
        : `query parameter ${q.name}: ${JSON.stringify(actual)} does not match ${describe(q)}`;
    }
  }
  return null;
}

function describe(v: CompiledValueMatch): string {
  return v.kind === "Exact" ? JSON.stringify(v.value) : `regular expression ${JSON.stringify(v.value)}`;
}

/** A short description of a match, e.g. `PathPrefix "/v2", GET, 1 header, 0 query params`. */
export function describeMatch(m: CompiledMatch): string {
  const parts = [`${m.path.kind} ${JSON.stringify(m.path.value)}`];
  if (m.method) parts.push(m.method);
  if (m.headers.length) parts.push(`${m.headers.length} header${m.headers.length > 1 ? "s" : ""}`);
  if (m.query.length) parts.push(`${m.query.length} query param${m.query.length > 1 ? "s" : ""}`);
  return parts.join(", ");
}
