/**
 * A listener's GRPCRoute candidates, indexed like its HTTPRoute ones (compile.ts): by hostname
 * (exact name, wildcard suffix, any), then inside a hostname bucket by exact `/{service}/{method}`
 * (Exact matches naming both) with the rest in precedence order. Built on the first gRPC request
 * that reaches the listener and cached with the listener's index (so per Model), each bucket
 * sorted on first use.
 */
import type { ListenerIndex, RouteEntry } from "./compile";
import { grpcCandidatesOf, methodMatches, type GrpcCall, type GrpcCandidate } from "./grpc-candidates";
import { compareGrpc } from "./grpc-precedence";
import { kindConflicts } from "./grpc-kinds";
import { isWildcard } from "./hostname";
import type { NormalizedRequest } from "./normalize";
import { matchesRequest } from "./predicates";

/** The candidates of one hostname. */
export interface GrpcBucket {
  /** Every candidate; sorted by precedence once `ready`. */
  all: GrpcCandidate[];
  /** `/{service}/{method}` → the Exact candidates naming both (sorted). */
  exact: Map<string, GrpcCandidate[]>;
  /** The other candidates (sorted), tested in turn. */
  rest: GrpcCandidate[];
  ready: boolean;
}

export interface GrpcListenerIndex {
  /** The GRPCRoutes attached to the listener (including those left out by `kindConflicts`). */
  routes: RouteEntry[];
  /** Those in no bucket: left out by `kindConflicts`, or without candidates (no rules). */
  unindexed: RouteEntry[];
  exact: Map<string, GrpcBucket>;
  /** Wildcard suffix (".example.com" for `*.example.com`) → bucket. */
  wildcard: Map<string, GrpcBucket>;
  any: GrpcBucket | null;
}

/** The gRPC winner and the route hostname it matched through (null = any hostname). */
export interface GrpcWinner {
  candidate: GrpcCandidate;
  hostname: string | null;
}

const cache = new WeakMap<ListenerIndex, GrpcListenerIndex>();

/** The GRPCRoute index of a listener (built on first use). */
export function grpcIndexOf(li: ListenerIndex): GrpcListenerIndex {
  let g = cache.get(li);
  if (!g) cache.set(li, (g = build(li)));
  return g;
}

function build(li: ListenerIndex): GrpcListenerIndex {
  const routes = li.others.filter((r) => r.attachment.route.kind === "GRPCRoute");
  const left = routes.length > 0 ? kindConflicts(li).rejected : null;
  const exact = new Map<string, GrpcBucket>();
  const wildcard = new Map<string, GrpcBucket>();
  let any: GrpcBucket | null = null;
  const unindexed: RouteEntry[] = [];
  for (const r of routes) {
    // GRPCRoute.spec.hostnames: of an HTTPRoute and a GRPCRoute sharing hostnames only one is accepted.
    const cands = left?.has(r.ref) ? [] : grpcCandidatesOf(r.attachment);
    if (cands.length === 0) {
      unindexed.push(r);
      continue;
    }
    for (const h of r.hosts) {
      if (h === null) any = addAll(any, cands);
      else if (isWildcard(h)) wildcard.set(h.slice(1), addAll(wildcard.get(h.slice(1)) ?? null, cands));
      else exact.set(h, addAll(exact.get(h) ?? null, cands));
    }
  }
  return { routes, unindexed, exact, wildcard, any };
}

function addAll(b: GrpcBucket | null, cands: GrpcCandidate[]): GrpcBucket {
  if (!b) return { all: [...cands], exact: new Map(), rest: [], ready: false };
  for (const c of cands) b.all.push(c);
  return b;
}

/** Sorts a bucket and splits it into exact keys and the rest (once). */
export function readyBucket(b: GrpcBucket): GrpcBucket {
  if (b.ready) return b;
  b.all.sort(compareGrpc);
  for (const c of b.all) {
    if (c.exactPath === null) b.rest.push(c);
    else {
      const list = b.exact.get(c.exactPath);
      if (list) list.push(c);
      else b.exact.set(c.exactPath, [c]);
    }
  }
  b.ready = true;
  return b;
}

/**
 * The buckets whose hostname matches `host`, most specific first (GRPCRouteRule.matches: "Characters
 * in a matching non-wildcard hostname. Characters in a matching hostname.").
 */
export function bucketsFor(g: GrpcListenerIndex, host: string, visit: (b: GrpcBucket, hostname: string | null) => boolean): void {
  if (host !== "") {
    const e = g.exact.size > 0 ? g.exact.get(host) : undefined;
    if (e && visit(e, host)) return;
    if (g.wildcard.size > 0) {
      for (let i = host.indexOf("."); i > 0 && i < host.length - 1; i = host.indexOf(".", i + 1)) {
        const suffix = host.slice(i);
        const b = g.wildcard.get(suffix);
        if (b && visit(b, "*" + suffix)) return;
      }
    }
  }
  if (g.any) visit(g.any, null);
}

/** The winning GRPCRoute match for a call on the listener, or null (the buckets as `bucketsFor` visits them, without a closure per call). */
export function findGrpcWinner(g: GrpcListenerIndex, req: NormalizedRequest, call: GrpcCall): GrpcWinner | null {
  const host = req.host;
  if (host !== "") {
    const e = g.exact.size > 0 ? g.exact.get(host) : undefined;
    if (e) {
      const c = searchBucket(readyBucket(e), req, call);
      if (c) return { candidate: c, hostname: host };
    }
    if (g.wildcard.size > 0) {
      for (let i = host.indexOf("."); i > 0 && i < host.length - 1; i = host.indexOf(".", i + 1)) {
        const b = g.wildcard.get(host.slice(i));
        const c = b ? searchBucket(readyBucket(b), req, call) : null;
        if (c) return { candidate: c, hostname: "*" + host.slice(i) };
      }
    }
  }
  const c = g.any ? searchBucket(readyBucket(g.any), req, call) : null;
  return c ? { candidate: c, hostname: null } : null;
}

/** The first candidate of a bucket that matches, in precedence order. */
function searchBucket(b: GrpcBucket, req: NormalizedRequest, call: GrpcCall): GrpcCandidate | null {
  let best: GrpcCandidate | null = null;
  const list = b.exact.size > 0 ? b.exact.get(req.path) : undefined;
  if (list) {
    for (let i = 0; i < list.length; i++) {
      if (matchesRequest(list[i].match, req, true)) {
        best = list[i];
        break;
      }
    }
  }
  const rest = b.rest;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    // `rest` is sorted: once its candidates rank below the exact winner, none can beat it.
    if (best !== null && compareGrpc(c, best) > 0) break;
    if (methodMatches(c.grpc, call) && matchesRequest(c.match, req, true)) return c;
  }
  return best;
}
