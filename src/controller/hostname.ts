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

/** Hostnames compare case-insensitively (DNS); the API only allows lower case, input may not. */
function norm(h: string): string {
  return h.toLowerCase();
}

/**
 * Whether `host` (a concrete name, no wildcard) is matched by `pattern` (exact or `*.suffix`).
 * A wildcard needs at least one label in front of its suffix.
 */
export function hostnameMatches(pattern: string, host: string): boolean {
  const p = norm(pattern);
  const h = norm(host);
  if (!isWildcard(p)) return p === h;
  const suffix = p.slice(1); // ".example.com"
  return h.length > suffix.length && h.endsWith(suffix);
}

/**
 * The intersection of a listener hostname and one route hostname: the more specific of the two
 * when they overlap, else null. `listener` null means the listener has no hostname (matches all).
 */
export function intersectHostname(listener: string | null, route: string): string | null {
  if (!listener) return route;
  const l = norm(listener);
  const r = norm(route);
  if (l === r) return route;
  const lw = isWildcard(l);
  const rw = isWildcard(r);
  if (!lw && !rw) return null;
  if (lw && !rw) return hostnameMatches(l, r) ? route : null;
  if (!lw && rw) return hostnameMatches(r, l) ? listener : null;
  // Both wildcards: the one with the longer suffix is inside the other.
  if (r.endsWith(l.slice(1))) return route;
  if (l.endsWith(r.slice(1))) return listener;
  return null;
}

/**
 * Hostnames a route serves on a listener. `[]` means any hostname (neither side restricts);
 * null means no intersection (the route cannot attach to this listener).
 */
export function effectiveHostnames(listener: string | null, routeHostnames: readonly string[]): string[] | null {
  if (routeHostnames.length === 0) return listener ? [listener] : [];
  if (!listener) return [...routeHostnames];
  const out: string[] = [];
  for (const h of routeHostnames) {
    const x = intersectHostname(listener, h);
    if (x !== null && !out.includes(x)) out.push(x);
  }
  return out.length > 0 ? out : null;
}

/**
 * Listener precedence by hostname (Gateway.spec.listeners, "Listeners that are distinct only by
 * Hostname"): exact before wildcard, more specific wildcard (more dots right of `*`) before less,
 * wildcard before no hostname. Higher rank = more specific.
 */
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
