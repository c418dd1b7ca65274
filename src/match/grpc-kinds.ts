/**
 * HTTPRoutes and GRPCRoutes on one listener. GRPCRoute.spec.hostnames:
 *
 *   "If a Route (A) of type HTTPRoute or GRPCRoute is attached to a Listener and that listener
 *    already has another Route (B) of the other type attached and the intersection of the
 *    hostnames of A and B is non-empty, then the implementation MUST accept exactly one of these
 *    two routes, determined by the following criteria, in order:
 *    * The oldest Route based on creation timestamp.
 *    * The Route appearing first in alphabetical order by "{namespace}/{name}"."
 *
 * and GRPCRouteRule.matches: "Merging MUST not be done between GRPCRoutes and HTTPRoutes." So for
 * any hostname, the routes of one kind only take requests: a gRPC call to a hostname served by
 * HTTPRoutes alone is matched against them (it is an HTTP/2 POST to `/{service}/{method}`), one to
 * a hostname with GRPCRoutes against the GRPCRoutes alone (Unimplemented when none matches).
 *
 * The simulated controller attaches both routes of such a pair; the matcher then leaves out the
 * one a conformant implementation would not accept, routes being taken oldest first (a route is
 * left out when it shares a hostname with an already kept route of the other kind), and the trace
 * says so. Computed once per listener, only when it has routes of both kinds.
 */
import { pathIndexOf, type Bucket, type ListenerIndex, type RouteEntry } from "./compile";
import { kindLosers, type KindEntry } from "../controller/kind-conflicts";
import { timestampOf } from "./precedence";
import { nsName } from "../model/ids";
import type { NormalizedRequest } from "./normalize";
import { findWinner, type Winner } from "./lookup";
import { matchesRequest } from "./predicates";
import { bestHostname, explainLosers } from "./explain";
import { nameOf } from "./listener";
import { listenerRef, Trace } from "./trace";

export interface KindConflicts {
  /** Route ref (`Kind/ns/name`) left out → the ref of the older route of the other kind it shares hostnames with. */
  rejected: Map<string, string>;
}

const NONE: KindConflicts = { rejected: new Map() };

/** The kind conflicts of a listener; free for listeners with HTTPRoutes only (the usual case, and the HTTP hot path). */
export function conflictsOf(li: ListenerIndex): KindConflicts {
  return li.others.length === 0 || li.httpRoutes === 0 ? NONE : kindConflicts(li);
}
const cache = new WeakMap<ListenerIndex, KindConflicts>();

/** The HTTPRoutes and GRPCRoutes of the listener left out because an older route of the other kind shares a hostname. */
export function kindConflicts(li: ListenerIndex): KindConflicts {
  let k = cache.get(li);
  if (!k) cache.set(li, (k = compute(li)));
  return k;
}

function compute(li: ListenerIndex): KindConflicts {
  let grpc = 0;
  for (const r of li.others) if (r.attachment.route.kind === "GRPCRoute") grpc++;
  if (grpc === 0 || li.httpRoutes === 0) return NONE;
  const entries: KindEntry<RouteEntry>[] = [];
  for (const r of li.routes) {
    const kind = r.attachment.route.kind;
    if (kind !== "HTTPRoute" && kind !== "GRPCRoute") continue;
    const res = r.attachment.route.resource;
    entries.push({ item: r, grpc: kind === "GRPCRoute", created: timestampOf(res.metadata?.creationTimestamp), name: nsName(res), hosts: r.hosts });
  }
  // The controller's rule (controller/kind-conflicts.ts) over the listener's route entries.
  const losers = kindLosers(entries);
  if (losers.size === 0) return NONE;
  const rejected = new Map<string, string>();
  for (const [r, older] of losers) rejected.set(r.ref, older.ref);
  return { rejected };
}

/**
 * The HTTPRoute winner like lookup.ts `findWinner` (hostname buckets from the most specific, each
 * sorted by precedence), skipping the routes left out. Used only on listeners with such conflicts.
 */
export function httpWinnerWithout(li: ListenerIndex, req: NormalizedRequest, left: Map<string, string>): Winner | null {
  const b = li.http;
  const host = req.host;
  const first = (bk: Bucket | undefined | null, hostname: string | null): Winner | null => {
    if (!bk) return null;
    for (const c of pathIndexOf(bk).all) if (!left.has(c.routeRef) && matchesRequest(c.match, req)) return { candidate: c, hostname };
    return null;
  };
  if (host !== "") {
    const w = first(b.exact.get(host), host);
    if (w) return w;
    for (let i = host.indexOf("."); i > 0 && i < host.length - 1; i = host.indexOf(".", i + 1)) {
      const ww = first(b.wildcard.get(host.slice(i)), "*" + host.slice(i));
      if (ww) return ww;
    }
  }
  return first(b.any, null);
}

/** Trace: the routes of `kind` left out that serve the request's hostname, and the older route each lost to. */
export function noteKindConflicts(li: ListenerIndex, k: KindConflicts, host: string, t: Trace, kind: string): void {
  for (const r of li.routes) {
    if (r.attachment.route.kind !== kind) continue;
    const older = k.rejected.get(r.ref);
    if (older === undefined || bestHostname(r.hosts, host) === undefined) continue;
    t.add(
      "kinds",
      `${r.ref} is left out: it shares hostnames with ${older}, an older route of the other kind on listener ${nameOf(li)}; GRPCRoute.spec.hostnames: of an HTTPRoute and a GRPCRoute with intersecting hostnames exactly one is accepted, the oldest (then the first by namespace/name). The simulated controller reports both as attached.`,
      [r.ref, older, listenerRef(li.id)],
    );
  }
}

/**
 * The HTTPRoute that takes a request on the listener, leaving out the routes a kind conflict
 * rejects, with the trace of the conflicts and of the losers (`findWinner` and explain.ts when
 * there is no conflict).
 */
export function httpWinner(li: ListenerIndex, req: NormalizedRequest, k: KindConflicts, t: Trace): Winner | null {
  const left = k.rejected;
  if (left.size === 0) {
    const w = findWinner(li, req);
    if (t.on) explainLosers(li, req, w, t);
    return w;
  }
  const w = httpWinnerWithout(li, req, left);
  if (t.on) {
    noteKindConflicts(li, k, req.host, t, "HTTPRoute");
    // The left-out routes are no candidates: their steps (explain.ts knows nothing of them) are dropped.
    const sub = Trace.create(true);
    explainLosers(li, req, w, sub);
    for (const s of sub.steps) if (!s.refs.some((r) => left.has(r))) t.add(s.step, s.detail, s.refs);
  }
  return w;
}
