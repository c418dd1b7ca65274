/**
 * Applies an HTTPRoute filter list (rule-level or backendRef-level) to the request being forwarded.
 * HTTPRouteRule.filters: "Wherever possible, implementations SHOULD implement filters in the order
 * they are specified."
 */
import type { BackendTLSUse, OutcomeBackend, Redirect } from "../model/outcome";
import { applyHeaderOps, compileHeaderOps, copyHeaders, setHeader, type HeaderOps, type Headers } from "./headers";
import { buildRedirect, modifyPath, type RedirectInput } from "./redirect";
import type { Candidate } from "./precedence";
import type { Trace } from "./trace";
import type { GatewayView, ListenerView, Relation } from "../model/model";
import type { NormalizedRequest } from "./normalize";
import { stripPort } from "../controller/hostname";
import { applyCors } from "./cors";
import { landOnBackend, type PolicyIndex } from "./policy-effects";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** What the backend will receive and what the client will get back, as filters change it. */
export interface HttpState {
  /** Request headers by lower-case name. */
  headers: Headers;
  path: string;
  /** The Host header the backend receives. */
  host: string;
  /** Response headers by lower-case name (the backend's, then ResponseHeaderModifier). */
  responseHeaders: Headers;
  redirect: Redirect | null;
  /** RequestMirror targets, null until a mirror filter runs. */
  mirrors: MirrorShare[] | null;
  /** Set when a filter makes the gateway answer itself (CORS preflight) instead of forwarding. */
  answeredStatus: number | null;
}

/** One RequestMirror target. */
export interface MirrorShare {
  /** `ns/name`. */
  backend: string;
  kind: string;
  port: number | null;
  /** Share of requests mirrored, 0–100. */
  percent: number;
  /** Why the mirror is dropped (unresolved or not permitted), else null. */
  invalid: string | null;
  /** Backend policies of the mirror target (BackendTLSPolicy…), as for a backend. */
  policies?: string[];
  tls?: BackendTLSUse;
}

export interface FilterContext {
  candidate: Candidate;
  landing: Landing;
  req: NormalizedRequest;
  t: Trace;
  /** e.g. `rule 0` or `backendRef infra/v1`, for the trace. */
  where: string;
  refs: string[];
}

/** Where the request landed: its Gateway and listener (and the Model's mirror relations). */
export interface Landing {
  /** The Gateway; null for mesh traffic (see `frontend`). */
  gateway: GatewayView | null;
  listener: ListenerView;
  /** Route ref → its "mirror" relations (looked up only when a mirror filter runs). */
  mirrorRelations: Map<string, Relation[]>;
  /**
   * Mesh (GAMMA) traffic: the Service frontend the request was sent to. `listener` then stands for
   * the Service port (its port and protocol make redirects); the Outcome names no listener.
   */
  frontend?: MeshFrontend;
  /** The Model's backend policies (policy-effects.ts `policyIndex`); absent or null: no policy effects. */
  policies?: PolicyIndex | null;
}

/** A Service frontend ("its name and cluster IP", gateway-api.sigs.k8s.io/mesh/service-facets). */
export interface MeshFrontend {
  /** `Service/ns/name`, for the trace. */
  ref: string;
  /** What a request without Host header was addressed to: the cluster IP, else the Service's DNS name. */
  address: string;
}

/** Copies a state (per-backend filters work on their own copy). */
export function cloneState(s: HttpState): HttpState {
  return { ...s, headers: copyHeaders(s.headers), responseHeaders: copyHeaders(s.responseHeaders), mirrors: s.mirrors ? [...s.mirrors] : null };
}

/** A filter read once per Model: its type, the raw object, and header operations when it has some. */
export interface CompiledFilter {
  type: string;
  raw: Raw;
  headerOps: HeaderOps | null;
}

/** Reads a filter list (rule or backendRef level); [] for anything that is not a list. */
export function compileFilters(list: unknown): CompiledFilter[] {
  if (!Array.isArray(list)) return [];
  return list.map((f: Raw) => {
    const raw = f && typeof f === "object" ? f : {};
    const type = typeof raw.type === "string" ? raw.type : "";
    const headerSrc = type === "RequestHeaderModifier" ? raw.requestHeaderModifier : type === "ResponseHeaderModifier" ? raw.responseHeaderModifier : undefined;
    return { type, raw, headerOps: headerSrc === undefined ? null : compileHeaderOps(headerSrc) };
  });
}

/** Applies `filters` in order to `s`. */
export function applyFilters(filters: CompiledFilter[], s: HttpState, ctx: FilterContext): void {
  const { t } = ctx;
  for (let i = 0; i < filters.length; i++) {
    const cf = filters[i];
    const f = cf.raw;
    const type = cf.type;
    const at = t.on ? `${ctx.where} filter ${i} (${type || "no type"})` : "";
    switch (type) {
      case "RequestHeaderModifier": {
        const done = applyHeaderOps(s.headers, cf.headerOps!, t.on);
        if (done) t.add("filter", `${at}: ${done.join("; ") || "no change"}`, ctx.refs);
        break;
      }
      case "ResponseHeaderModifier": {
        const done = applyHeaderOps(s.responseHeaders, cf.headerOps!, t.on);
        if (done) t.add("filter", `${at} on the response: ${done.join("; ") || "no change"}`, ctx.refs);
        break;
      }
      case "URLRewrite": {
        // HTTPURLRewriteFilter.hostname: "the value to be used to replace the Host header value during forwarding".
        const u = f.urlRewrite ?? {};
        if (typeof u.hostname === "string" && u.hostname !== "") s.host = u.hostname;
        const mod = modifyPath(s.path, u.path, ctx.candidate);
        if (mod.error && t.on) t.add("filter", `${at}: path not rewritten: ${mod.error}`, ctx.refs);
        s.path = mod.path;
        if (t.on) t.add("filter", `${at}: the backend receives Host ${JSON.stringify(s.host)} and path ${JSON.stringify(s.path)}`, ctx.refs);
        break;
      }
      case "RequestRedirect": {
        const { redirect, error } = buildRedirect(f.requestRedirect, redirectInputOf(ctx, s.path), ctx.candidate);
        s.redirect = redirect;
        if (t.on) {
          if (error) t.add("filter", `${at}: ${error}; the path is kept`, ctx.refs);
          t.add("redirect", `${at}: the gateway answers ${redirect.statusCode} with Location ${redirect.location}`, ctx.refs);
        }
        break;
      }
      case "RequestMirror":
        mirror(f.requestMirror, s, ctx, at);
        break;
      case "CORS": {
        const r = applyCors(f.cors, ctx.req.method, s.headers);
        if (r.answer !== null) {
          s.answeredStatus = r.answer;
          s.responseHeaders = {};
        }
        for (const [k, v] of r.headers) setHeader(s.responseHeaders, k, v);
        if (t.on) t.add("filter", `${at}: ${r.note}${r.headers.length ? ` (${r.headers.map(([k, v]) => `${k}: ${v}`).join("; ")})` : ""}`, ctx.refs);
        if (r.answer !== null) return;
        break;
      }
      case "ExternalAuth":
        if (t.on) t.add("filter", `${at}: ${type} is not simulated; the request is routed as if it passed`, ctx.refs);
        break;
      case "ExtensionRef":
        // HTTPRouteFilter.type: custom filters are implementation-specific; nothing to simulate.
        if (t.on) t.add("filter", `${at}: implementation-specific filter ${f.extensionRef?.kind ?? "?"}/${f.extensionRef?.name ?? "?"} is not simulated`, ctx.refs);
        break;
      default:
        if (t.on) t.add("filter", `${at}: unknown filter type, ignored (a controller sets Accepted=False/UnsupportedValue)`, ctx.refs);
    }
  }
}

/**
 * HTTPRequestMirrorFilter: "Requests are sent to the specified destination, but responses from
 * that destination are ignored"; percent/fraction: "If neither field is specified, 100% of requests
 * will be mirrored"; backendRef: "If the referent cannot be found, this BackendRef is invalid and
 * must be dropped from the Gateway."
 */
function mirror(m: Raw, s: HttpState, ctx: FilterContext, at: string): void {
  const ref = m?.backendRef ?? {};
  const ns = typeof ref.namespace === "string" && ref.namespace ? ref.namespace : ctx.candidate.namespace;
  const name = typeof ref.name === "string" ? ref.name : "";
  const kind = typeof ref.kind === "string" && ref.kind ? ref.kind : "Service";
  let percent = 100;
  if (typeof m?.percent === "number") percent = m.percent;
  else if (m?.fraction && typeof m.fraction.numerator === "number") {
    const den = typeof m.fraction.denominator === "number" && m.fraction.denominator > 0 ? m.fraction.denominator : 100;
    percent = (100 * m.fraction.numerator) / den;
  }
  percent = Math.max(0, Math.min(100, percent));
  const port = typeof ref.port === "number" ? ref.port : null;
  const share: MirrorShare = { backend: `${ns}/${name}`, kind, port, percent, invalid: mirrorProblem(ctx, ns, name, kind) };
  (s.mirrors ??= []).push(share);
  const target = `${kind === "Service" ? "" : kind + " "}${ns}/${name}`;
  if (ctx.t.on) ctx.t.add("mirror", share.invalid ? `${at}: mirror to ${target} is dropped: ${share.invalid}` : `${at}: ${percent}% of requests are mirrored to ${target} (responses ignored)`, [...ctx.refs, `${kind}/${ns}/${name}`]);
  // The gateway's connection to a mirror target is a connection to that backend: its policies
  // (BackendTLSPolicy: "configuration for the connection from the Gateway to a backend") apply.
  if (share.invalid === null && ctx.landing.policies) {
    const gw = ctx.landing.gateway?.resource;
    const got: { policies?: string[]; tls?: BackendTLSUse } = {};
    const failure = landOnBackend(ctx.landing.policies, gw ? `${gw.namespace}/${gw.name}` : null, { group: typeof ref.group === "string" ? ref.group : "", kind, namespace: ns, name, port }, got as OutcomeBackend, null, ctx.candidate.routeRef, ctx.t);
    if (got.policies) share.policies = got.policies;
    if (got.tls) share.tls = got.tls;
    if (failure) {
      share.invalid = failure;
      if (ctx.t.on) ctx.t.add("mirror", `${at}: the gateway cannot connect to mirror target ${target} (${failure}): nothing is mirrored; the request itself is unaffected`, [...ctx.refs, `${kind}/${ns}/${name}`]);
    }
  }
}

/** The request as a redirect sees it. */
function redirectInputOf(ctx: FilterContext, path: string): RedirectInput {
  const { landing, req } = ctx;
  return {
    scheme: landing.listener.protocol === "HTTPS" ? "https" : "http",
    hostname: req.hostHeader === "" ? (landing.frontend?.address ?? gatewayAddress(landing.gateway)) : stripPort(req.hostHeader),
    listenerPort: landing.listener.port,
    path,
    rawQuery: req.rawQuery,
  };
}

/**
 * The host of a redirect when the request carried the Gateway's address: the Gateway's first
 * declared address, else a reserved name (RFC 2606 `.invalid`) since the real one is unknown offline.
 */
function gatewayAddress(gw: GatewayView | null): string {
  const addrs = gw?.resource.spec?.addresses;
  const v = Array.isArray(addrs) && addrs[0] && typeof addrs[0].value === "string" ? addrs[0].value : "";
  return v || "gateway.invalid";
}

/**
 * The controller's verdict on a mirror target: the rule's resolved mirrors (RuleView.mirrors), else
 * the route's "mirror" relations (mirrors inside backendRef filters). Null when usable.
 */
function mirrorProblem(ctx: FilterContext, ns: string, name: string, kind: string): string | null {
  for (const v of ctx.candidate.rule.mirrors ?? []) {
    if (v.namespace === ns && v.name === name && (v.kind || "Service") === kind) return v.valid ? null : (v.reason ?? "unresolved");
  }
  for (const r of ctx.landing.mirrorRelations.get(ctx.candidate.routeRef) ?? []) {
    if (r.to === `${kind}/${ns}/${name}` || r.to.endsWith(`/${ns}/${name}`)) return r.ok ? null : (r.reason ?? "unresolved");
  }
  return null;
}
