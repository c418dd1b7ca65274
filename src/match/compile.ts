/**
 * The per-Model lookup structure, built once per Model (WeakMap cache): gateway → port → listeners;
 * per listener, candidates bucketed by hostname (exact name, wildcard suffix, any) and, inside a
 * bucket, by path (exact path, regular expressions, prefix keys), each list pre-sorted by
 * precedence. A request then costs a few hash lookups and tests the first few candidates in order.
 */
import type { GatewayView, ListenerView, Model, Relation, RouteAttachment } from "../model/model";
import { nsName, refKey } from "../model/ids";
import { candidatesOf } from "./candidates";
import { compareCandidates, type Candidate } from "./precedence";
import { isWildcard, listenerHostnameRank } from "./hostname";
import { servedHostnames } from "../controller/hostname";
import { modelDelta } from "../controller/patch";
import { indexCounts, patchIndex } from "./index-patch";

/** Candidates of one hostname bucket, indexed by path. */
export interface PathIndex {
  /** Every candidate of the bucket, sorted by precedence (for the trace). */
  all: Candidate[];
  /** Exact path → candidates (sorted). */
  exact: Map<string, Candidate[]>;
  /** RegularExpression candidates (sorted), tested in turn. */
  regex: Candidate[];
  /** Normalized PathPrefix → candidates (sorted). */
  prefix: Map<string, Candidate[]>;
  /** `prefixLen[n]` is 1 when some prefix key has length n (skips useless slicing per request). */
  prefixLen: Uint8Array;
}

/**
 * The candidates of one hostname; their path index is built when a request first needs it (a
 * configuration of 10,000 routes has 20,000 hostnames, and a handful of sample requests visit a few).
 */
export interface Bucket {
  cands: Candidate[];
  index: PathIndex | null;
}

/** The path index of a bucket, built on first use. */
export function pathIndexOf(b: Bucket): PathIndex {
  return (b.index ??= pathIndex(b.cands));
}

/** A listener's HTTP candidates by hostname. */
export interface HostBuckets {
  exact: Map<string, Bucket>;
  /** Wildcard suffix (".example.com" for `*.example.com`) → bucket. */
  wildcard: Map<string, Bucket>;
  any: Bucket | null;
}

export interface ListenerIndex {
  view: ListenerView;
  /** `ns/gateway/name`. */
  id: string;
  /** Lower-case hostname, or null. */
  hostname: string | null;
  /** Listener precedence by hostname (controller/hostname.ts `hostnameRank`), computed once. */
  rank: number;
  /** The listener as a selection result, made once (selecting it allocates nothing). */
  choice: { listener: ListenerIndex };
  /** Why the listener takes no traffic, or null when it does. */
  unusable: string | null;
  /** Attached routes, one entry per route (a route attached twice to one listener counts once). */
  routes: RouteEntry[];
  /** How many of `routes` are HTTPRoutes (matched here); `others` are the rest (not simulated). */
  httpRoutes: number;
  others: RouteEntry[];
  /** HTTPRoutes without a candidate (no rules): in no hostname bucket. */
  empty: RouteEntry[];
  /** Routes by DNS suffix of their hostnames, for the trace (built on first use; see explain.ts). */
  bySuffix: Map<string, RouteEntry[]> | null;
  http: HostBuckets;
}

/** One route attached to a listener, for the trace. */
export interface RouteEntry {
  attachment: RouteAttachment;
  /** `Kind/ns/name`. */
  ref: string;
  /** Effective hostnames, lower-case (null = any). */
  hosts: (string | null)[];
  /** Its candidates (HTTPRoute only), in rule and match order. */
  candidates: Candidate[];
}

export interface GatewayIndex {
  view: GatewayView;
  /** `ns/name`. */
  key: string;
  /** Port → listeners on it, in declaration order. */
  ports: Map<number, ListenerIndex[]>;
}

export interface ModelIndex {
  /** `ns/name` → gateway. */
  gateways: Map<string, GatewayIndex>;
  /** Route ref → its RequestMirror relations (the controller's verdict on each mirror target). */
  mirrors: Map<string, Relation[]>;
}

const cache = new WeakMap<Model, ModelIndex>();

/** The index of a Model (built on first use, then cached for as long as the Model lives). */
export function indexModel(model: Model): ModelIndex {
  let idx = cache.get(model);
  if (!idx) {
    const delta = modelDelta(model);
    const before = delta && cache.get(delta.previous);
    idx = (before && patchIndex(before, model, delta)) || buildIndex(model);
    cache.set(model, idx);
  }
  return idx;
}

function buildIndex(model: Model): ModelIndex {
  indexCounts.built++;
  return { gateways: gatewaysOf(model, indexListener), mirrors: mirrorsOf(model) };
}

/** Each gateway's listeners by port, indexed by `listenerIndex` (the first gateway of a key wins). */
export function gatewaysOf(model: Model, listenerIndex: (l: ListenerView) => ListenerIndex, reuse?: (gw: GatewayView) => GatewayIndex | undefined): Map<string, GatewayIndex> {
  const gateways = new Map<string, GatewayIndex>();
  for (const gw of model.gateways ?? []) {
    const key = nsName(gw.resource);
    if (gateways.has(key)) continue;
    const same = reuse?.(gw);
    if (same) {
      gateways.set(key, same);
      continue;
    }
    const ports = new Map<number, ListenerIndex[]>();
    for (const l of gw.listeners ?? []) {
      const li = listenerIndex(l);
      const list = ports.get(l.port);
      if (list) list.push(li);
      else ports.set(l.port, [li]);
    }
    gateways.set(key, { view: gw, key, ports });
  }
  return gateways;
}

/** Route ref → its RequestMirror relations. */
export function mirrorsOf(model: Model): Map<string, Relation[]> {
  const mirrors = new Map<string, Relation[]>();
  for (const r of model.relations ?? []) {
    if (r.type !== "mirror") continue;
    const list = mirrors.get(r.from);
    if (list) list.push(r);
    else mirrors.set(r.from, [r]);
  }
  return mirrors;
}

/** Why a listener takes no traffic (Gateway.status.listeners conditions), else null. */
function unusableReason(l: ListenerView): string | null {
  if (l.conflicted) return "it is Conflicted (not distinct from another listener)";
  if (!l.accepted) return "it is not Accepted";
  if (!l.programmed) return "it is not Programmed";
  return null;
}

/** A listener's attachments by route key, in first-seen order (a route attached twice serves the union). */
function attachmentsByRoute(list: readonly RouteAttachment[]): Map<string, RouteAttachment> {
  const byRoute = new Map<string, RouteAttachment>();
  for (const a of list) {
    const prev = byRoute.get(a.route.key);
    if (!prev) byRoute.set(a.route.key, a);
    else if (prev.hostnames.length > 0) {
      // A route attached twice (two parentRefs) serves the union of both attachments' hostnames.
      const merged = a.hostnames.length === 0 ? [] : [...new Set([...prev.hostnames, ...a.hostnames])];
      byRoute.set(a.route.key, { ...prev, hostnames: merged });
    }
  }
  return byRoute;
}

/** One route's entry on a listener with hostname `hostname`. */
export function routeEntryOf(a: RouteAttachment, hostname: string | null): RouteEntry {
  const http = a.route.kind === "HTTPRoute";
  return { attachment: a, ref: refKey({ kind: a.route.kind, namespace: a.route.resource.namespace, name: a.route.resource.name }), hosts: servedHostnames(a.hostnames, hostname), candidates: http ? candidatesOf(a) : [] };
}

/** The merged attachment of route `key` among `list` (see attachmentsByRoute), or undefined. */
export function attachmentOf(list: readonly RouteAttachment[], key: string): RouteAttachment | undefined {
  return attachmentsByRoute(list.filter((a) => a.route.key === key)).get(key);
}

/** The index of one listener's attached routes (also used for a Service port's mesh routes, see mesh-index.ts). */
export function indexListener(l: ListenerView): ListenerIndex {
  const hostname = l.hostname ? l.hostname.toLowerCase() : null;
  const routes: RouteEntry[] = [];
  for (const a of attachmentsByRoute(l.routes ?? []).values()) routes.push(routeEntryOf(a, hostname));
  const exact = new Map<string, Bucket>();
  const wildcard = new Map<string, Bucket>();
  const any: Candidate[] = [];
  for (const entry of routes) {
    const cands = entry.candidates;
    if (cands.length === 0) continue;
    for (const h of entry.hosts) {
      if (h === null) any.push(...cands);
      else if (isWildcard(h)) addTo(wildcard, h.slice(1), cands);
      else addTo(exact, h, cands);
    }
  }
  return listenerIndexOf(l, hostname, routes, { exact, wildcard, any: any.length > 0 ? { cands: any, index: null } : null });
}

/** A ListenerIndex from its route entries and hostname buckets. */
export function listenerIndexOf(l: ListenerView, hostname: string | null, routes: RouteEntry[], http: HostBuckets): ListenerIndex {
  const others = routes.filter((e) => e.attachment.route.kind !== "HTTPRoute");
  const li: ListenerIndex = {
    view: l,
    id: l.id,
    hostname,
    rank: listenerHostnameRank(hostname),
    choice: null as unknown as { listener: ListenerIndex },
    unusable: unusableReason(l),
    routes,
    httpRoutes: routes.length - others.length,
    others,
    empty: routes.filter((e) => e.attachment.route.kind === "HTTPRoute" && e.candidates.length === 0),
    bySuffix: null,
    http,
  };
  li.choice = Object.freeze({ listener: li });
  return li;
}

function addTo(m: Map<string, Bucket>, key: string, cands: Candidate[]): void {
  const b = m.get(key);
  if (b) for (const c of cands) b.cands.push(c);
  else m.set(key, { cands: [...cands], index: null });
}

function push(m: Map<string, Candidate[]>, key: string, c: Candidate): void {
  const list = m.get(key);
  if (list) list.push(c);
  else m.set(key, [c]);
}

function pathIndex(cands: Candidate[]): PathIndex {
  const exact = new Map<string, Candidate[]>();
  const prefix = new Map<string, Candidate[]>();
  const regex: Candidate[] = [];
  let maxLen = 1;
  for (const c of cands) {
    const p = c.match.path;
    if (p.kind === "Exact") push(exact, p.value, c);
    else if (p.kind === "RegularExpression") regex.push(c);
    else {
      push(prefix, p.norm, c);
      if (p.norm.length > maxLen) maxLen = p.norm.length;
    }
  }
  for (const list of exact.values()) list.sort(compareCandidates);
  for (const list of prefix.values()) list.sort(compareCandidates);
  regex.sort(compareCandidates);
  const prefixLen = new Uint8Array(maxLen + 1);
  for (const k of prefix.keys()) prefixLen[k.length] = 1;
  return { all: cands.length > 1 ? [...cands].sort(compareCandidates) : cands, exact, regex, prefix, prefixLen };
}
