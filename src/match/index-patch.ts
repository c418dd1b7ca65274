/**
 * The matcher's index of a patched Model (controller/patch.ts: an edit inside some routes' rules),
 * made from the previous Model's index instead of from scratch. Gateways and listeners the patch
 * left alone keep their index objects (with the path indexes and gRPC/L4 indexes built on them so
 * far); a listener whose only change is that some of its route entries point at new route views gets
 * those entries made again and the hostname buckets they are in collected again, in route order as
 * `indexListener` collects them. Anything else in a listener's view changed: the listener is indexed
 * afresh. The result equals a fresh index (index-patch.test.ts).
 */
import type { GatewayView, ListenerView, Model, RouteAttachment } from "../model/model";
import type { ModelDelta } from "../controller/patch";
import { attachmentOf, gatewaysOf, indexListener, listenerIndexOf, mirrorsOf, routeEntryOf, type Bucket, type GatewayIndex, type HostBuckets, type ListenerIndex, type ModelIndex, type RouteEntry } from "./compile";
import type { Candidate } from "./precedence";
import { isWildcard } from "./hostname";
import { dnsSuffixes } from "./explain";

/** How indexes were made, for tests and benchmarks: patched from the previous one, or built. */
export const indexCounts = { patched: 0, built: 0 };

/** The index of `model` from `before` (the index of `delta.previous`); null when it cannot be patched. */
export function patchIndex(before: ModelIndex, model: Model, delta: ModelDelta): ModelIndex | null {
  const byView = new Map<GatewayView, GatewayIndex>();
  for (const g of before.gateways.values()) byView.set(g.view, g);
  const listeners = new Map<string, ListenerIndex>();
  for (const g of before.gateways.values()) for (const list of g.ports.values()) for (const li of list) listeners.set(li.id, li);
  const gateways = gatewaysOf(model, (l) => {
    const old = listeners.get(l.id);
    return (old && (old.view === l ? old : patchListener(old, l))) || indexListener(l);
  }, (gw) => byView.get(gw));
  const mirrorsChanged = delta.routes.some((r) => r.relations.some(([a, b]) => a.type === "mirror" || b.type === "mirror"));
  indexCounts.patched++;
  return { gateways, mirrors: mirrorsChanged || delta.docsMoved ? mirrorsOf(model) : before.mirrors };
}

/** Whether two listener views differ only in their route list (the patch copies a view with new routes). */
function sameButRoutes(a: ListenerView, b: ListenerView): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (k !== "routes" && a[k as keyof ListenerView] !== b[k as keyof ListenerView]) return false;
  return a.routes.length === b.routes.length;
}

/** `old` (the index of a listener view) for `l`, whose route entries differ only in their route views; null otherwise. */
function patchListener(old: ListenerIndex, l: ListenerView): ListenerIndex | null {
  const v = old.view;
  if (!sameButRoutes(v, l)) return null;
  const keys = new Set<string>();
  for (let i = 0; i < l.routes.length; i++) {
    const a = l.routes[i];
    const b = v.routes[i];
    if (a === b) continue;
    if (a.route.key !== b.route.key) return null;
    keys.add(a.route.key);
  }
  const routes = old.routes.slice();
  const hosts = new Set<string | null>();
  const replaced: [RouteEntry, RouteEntry][] = [];
  for (const key of keys) {
    const at = routes.findIndex((e) => e.attachment.route.key === key);
    const a: RouteAttachment | undefined = attachmentOf(l.routes, key);
    if (at < 0 || !a) return null;
    const entry = routeEntryOf(a, old.hostname);
    for (const h of routes[at].hosts) hosts.add(h);
    for (const h of entry.hosts) hosts.add(h);
    replaced.push([routes[at], entry]);
    routes[at] = entry;
  }
  const http: HostBuckets = { exact: new Map(old.http.exact), wildcard: new Map(old.http.wildcard), any: old.http.any };
  for (const h of hosts) {
    const cands = collect(routes, h);
    const bucket: Bucket | null = cands.length > 0 ? { cands, index: null } : null;
    if (h === null) http.any = bucket;
    else {
      const [m, k] = isWildcard(h) ? [http.wildcard, h.slice(1)] : [http.exact, h];
      if (bucket) m.set(k, bucket);
      else m.delete(k);
    }
  }
  const li = listenerIndexOf(l, old.hostname, routes, http);
  li.bySuffix = old.bySuffix && patchSuffixes(old.bySuffix, replaced);
  return li;
}

/**
 * The trace's routes-by-DNS-suffix map (explain.ts `suffixIndex`) with replaced entries swapped in
 * place, when each keeps its hostnames; null otherwise (built again on first use).
 */
function patchSuffixes(old: Map<string, RouteEntry[]>, replaced: [RouteEntry, RouteEntry][]): Map<string, RouteEntry[]> | null {
  const m = new Map(old);
  for (const [a, b] of replaced) {
    if (a.hosts.length !== b.hosts.length || a.hosts.some((h, i) => h !== b.hosts[i])) return null;
    for (const h of b.hosts) {
      if (h === null) continue;
      for (const key of dnsSuffixes(h)) {
        const list = m.get(key);
        if (list) m.set(key, list.map((e) => (e === a ? b : e)));
      }
    }
  }
  return m;
}

/** The candidates of hostname `h` (null: any), in route order, as `indexListener` collects them. */
function collect(routes: RouteEntry[], h: string | null): Candidate[] {
  const out: Candidate[] = [];
  for (const e of routes) if (e.candidates.length > 0 && e.hosts.includes(h)) for (const c of e.candidates) out.push(c);
  return out;
}
