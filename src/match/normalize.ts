/**
 * A SimRequest turned into what matching needs: lower-case host without port, path without query,
 * header values by lower-case name, query values by name. Built once per request, allocation-light.
 */
import { defaultPort, type Protocol, type SimRequest } from "../model/request";
import { hostOf } from "./hostname";

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
  headers: Map<string, string>;
  /** Header names as first written, by lower-case name (kept for the Outcome). */
  headerNames: Map<string, string>;
  /** Query values by (case-sensitive) name, in order. */
  query: Map<string, string[]>;
}

const EMPTY_HEADERS: Record<string, string | string[]> = {};

/** Normalizes a request; never throws (missing fields take the protocol's defaults). */
export function normalizeRequest(sim: SimRequest): NormalizedRequest {
  const r = sim.request ?? {};
  const protocol = (typeof r.protocol === "string" ? r.protocol.toUpperCase() : "HTTP") as Protocol;
  const hostHeader = typeof r.host === "string" ? r.host : "";
  const host = hostOf(hostHeader);
  let path = typeof r.path === "string" && r.path !== "" ? r.path : "/";
  let rawQuery = typeof r.rawQuery === "string" ? r.rawQuery : "";
  // A path written with its query ("/p?x=1") is split here; the fragment is never sent.
  const hash = path.indexOf("#");
  if (hash >= 0) path = path.slice(0, hash);
  const q = path.indexOf("?");
  if (q >= 0) {
    if (!rawQuery) rawQuery = path.slice(q + 1);
    path = path.slice(0, q);
  }
  if (path.charCodeAt(0) !== 47 /* / */) path = "/" + path;
  const headers = new Map<string, string>();
  const headerNames = new Map<string, string>();
  const src = r.headers && typeof r.headers === "object" ? r.headers : EMPTY_HEADERS;
  for (const name in src) {
    const v = src[name];
    const value = Array.isArray(v) ? v.map(String).join(",") : String(v ?? "");
    const lower = name.toLowerCase();
    const prev = headers.get(lower);
    headers.set(lower, prev === undefined ? value : prev + "," + value);
    if (!headerNames.has(lower)) headerNames.set(lower, name);
  }
  return {
    protocol,
    port: typeof r.port === "number" && r.port > 0 ? r.port : defaultPort(protocol),
    hostHeader,
    host,
    sni: typeof r.sni === "string" && r.sni !== "" ? hostOf(r.sni) : host,
    path,
    rawQuery,
    method: typeof r.method === "string" && r.method !== "" ? r.method.toUpperCase() : "GET",
    headers,
    headerNames,
    query: queryOf(r.query, rawQuery),
  };
}

/** Query values by name: the `query` object when given, else parsed from the raw query string. */
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
