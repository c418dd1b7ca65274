/**
 * Which TLSRoute, TCPRoute or UDPRoute of a listener takes a connection. These routes have no
 * matches; Listener.allowedRoutes: "Although a client request may match multiple route rules, only
 * one rule may ultimately receive the request. Matching precedence MUST be determined in order of
 * the following criteria: The most specific match as defined by the Route type. The oldest Route
 * based on creation timestamp. [...] the Route appearing first in alphabetical order
 * (namespace/name)". For a TLSRoute the match is its SNI hostname, most specific first (exact
 * before wildcard, then more characters, as for HTTPRoute hostnames); a TCPRoute or UDPRoute has
 * none, so the oldest route attached to the listener takes every connection (conformance
 * TCPRouteMultipleRoutesAttachment / UDPRouteMultipleRoutesAttachment: both routes are Accepted,
 * only the older one receives traffic).
 */
import type { ListenerIndex, RouteEntry } from "./compile";
import { bestHostname } from "./explain";
import { isWildcard, routeHostRank } from "./hostname";
import { timestampOf } from "./precedence";
import { nsName } from "../model/ids";
import type { Trace } from "./trace";

/** One attached route with its age keys. */
export interface StreamRoute {
  entry: RouteEntry;
  created: number;
  /** `ns/name`, the alphabetical tie-break. */
  name: string;
}

/** A listener's routes of one kind: oldest first, and (TLSRoute) by SNI hostname. */
export interface StreamRoutes {
  kind: string;
  /** Every route of the kind, oldest first. */
  all: StreamRoute[];
  exact: Map<string, StreamRoute[]>;
  /** Wildcard suffix (".example.com") → routes. */
  wildcard: Map<string, StreamRoute[]>;
  any: StreamRoute[];
}

/** The route that takes a connection and the hostname it matched through (null = any). */
export interface StreamWinner {
  route: StreamRoute;
  hostname: string | null;
}

const cache = new WeakMap<ListenerIndex, Map<string, StreamRoutes>>();

/** The listener's routes of `kind` (built on first use). */
export function streamRoutesOf(li: ListenerIndex, kind: string): StreamRoutes {
  let byKind = cache.get(li);
  if (!byKind) cache.set(li, (byKind = new Map()));
  let s = byKind.get(kind);
  if (!s) byKind.set(kind, (s = build(li, kind)));
  return s;
}

function build(li: ListenerIndex, kind: string): StreamRoutes {
  const all: StreamRoute[] = [];
  for (const r of li.others) {
    if (r.attachment.route.kind !== kind) continue;
    const res = r.attachment.route.resource;
    all.push({ entry: r, created: timestampOf(res.metadata?.creationTimestamp), name: nsName(res) });
  }
  all.sort(olderFirst);
  const exact = new Map<string, StreamRoute[]>();
  const wildcard = new Map<string, StreamRoute[]>();
  const any: StreamRoute[] = [];
  for (const s of all) {
    for (const h of s.entry.hosts) {
      if (h === null) any.push(s);
      else if (isWildcard(h)) push(wildcard, h.slice(1), s);
      else push(exact, h, s);
    }
  }
  return { kind, all, exact, wildcard, any };
}

function push(m: Map<string, StreamRoute[]>, k: string, s: StreamRoute): void {
  const list = m.get(k);
  if (!list) m.set(k, [s]);
  else if (list[list.length - 1] !== s) list.push(s);
}

/** Oldest first, then by namespace/name (Listener.allowedRoutes precedence). */
export function olderFirst(a: StreamRoute, b: StreamRoute): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The TLSRoute for an SNI: exact hostname, then wildcards longest first, then routes for any hostname. */
export function routeForSni(s: StreamRoutes, sni: string): StreamWinner | null {
  if (sni !== "") {
    const e = s.exact.get(sni);
    if (e) return { route: e[0], hostname: sni };
    for (let i = sni.indexOf("."); i > 0 && i < sni.length - 1; i = sni.indexOf(".", i + 1)) {
      const w = s.wildcard.get(sni.slice(i));
      if (w) return { route: w[0], hostname: "*" + sni.slice(i) };
    }
  }
  return s.any.length > 0 ? { route: s.any[0], hostname: null } : null;
}

/** The TCPRoute or UDPRoute of a listener: the oldest. */
export function oldestRoute(s: StreamRoutes): StreamWinner | null {
  return s.all.length > 0 ? { route: s.all[0], hostname: null } : null;
}

const MAX_STEPS = 50;

/** Trace: why each other route of the kind does not take the connection. */
export function explainStreamLosers(s: StreamRoutes, winner: StreamWinner | null, sni: string | null, t: Trace): void {
  let n = 0;
  for (const r of s.all) {
    if (winner && r === winner.route) continue;
    if (n++ >= MAX_STEPS) {
      t.add("candidate", `${s.all.length - MAX_STEPS - (winner ? 1 : 0)} more ${s.kind}s on this listener are not listed`, []);
      return;
    }
    const ref = r.entry.ref;
    const host = sni === null ? null : bestHostname(r.entry.hosts, sni);
    if (sni !== null && host === undefined) {
      t.add("hostname", `${ref}: its hostnames (${r.entry.hosts.map((h) => h ?? "any").join(", ")}) do not match SNI ${sni === "" ? "(none sent)" : JSON.stringify(sni)}`, [ref]);
      continue;
    }
    if (!winner) continue;
    const w = winner.route;
    let why: string;
    if (sni !== null && routeHostRank(host ?? null) !== routeHostRank(winner.hostname)) why = `more specific hostname (${winner.hostname} beats ${host ?? "any hostname"})`;
    else if (r.created !== w.created) {
      why = Number.isFinite(r.created) ? `older route (created ${new Date(w.created).toISOString()} before ${new Date(r.created).toISOString()})` : "older route (the other route has no creationTimestamp)";
    } else why = `route first in alphabetical order (${w.name} < ${r.name})`;
    const also = sni === null ? `is attached too, but only one ${s.kind} can take the listener's connections` : "also matches";
    t.add("precedence", `${ref} ${also}: it loses to ${w.entry.ref}, ${why} (Listener.allowedRoutes precedence)`, [ref, w.entry.ref]);
  }
}
