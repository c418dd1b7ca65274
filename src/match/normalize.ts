/**
 * A SimRequest turned into what matching needs: lower-case host without port, path without query,
 * header values by lower-case name, query values by name. Built once per request, allocation-light.
 * Spec: HTTPHeaderMatch.name ("Name MUST be case-insensitive"), HTTPQueryParamMatch.name (exact,
 * case-sensitive), Listener.hostname / HTTPRoute.spec.hostnames (the Host's port is not part of the
 * hostname). Table tests: predicates.test.ts, hostname.test.ts.
 */
import { defaultPort, type Protocol, type SimRequest } from "../model/request";
import { hostOf } from "./hostname";
import { getHeader, setHeader, type Headers } from "./headers";

export interface NormalizedRequest {
  protocol: Protocol;
  port: number;
  /** The Host header as sent ("" = the Gateway's address). */
  hostHeader: string;
  /** Lower-case hostname without port; "" when the request carries the Gateway's address. */
  host: string;
  /** TLS server name (HTTPS): `sni`, else the Host's hostname. */
  sni: string;
  path: string;
  /** Query string without `?`, "" when none. */
  rawQuery: string;
  method: string;
  /** Header values by lower-case name; repeated values joined with "," (RFC 7230 §3.2.2). */
  headers: Headers;
  /** Query values by (case-sensitive) name, in order; built on first use (see `queryValues`). */
  query: Map<string, string[]> | null;
  /** The request's `query` object, parsed into `query` only when a query match needs it. */
  queryObject: Record<string, string | string[]> | undefined;
}

const EMPTY_HEADERS: Record<string, string | string[]> = {};

/**
 * Normalizes a request; never throws (missing fields take the protocol's defaults). The result is
 * fresh and owned by the caller: matching mutates its `headers` into what the backend receives.
 */
export function normalizeRequest(sim: SimRequest): NormalizedRequest {
  const r = sim.request ?? {};
  const protocol = (typeof r.protocol === "string" ? upper(r.protocol) : "HTTP") as Protocol;
  const hostHeader = typeof r.host === "string" ? r.host : "";
  const host = hostOf(hostHeader);
  let path = typeof r.path === "string" && r.path !== "" ? r.path : "/";
  let rawQuery = typeof r.rawQuery === "string" ? r.rawQuery : "";
  // A path written with its query ("/p?x=1") is split here; the fragment is never sent.
  for (let i = 0; i < path.length; i++) {
    const ch = path.charCodeAt(i);
    if (ch !== 63 /* ? */ && ch !== 35 /* # */) continue;
    let end = path.indexOf("#", i);
    if (end < 0) end = path.length;
    if (ch === 63 && !rawQuery) rawQuery = path.slice(i + 1, end);
    path = path.slice(0, i);
    break;
  }
  if (path.charCodeAt(0) !== 47 /* / */) path = "/" + path;
  const headers: Headers = {};
  const src = r.headers && typeof r.headers === "object" ? r.headers : EMPTY_HEADERS;
  for (const name in src) {
    const v = src[name];
    const value = Array.isArray(v) ? v.map(String).join(",") : String(v ?? "");
    const lower = name.toLowerCase();
    const prev = getHeader(headers, lower);
    setHeader(headers, lower, prev === undefined ? value : prev + "," + value);
  }
  return {
    protocol,
    port: typeof r.port === "number" && r.port > 0 ? r.port : defaultPort(protocol),
    hostHeader,
    host,
    sni: typeof r.sni === "string" && r.sni !== "" ? hostOf(r.sni) : host,
    path,
    rawQuery,
    method: typeof r.method === "string" && r.method !== "" ? upper(r.method) : "GET",
    headers,
    query: null,
    queryObject: r.query && typeof r.query === "object" ? r.query : undefined,
  };
}

/** Upper case without allocating when the text already is (the usual case for methods and protocols). */
function upper(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return s.toUpperCase();
  }
  return s;
}

/** Query values by name: the `query` object when given, else parsed from the raw query string. */
export function queryValues(req: NormalizedRequest): Map<string, string[]> {
  if (req.query === null) req.query = queryOf(req.queryObject, req.rawQuery);
  return req.query;
}

function queryOf(query: Record<string, string | string[]> | undefined, rawQuery: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (query && typeof query === "object") {
    for (const name in query) {
      const v = query[name];
      out.set(name, Array.isArray(v) ? v.map(String) : [String(v ?? "")]);
    }
    return out;
  }
  if (!rawQuery) return out;
  for (const part of rawQuery.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decode(part.slice(eq + 1));
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
