/**
 * The CORS filter (HTTPCORSFilter): preflight requests are answered by the gateway, actual
 * cross-origin requests get the CORS response headers. Field quotes are from the HTTPRoute CRD.
 */

import { getHeader, type Headers } from "./headers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** What the filter decided. */
export interface CorsResult {
  /** Set for a preflight: the gateway answers with this status and does not forward. */
  answer: number | null;
  /** Response headers to add (lower-case names). */
  headers: [string, string][];
  /** One line for the trace. */
  note: string;
}

const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443 };

/** `scheme://host[:port]` → parts with the scheme's default port; null when unreadable. */
function parseOrigin(o: string): { scheme: string; host: string; port: number } | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/:]+)(?::(\d+))?\/?$/.exec(o.trim());
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  const port = m[3] ? Number(m[3]) : (DEFAULT_PORT[scheme] ?? 0);
  return { scheme, host: m[2].toLowerCase(), port };
}

/**
 * HTTPCORSFilter.allowOrigins: "An origin value that includes _only_ the `*` character indicates
 * requests from all `Origin`s are allowed"; "`*` is a greedy match to the _left_, including any
 * number of DNS labels to the left of its position"; "if not included, port `80` is assumed for
 * `http` scheme origins, and port `443` is assumed for `https` origins".
 */
export function originAllowed(patterns: string[], origin: string): boolean {
  const o = parseOrigin(origin);
  for (const p of patterns) {
    if (p === "*") return true;
    if (!o) continue;
    const want = parseOrigin(p);
    if (!want || want.scheme !== o.scheme || want.port !== o.port) continue;
    const star = want.host.lastIndexOf("*");
    if (star < 0) {
      if (want.host === o.host) return true;
      continue;
    }
    const suffix = want.host.slice(star + 1);
    const prefix = want.host.slice(0, want.host.indexOf("*"));
    if (o.host.length > suffix.length && o.host.endsWith(suffix) && o.host.startsWith(prefix)) return true;
  }
  return false;
}

function strings(v: Raw): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Applies a CORS filter to a request with the given (lower-case) headers and method. */
export function applyCors(cors: Raw, method: string, headers: Headers): CorsResult {
  const c = cors && typeof cors === "object" ? cors : {};
  const origin = getHeader(headers, "origin");
  const requestMethod = getHeader(headers, "access-control-request-method");
  const preflight = method === "OPTIONS" && origin !== undefined && requestMethod !== undefined;
  if (origin === undefined) return { answer: null, headers: [], note: "no Origin header: not a cross-origin request" };
  const credentials = c.allowCredentials === true;
  const allowed = originAllowed(strings(c.allowOrigins), origin);
  if (!allowed) {
    // allowOrigins: "If the request `Origin` does not match the configured allowed origins, the
    // gateway returns 204/200 response but doesn't set the relevant cross-origin response headers."
    return preflight
      ? { answer: 200, headers: [], note: `preflight from ${origin}, which allowOrigins does not list: the gateway answers 200 without CORS headers` }
      : { answer: null, headers: [], note: `Origin ${origin} is not allowed: no CORS headers are added` };
  }
  // allowOrigins: "the gateway sets the response header `Access-Control-Allow-Origin` to the same
  // value as the `Origin` header provided by the client" (echoing is valid with or without `*`).
  const out: [string, string][] = [["access-control-allow-origin", origin]];
  // allowCredentials: "When set to true, the gateway will include the
  // `Access-Control-Allow-Credentials` response header with value true".
  if (credentials) out.push(["access-control-allow-credentials", "true"]);
  const expose = strings(c.exposeHeaders).filter((h) => !(credentials && h === "*"));
  if (expose.length > 0) out.push(["access-control-expose-headers", expose.join(", ")]);
  if (!preflight) return { answer: null, headers: out, note: `Origin ${origin} is allowed: CORS headers are added to the backend's response` };
  // allowMethods / allowHeaders with `*`: echo the request's value (allowed with or without
  // credentials); "If the `Access-Control-Request-Method` header is not present in the request, the
  // gateway must omit the `Access-Control-Allow-Methods` response header" (same for headers).
  const methods = strings(c.allowMethods);
  if (methods.length > 0) out.push(["access-control-allow-methods", methods.includes("*") ? requestMethod : methods.join(", ")]);
  const allowHeaders = strings(c.allowHeaders);
  const requested = getHeader(headers, "access-control-request-headers");
  if (allowHeaders.length > 0) {
    if (!allowHeaders.includes("*")) out.push(["access-control-allow-headers", allowHeaders.join(", ")]);
    else if (requested !== undefined) out.push(["access-control-allow-headers", requested]);
  }
  // maxAge: "When the `MaxAge` field is unspecified, the gateway sets the response header
  // "Access-Control-Max-Age: 5" by default."
  out.push(["access-control-max-age", String(typeof c.maxAge === "number" ? c.maxAge : 5)]);
  return { answer: 200, headers: out, note: `preflight from allowed Origin ${origin}: the gateway answers 200 itself` };
}
