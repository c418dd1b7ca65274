/**
 * Hostname helpers for request matching: the Host header's hostname, and the specificity order the
 * spec uses among routes. Wildcard matching, intersection and listener precedence are the
 * controller's (src/controller/hostname.ts), re-exported here so both sides agree.
 */
import { isWildcard, stripPort } from "../controller/hostname";

export { hostnameMatches, intersectHostname, isWildcard, hostnameRank as listenerHostnameRank } from "../controller/hostname";

/**
 * The hostname part of a Host header, lower-cased, without port and trailing dot.
 * HTTPRoute.spec.hostnames: "Implementations MUST ignore any port value specified in the HTTP Host
 * header while performing a match". Hostnames are case-insensitive (RFC 1123), so matching
 * compares lower-case names. IPv6 literals keep their brackets: `[::1]:8080` → `[::1]`.
 */
export function hostOf(hostHeader: string): string {
  let h = hostHeader.indexOf(":") < 0 ? hostHeader : stripPort(hostHeader);
  if (h.length > 1 && h.charCodeAt(h.length - 1) === 46 /* . */) h = h.slice(0, -1);
  return h.toLowerCase();
}

/** The `:port` suffix of a Host header, or null. */
export function portOf(hostHeader: string): number | null {
  const close = hostHeader.lastIndexOf("]");
  const colon = hostHeader.indexOf(":", close + 1);
  if (colon < 0) return null;
  const n = Number(hostHeader.slice(colon + 1));
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

/** Whether `host` is an IP literal (v4 dotted quad or bracketed/colon v6), which no hostname matches. */
export function isIpLiteral(host: string): boolean {
  if (host.startsWith("[") || host.includes(":")) return true;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/**
 * Orders two matching hostnames by specificity (negative when `a` is more specific).
 * HTTPRoute.spec.hostnames: "precedence must be given to rules from the HTTPRoute with the largest
 * number of: Characters in a matching non-wildcard hostname. Characters in a matching hostname."
 * `null` stands for "no hostname" (matches anything), the least specific.
 */
export function compareRouteHostnames(a: string | null, b: string | null): number {
  return routeHostRank(b) - routeHostRank(a);
}

/**
 * A number that orders hostnames by specificity (larger = more specific): exact names above every
 * wildcard, then by length; no hostname is 0. Stable for equal patterns, so it can key sorts.
 */
export function routeHostRank(h: string | null): number {
  if (h === null) return 0;
  return isWildcard(h) ? 1 + h.length : 1_000_000 + h.length;
}

/**
 * The wildcard patterns that would match `host`, most specific first: `a.b.example.com` →
 * `*.b.example.com`, `*.example.com`, `*.com`. Calls `visit` with the suffix after `*` (".b.example.com")
 * and stops when it returns true; no array is built, since this runs per request.
 */
export function forEachWildcardSuffix(host: string, visit: (suffix: string) => boolean): boolean {
  for (let i = host.indexOf("."); i > 0 && i < host.length - 1; i = host.indexOf(".", i + 1)) {
    if (visit(host.slice(i))) return true;
  }
  return false;
}
