/**
 * Hostname matching and intersection, shared by the controller (route attachment) and the matcher.
 *
 * HTTPRoute.spec.hostnames: "Hostnames that are prefixed with a wildcard label (`*.`) are interpreted
 * as a suffix match. That means that a match for `*.example.com` would match both `test.example.com`,
 * and `foo.test.example.com`, but not `example.com`." — and "If both the Listener and HTTPRoute have
 * specified hostnames, any HTTPRoute hostnames that do not match the Listener hostname MUST be
 * ignored"; with none left the route is not accepted (NoMatchingListenerHostname).
 */

/** Whether a hostname is a wildcard (`*.` followed by a suffix). */
export function isWildcard(h: string): boolean {
  return h.startsWith("*.");
}

/** ASCII lower case of one char code (hostnames are ASCII). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Whether `a` from `aFrom` equals the same-length tail of `b`, ignoring ASCII case (DNS names compare
 * case-insensitively; the API only allows lower case, pasted input may not). No allocation: this runs
 * for every route × listener and every request.
 */
function tailEquals(a: string, aFrom: number, b: string): boolean {
  const n = a.length - aFrom;
  const off = b.length - n;
  if (off < 0) return false;
  for (let i = 0; i < n; i++) if (lower(a.charCodeAt(aFrom + i)) !== lower(b.charCodeAt(off + i))) return false;
  return true;
}

/** Case-insensitive equality. */
function same(a: string, b: string): boolean {
  return a.length === b.length && tailEquals(a, 0, b);
}

/**
 * Whether `host` (a concrete name, no wildcard) is matched by `pattern` (exact or `*.suffix`).
 * A wildcard needs at least one label in front of its suffix.
 */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (!isWildcard(pattern)) return same(pattern, host);
  // ".example.com" must be a proper suffix of host.
  return host.length > pattern.length - 1 && tailEquals(pattern, 1, host);
}

/**
 * The intersection of a listener hostname and one route hostname: the more specific of the two
 * when they overlap, else null. `listener` null means the listener has no hostname (matches all).
 */
export function intersectHostname(listener: string | null, route: string): string | null {
  if (!listener) return route;
  if (same(listener, route)) return route;
  const lw = isWildcard(listener);
  const rw = isWildcard(route);
  if (!lw && !rw) return null;
  if (lw && !rw) return hostnameMatches(listener, route) ? route : null;
  if (!lw && rw) return hostnameMatches(route, listener) ? listener : null;
  // Both wildcards: the one with the longer suffix is inside the other.
  if (tailEquals(listener, 1, route)) return route;
  if (tailEquals(route, 1, listener)) return listener;
  return null;
}

/**
 * Hostnames a route serves on a listener. `[]` means any hostname (neither side restricts);
 * null means no intersection (the route cannot attach to this listener).
 */
export function effectiveHostnames(listener: string | null, routeHostnames: readonly string[]): string[] | null {
  if (routeHostnames.length === 0) return listener ? [listener] : [];
  // Returned arrays are read-only: the route's own list is shared when the listener restricts nothing.
  if (!listener) return routeHostnames as string[];
  if (routeHostnames.length === 1) {
    const x = intersectHostname(listener, routeHostnames[0]);
    return x === null ? null : [x];
  }
  let out: string[] | null = null;
  for (const h of routeHostnames) {
    const x = intersectHostname(listener, h);
    if (x !== null && !(out ??= []).includes(x)) out.push(x);
  }
  return out;
}

/**
 * Listener precedence by hostname (Gateway.spec.listeners, "Listeners that are distinct only by
 * Hostname"): exact before wildcard, more specific wildcard (more dots right of `*`) before less,
 * wildcard before no hostname. Higher rank = more specific.
 */
/**
 * The hostnames a route attachment serves on its listener, lower-case and deduplicated; null = any.
 * RouteAttachment.hostnames is the intersection with the listener's; [] means "any", which on a
 * listener with a hostname means that hostname (HTTPRoute.spec.hostnames: routes without hostnames
 * match whatever the listener matches). Used by the matcher's index and the kind-conflict rule.
 */
export function servedHostnames(attachment: readonly string[] | undefined, listenerHost: string | null): (string | null)[] {
  if (!attachment || attachment.length === 0) return [listenerHost ? listenerHost.toLowerCase() : null];
  return [...new Set(attachment.map((h) => h.toLowerCase()))];
}

export function hostnameRank(hostname: string | null): number {
  if (!hostname) return 0;
  const dots = hostname.split(".").length - 1;
  return isWildcard(hostname) ? 1 + dots : 1000 + dots;
}

/** Strip a `:port` suffix from a Host header ("Implementations MUST ignore any port value specified in the HTTP Host header"). */
export function stripPort(host: string): string {
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const i = host.lastIndexOf(":");
  return i === -1 || host.indexOf(":") !== i ? host : host.slice(0, i);
}
