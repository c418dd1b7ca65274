/**
 * The reference matcher: no index, no cache of compiled rules. Per request it scans every listener
 * of the Gateway, then every rule of every route attached to the chosen listener, collects every
 * match that holds and keeps the best by precedence. Used to check the indexed matcher (property
 * test: both must agree) and as the baseline of the benchmark. Outcome building is shared.
 */
import type { ListenerView, Model, Relation, RouteAttachment } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import { nsName, refKey } from "../model/ids";
import { normalizeRequest, type NormalizedRequest } from "./normalize";
import { compileMatch, matchesRequest } from "./predicates";
import { PATH_RANK, compareCandidates, timestampOf, type Candidate } from "./precedence";
import { hostnameMatches, intersectHostname, listenerHostnameRank, routeHostRank } from "./hostname";
import { bestHostname } from "./explain";
import { gatewayKey } from "./http";
import { bareOutcome, respond } from "./respond";
import { Trace } from "./trace";
import { planRule } from "./plan";

const SERVES: Record<string, string> = { HTTP: "HTTP", GRPC: "HTTP", HTTPS: "HTTPS" };

/** Matches like `match` (HTTP/HTTPS only), the slow and obvious way. The trace is off by default. */
export function naiveMatch(model: Model, request: SimRequest, options?: { trace?: boolean }): Outcome {
  const t = Trace.create(options?.trace === true);
  const req = normalizeRequest(request ?? { request: {} });
  const key = gatewayKey(typeof request?.gateway === "string" ? request.gateway : "");
  const gw = (model.gateways ?? []).find((g) => nsName(g.resource) === key);
  if (!gw || !SERVES[req.protocol]) return bareOutcome(req, gw ? 0 : 404, null, t);
  const usable = gw.listeners.filter((l) => l.port === req.port && l.protocol === SERVES[req.protocol] && l.accepted && l.programmed && !l.conflicted);
  let listener: ListenerView | null;
  if (req.protocol === "HTTPS") {
    listener = pickListener(usable, req.sni);
    const byHost = listener && req.host !== req.sni ? pickListener(usable, req.host) : listener;
    if (listener && byHost && byHost !== listener) return bareOutcome(req, 421, listener.id, t);
  } else listener = pickListener(usable, req.host);
  if (!listener) return bareOutcome(req, 404, null, t);
  let best: Candidate | null = null;
  let bestHost: string | null = null;
  const left = leftOut(listener);
  for (const a of listener.routes) {
    if (a.route.kind !== "HTTPRoute" || left.has(a.route.key)) continue;
    const hs = a.hostnames.length > 0 ? a.hostnames.map((h) => h.toLowerCase()) : [listener.hostname ? listener.hostname.toLowerCase() : null];
    const host = bestHostname(hs, req.host);
    if (host === undefined) continue;
    for (const c of matchingCandidates(a, req)) {
      const better =
        best === null ||
        routeHostRank(host) > routeHostRank(bestHost) ||
        (routeHostRank(host) === routeHostRank(bestHost) && compareCandidates(c, best) < 0);
      if (better) {
        best = c;
        bestHost = host;
      }
    }
  }
  if (!best) return bareOutcome(req, 404, listener.id, t);
  return respond({ gateway: gw, listener, mirrorRelations: mirrorsOf(model) }, { candidate: best, hostname: bestHost }, req, request.request?.backendResponseHeaders, t);
}

/**
 * GRPCRoute.spec.hostnames: of an HTTPRoute and a GRPCRoute attached to one listener with
 * intersecting hostnames, exactly one is accepted: the oldest, then the first by namespace/name.
 * Routes taken oldest first; a route sharing a hostname with a kept route of the other kind is out.
 */
function leftOut(listener: ListenerView): Set<string> {
  const out = new Set<string>();
  const rs = listener.routes.filter((a) => a.route.kind === "HTTPRoute" || a.route.kind === "GRPCRoute");
  const age = (a: RouteAttachment) => timestampOf(a.route.resource.metadata?.creationTimestamp);
  rs.sort((a, b) => age(a) - age(b) || (nsName(a.route.resource) < nsName(b.route.resource) ? -1 : nsName(a.route.resource) > nsName(b.route.resource) ? 1 : 0));
  const hosts = (a: RouteAttachment): (string | null)[] => (a.hostnames.length > 0 ? a.hostnames : [listener.hostname]);
  const overlap = (x: (string | null)[], y: (string | null)[]) => x.some((h) => y.some((k) => h === null || k === null || intersectHostname(h, k) !== null));
  const kept: RouteAttachment[] = [];
  for (const a of rs) {
    if (kept.some((k) => k.route.kind !== a.route.kind && overlap(hosts(k), hosts(a)))) out.add(a.route.key);
    else kept.push(a);
  }
  return out;
}

function pickListener(list: ListenerView[], host: string): ListenerView | null {
  let best: ListenerView | null = null;
  for (const l of list) {
    if (l.hostname && (host === "" || !hostnameMatches(l.hostname, host))) continue;
    if (!best || listenerHostnameRank(l.hostname) > listenerHostnameRank(best.hostname)) best = l;
  }
  return best;
}

/** Every match of every rule of the route that holds for the request, compiled on the spot. */
function matchingCandidates(a: RouteAttachment, req: NormalizedRequest): Candidate[] {
  const out: Candidate[] = [];
  const res = a.route.resource;
  for (const rule of a.route.rules) {
    const plan = planRule(rule);
    const raws: unknown[] = Array.isArray(rule.raw?.matches) && rule.raw.matches.length > 0 ? rule.raw.matches : [null];
    raws.forEach((raw, i) => {
      const m = raw === null ? compileMatch({ path: { type: "PathPrefix", value: "/" } }, -1) : compileMatch(raw, i);
      if (!matchesRequest(m, req)) return;
      out.push({
        match: m,
        rule,
        namespace: res.namespace,
        routeRef: refKey({ kind: a.route.kind, namespace: res.namespace, name: res.name }),
        nsName: nsName(res),
        created: timestampOf(res.metadata?.creationTimestamp),
        pathRank: PATH_RANK[m.path.kind],
        pathLength: m.path.value.length,
        methodRank: m.method ? 1 : 0,
        headerCount: m.headers.length,
        queryCount: m.query.length,
        ruleIndex: rule.index,
        matchIndex: i,
        plan,
      });
    });
  }
  return out;
}

function mirrorsOf(model: Model): Map<string, Relation[]> {
  const out = new Map<string, Relation[]>();
  for (const r of model.relations ?? []) if (r.type === "mirror") out.set(r.from, [...(out.get(r.from) ?? []), r]);
  return out;
}
