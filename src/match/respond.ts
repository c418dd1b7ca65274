/**
 * From the winning rule to the Outcome: rule filters, then the traffic split, then the chosen
 * backend's own filters (HTTPBackendRef.filters: "Filters defined at this level should be executed
 * if and only if the request is being forwarded to the backend defined here").
 */
import type { Outcome, OutcomeBackend } from "../model/outcome";
import type { NormalizedRequest } from "./normalize";
import type { Winner } from "./lookup";
import { applyFilters, cloneState, type FilterContext, type HttpState, type Landing } from "./filters";

export type { Landing } from "./filters";
import { setHeader, type Headers } from "./headers";
import { describeMatch } from "./predicates";
import { listenerRef, type Trace } from "./trace";
import { landOnBackend, noteRuleSession } from "./policy-effects";

/** The Outcome when no route is involved (404, 421, unknown gateway…). */
export function bareOutcome(req: NormalizedRequest, statusCode: number, listener: string | null, t: Trace): Outcome {
  return {
    statusCode,
    backend: null,
    backends: [],
    listener,
    route: null,
    rule: null,
    match: null,
    requestHeaders: req.headers,
    path: req.path,
    host: req.hostHeader,
    redirect: null,
    responseHeaders: {},
    mirrors: [],
    trace: t.steps,
  };
}

/** The request's initial state: what the backend would get with no filter. */
function initialState(req: NormalizedRequest, backendResponse: Record<string, string> | undefined): HttpState {
  const responseHeaders: Headers = {};
  if (backendResponse && typeof backendResponse === "object") {
    for (const k of Object.keys(backendResponse)) setHeader(responseHeaders, k.toLowerCase(), String(backendResponse[k]));
  }
  return {
    // normalizeRequest's map is fresh and ours: filters edit it in place into what the backend gets.
    headers: req.headers,
    path: req.path,
    host: req.hostHeader,
    responseHeaders,
    redirect: null,
    mirrors: null,
    answeredStatus: null,
  };
}

/** Answers a request that `winner` matched on the landing listener. */
export function respond(at: Landing, winner: Winner, req: NormalizedRequest, backendResponse: Record<string, string> | undefined, t: Trace): Outcome {
  const li = at.listener;
  const c = winner.candidate;
  const ruleRefs = t.on ? [c.routeRef] : NO_REFS;
  if (t.on) {
    const host = winner.hostname === null ? "any hostname" : `hostname ${winner.hostname}`;
    const m = c.matchText ?? (c.match.index < 0 ? "its default match (PathPrefix \"/\": the rule has no matches)" : `match ${c.match.index} (${describeMatch(c.match)})`);
    t.add("rule", `${c.routeRef} rule ${c.ruleIndex}${c.rule.name ? ` (${c.rule.name})` : ""} wins with ${m}, for ${host}`, [c.routeRef, at.frontend ? at.frontend.ref : listenerRef(li.id)]);
  }
  const s = initialState(req, backendResponse);
  if (t.on) noteRuleSession(c.rule.raw, c.routeRef, c.plan.split.receivers.length, t);
  const plan = c.plan;
  // Most rules have no filters: their requests need no filter context at all.
  const ctx: FilterContext | null = plan.filters.length > 0 || plan.hasBackendFilters ? { candidate: c, landing: at, req, t, where: t.on ? `rule ${c.ruleIndex}` : "", refs: ruleRefs } : null;
  if (ctx && plan.filters.length > 0) applyFilters(plan.filters, s, ctx);
  const answered = s.redirect !== null || s.answeredStatus !== null;
  const split = plan.split;
  // Every field with its final value where it is known (no placeholder objects per request); the
  // split is cached per rule, so each Outcome gets its own copies of the backends.
  const out: Outcome = {
    statusCode: 200,
    backend: null,
    backends: answered ? [] : split.backends.map(copyBackend),
    // Mesh traffic reaches a Service frontend, not a listener.
    listener: at.frontend ? null : li.id,
    route: c.routeRef,
    rule: c.ruleIndex,
    match: c.match.index < 0 ? null : c.match.index,
    requestHeaders: s.headers,
    path: s.path,
    host: s.host,
    redirect: null,
    responseHeaders: s.responseHeaders,
    mirrors: [],
    trace: t.steps,
  };
  if (answered) return finish(out, s, 200);
  if (split.failure) {
    if (t.on) t.add("backend", `${split.failure}: 500`, ruleRefs);
    return finish(out, s, 500);
  }
  if (split.receivers.length === 1) {
    const i = split.receivers[0];
    const view = split.views[i];
    const key = split.keys[i];
    const ref = split.refs[i];
    if (t.on) t.add("backend", `all requests go to ${ref}${view.port !== null ? `:${view.port}` : ""}`, [c.routeRef, ref]);
    out.backend = key;
    const own = plan.backendFilters[i];
    if (own && ctx) applyFilters(own, s, backendCtx(ctx, key, ref));
    if (at.policies) {
      // Backend policies (policy-effects.ts): a BackendTLSPolicy without a usable CA fails the connection.
      const failure = landOnBackend(at.policies, gatewayOf(at), view, out.backends[i], c.rule.raw, c.routeRef, t);
      if (failure) {
        out.backends[i].invalid = failure;
        out.backend = null;
        if (t.on) t.add("backend", `the gateway cannot connect to ${ref}: 500`, [c.routeRef, ref]);
        return finish(out, s, 500);
      }
    }
    return finish(out, s, 200);
  }
  // Several backends share the traffic: `backend` stays null; each entry carries its share, and
  // the effect of its own filters when it has some.
  for (const i of split.receivers) {
    const view = split.views[i];
    const ob = out.backends[i];
    const key = split.keys[i];
    const ref = split.refs[i];
    if (t.on) {
      const pct = Math.round(ob.probability * 10000) / 100;
      t.add("backend", view.valid ? `${pct}% of requests go to ${ref}` : `${pct}% of requests would go to ${ref}, which is invalid (${view.reason ?? "unresolved"}): they get 500`, [c.routeRef, ref]);
    }
    if (at.policies && view.valid) {
      const failure = landOnBackend(at.policies, gatewayOf(at), view, ob, c.rule.raw, c.routeRef, t);
      if (failure) ob.invalid = failure;
    }
    const own = plan.backendFilters[i];
    if (own && ctx) {
      const bs = cloneState(s);
      applyFilters(own, bs, backendCtx(ctx, key, ref));
      ob.requestHeaders = bs.headers;
      ob.path = bs.path;
      ob.host = bs.host;
    }
  }
  if (t.on) {
    for (let i = 0; i < split.backends.length; i++) {
      if (split.backends[i].probability === 0) t.add("backend", `${split.views[i].namespace}/${split.views[i].name} has weight 0 and receives nothing`, [c.routeRef]);
    }
  }
  if (at.policies && split.receivers.every((i) => out.backends[i].invalid !== undefined)) {
    if (t.on) t.add("backend", "the gateway can connect to none of the backends that receive traffic: 500", [c.routeRef]);
    return finish(out, s, 500);
  }
  return finish(out, s, 200);
}

/** `ns/name` of the Gateway a request landed on (its spec.tls.backend applies to backend TLS). */
function gatewayOf(at: Landing): string | null {
  const r = at.gateway?.resource;
  return r ? `${r.namespace}/${r.name}` : null;
}

function finish(out: Outcome, s: HttpState, statusCode: number): Outcome {
  // A redirect filter answers with its own status instead of forwarding.
  out.statusCode = s.answeredStatus ?? (s.redirect ? s.redirect.statusCode : statusCode);
  out.redirect = s.redirect;
  out.requestHeaders = s.headers;
  out.responseHeaders = s.responseHeaders;
  out.path = s.path;
  out.host = s.host;
  if (s.mirrors) {
    out.mirrors = s.mirrors.filter((m) => m.invalid === null && m.percent > 0).map((m) => m.backend);
    out.mirrorShares = s.mirrors.map((m) => ({ backend: m.backend, percent: m.percent, ...(m.invalid ? { invalid: m.invalid } : {}), ...(m.policies ? { policies: m.policies } : {}), ...(m.tls ? { tls: m.tls } : {}) }));
  }
  if (s.redirect || s.answeredStatus !== null) {
    out.backend = null;
    out.backends = [];
  }
  return out;
}

const NO_REFS: string[] = [];

function copyBackend(b: OutcomeBackend): OutcomeBackend {
  const o: OutcomeBackend = { namespace: b.namespace, name: b.name, port: b.port, weight: b.weight, probability: b.probability };
  if (b.kind !== undefined) o.kind = b.kind;
  if (b.invalid !== undefined) o.invalid = b.invalid;
  return o;
}

/** The context for a backendRef's own filters. */
function backendCtx(ctx: FilterContext, key: string, ref: string): FilterContext {
  return { candidate: ctx.candidate, landing: ctx.landing, req: ctx.req, t: ctx.t, where: `backendRef ${key}`, refs: ctx.t.on ? [ctx.candidate.routeRef, ref] : NO_REFS };
}
