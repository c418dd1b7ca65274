/**
 * The trace of the losers: routes whose hostnames did not match, matches that failed (and on which
 * field), and matches that held but lost on precedence (and on which criterion). Runs only with
 * tracing on, after the index has picked the winner.
 *
 * The candidates — every match of every rule of the routes whose hostnames match the request — come
 * from the index's hostname buckets, visited from the most specific (as `findWinner` does), so the
 * cost follows the routes that could have applied, not all the routes of the listener. Routes that
 * serve other hostnames are counted, and the ones closest to the request's hostname (sharing the
 * longest DNS suffix) are named.
 */
import { pathIndexOf, type ListenerIndex, type PathIndex, type RouteEntry } from "./compile";
import type { Winner } from "./lookup";
import type { NormalizedRequest } from "./normalize";
import { precedenceReason, type Candidate } from "./precedence";
import { explainMismatch, describeMatch } from "./predicates";
import { hostnameMatches, routeHostRank } from "./hostname";
import { listenerRef, type Trace } from "./trace";

/** At most this many candidate steps; large configurations would otherwise drown the trace. */
export const MAX_CANDIDATE_STEPS = 200;
/** At most this many routes serving other hostnames are named (the closest first); the rest are counted. */
export const MAX_HOSTNAME_STEPS = 10;

/**
 * The route hostname of `hostnames` that matches `host` most specifically (null entry = any),
 * or undefined when none matches.
 */
export function bestHostname(hostnames: (string | null)[], host: string): string | null | undefined {
  let best: string | null | undefined;
  for (const h of hostnames) {
    if (h === null) {
      if (best === undefined) best = null;
    } else if (host !== "" && hostnameMatches(h, host) && (best === undefined || routeHostRank(h) > routeHostRank(best))) {
      best = h;
    }
  }
  return best;
}

/** What one traced request has said so far about the candidates. */
interface Tally {
  shown: number;
  hidden: number;
  /** Routes (`Kind/ns/name`) whose candidates are listed (the first, most specific, bucket of a route counts). */
  routes: Set<string>;
}

/** Adds the losing routes, rules and matches of the listener to the trace. */
export function explainLosers(li: ListenerIndex, req: NormalizedRequest, winner: Winner | null, t: Trace): void {
  for (const r of li.others) {
    // GRPCRoutes take gRPC calls (grpc.ts explains them for those); an HTTP request never reaches them.
    if (r.attachment.route.kind === "GRPCRoute") {
      if (req.protocol !== "GRPC") t.add("candidate", `${r.ref} is attached but takes gRPC calls only (request protocol GRPC)`, [r.ref]);
    } else t.add("candidate", `${r.ref} is attached but ${r.attachment.route.kind} matching is not simulated for this request`, [r.ref]);
  }
  const tally: Tally = { shown: 0, hidden: 0, routes: new Set() };
  const b = li.http;
  const host = req.host;
  const rest: { pi: PathIndex; host: string | null }[] = [];
  if (host !== "") {
    const exact = b.exact.size > 0 ? b.exact.get(host) : undefined;
    if (exact) rest.push({ pi: pathIndexOf(exact), host });
    if (b.wildcard.size > 0) {
      for (let i = host.indexOf("."); i > 0 && i < host.length - 1; i = host.indexOf(".", i + 1)) {
        const bk = b.wildcard.get(host.slice(i));
        if (bk) rest.push({ pi: pathIndexOf(bk), host: "*" + host.slice(i) });
      }
    }
  }
  if (b.any) rest.push({ pi: pathIndexOf(b.any), host: null });
  for (const x of rest) bucket(x.pi, x.host, req, winner, tally, t);
  if (tally.hidden > 0) t.add("candidate", `${tally.hidden} more candidate matches on this listener are not listed`, [listenerRef(li.id)]);
  otherHostnames(li, req, tally.routes, t);
}

/** The candidates of one hostname bucket (pre-sorted by precedence), except routes listed from a more specific one. */
function bucket(pi: PathIndex, host: string | null, req: NormalizedRequest, winner: Winner | null, tally: Tally, t: Trace): void {
  const w = winner?.candidate ?? null;
  let added: string[] | null = null;
  for (const c of pi.all) {
    if (tally.routes.has(c.routeRef)) continue;
    if (added === null || added[added.length - 1] !== c.routeRef) (added ??= []).push(c.routeRef);
    if (c === w) continue;
    if (tally.shown >= MAX_CANDIDATE_STEPS) {
      tally.hidden++;
      continue;
    }
    tally.shown++;
    const why = explainMismatch(c.match, req);
    if (why !== null) t.add("candidate", `${label(c)} does not match: ${why}`, [c.routeRef]);
    else if (w && winner) {
      const reason = routeHostRank(host) !== routeHostRank(winner.hostname) ? `more specific hostname (${winner.hostname} beats ${host ?? "any hostname"})` : precedenceReason(w, c);
      t.add("precedence", `${label(c)} also matches but loses to ${label(w)}: ${reason}`, [c.routeRef]);
    } else {
      // A match held but nothing won: cannot happen with a consistent index; say so rather than hide it.
      t.add("candidate", `${label(c)} matches but was not selected`, [c.routeRef]);
    }
  }
  if (added) for (const r of added) tally.routes.add(r);
}

/**
 * The HTTPRoutes of the listener that serve other hostnames: the closest ones by name (longest
 * shared DNS suffix, e.g. `.example.com` for `shop.example.com`), then how many more there are.
 */
function otherHostnames(li: ListenerIndex, req: NormalizedRequest, listed: Set<string>, t: Trace): void {
  // Routes with no candidate (no rules) are in no bucket: tell apart those whose hostnames match.
  let matchingEmpty = 0;
  for (const r of li.empty) if (bestHostname(r.hosts, req.host) !== undefined) matchingEmpty++;
  const others = li.httpRoutes - listed.size - matchingEmpty;
  if (others <= 0) return;
  const shownHost = req.host === "" ? "the Gateway's address" : JSON.stringify(req.host);
  const named = closest(li, req.host, listed, Math.min(others, MAX_HOSTNAME_STEPS));
  for (const r of named) t.add("hostname", `${r.ref}: its hostnames (${r.hosts.join(", ")}) do not match ${shownHost}`, [r.ref]);
  if (others > named.length) t.add("hostname", `${others - named.length} more routes on this listener serve other hostnames${named.length > 0 ? ` (the closest to ${shownHost} are listed)` : ""}`, [listenerRef(li.id)]);
}

/** Up to `n` routes serving other hostnames, those sharing the longest DNS suffix with `host` first, then in listener order. */
function closest(li: ListenerIndex, host: string, listed: Set<string>, n: number): RouteEntry[] {
  const out: RouteEntry[] = [];
  if (n <= 0) return out;
  if (host !== "") {
    const bySuffix = suffixIndex(li);
    for (let i = host.indexOf("."); i > 0; i = host.indexOf(".", i + 1)) {
      const list = bySuffix.get(host.slice(i));
      if (list) for (const r of list) if (take(r, host, listed, out, n)) return out;
    }
  }
  for (const r of li.routes) if (take(r, host, listed, out, n)) return out;
  return out;
}

/** Add `r` to `out` when it serves other hostnames and is not there yet; true once `out` holds `n`. */
function take(r: RouteEntry, host: string, listed: Set<string>, out: RouteEntry[], n: number): boolean {
  if (out.includes(r) || listed.has(r.ref) || r.attachment.route.kind !== "HTTPRoute" || bestHostname(r.hosts, host) !== undefined) return false;
  out.push(r);
  return out.length >= n;
}

/** Routes by every DNS suffix of their hostnames (`.example.com`, `.com`), built on first use per listener. */
export function suffixIndex(li: ListenerIndex): Map<string, RouteEntry[]> {
  if (li.bySuffix) return li.bySuffix;
  const m = new Map<string, RouteEntry[]>();
  for (const r of li.routes) {
    for (const h of r.hosts) {
      if (h === null) continue;
      for (const key of dnsSuffixes(h)) {
        const list = m.get(key);
        if (!list) m.set(key, [r]);
        else if (list[list.length - 1] !== r) list.push(r);
      }
    }
  }
  li.bySuffix = m;
  return m;
}

/** Every DNS suffix of a hostname, longest first: `.example.com`, `.com` for `shop.example.com`. */
export function dnsSuffixes(h: string): string[] {
  const out: string[] = [];
  for (let i = h.indexOf("."); i >= 0; i = h.indexOf(".", i + 1)) out.push(h.slice(i));
  return out;
}

/** `HTTPRoute/ns/name rule 0 match 1 (PathPrefix "/v2", GET)`, made once per candidate. */
function label(c: Candidate): string {
  if (c.label === undefined) {
    const m = c.match.index < 0 ? "default match" : `match ${c.match.index}`;
    c.label = `${c.routeRef} rule ${c.ruleIndex} ${m} (${describeMatch(c.match)})`;
  }
  return c.label;
}
