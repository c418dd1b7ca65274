/**
 * Applies an HTTPRoute filter list (rule-level or backendRef-level) to the request being forwarded.
 * HTTPRouteRule.filters: "Wherever possible, implementations SHOULD implement filters in the order
 * they are specified."
 */
import type { Redirect } from "../model/outcome";
import { applyHeaderFilter } from "./headers";
import { buildRedirect, modifyPath, type RedirectInput } from "./redirect";
import type { Candidate } from "./precedence";
import type { Trace } from "./trace";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** What the backend will receive and what the client will get back, as filters change it. */
export interface HttpState {
  /** Request headers by lower-case name. */
  headers: Map<string, string>;
  path: string;
  /** The Host header the backend receives. */
  host: string;
  /** Response headers by lower-case name (the backend's, then ResponseHeaderModifier). */
  responseHeaders: Map<string, string>;
  redirect: Redirect | null;
  mirrors: MirrorShare[];
  /** Set when a filter makes the gateway answer with an error instead of forwarding. */
  errorStatus: number | null;
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
}

export interface FilterContext {
  candidate: Candidate;
  redirectInput: RedirectInput;
  /** Whether a mirror target may be used: null when it may, else why not. */
  mirrorProblem: (ns: string, name: string, kind: string) => string | null;
  t: Trace;
  /** e.g. `rule 0` or `backendRef infra/v1`, for the trace. */
  where: string;
  refs: string[];
}

/** Copies a state (per-backend filters work on their own copy). */
export function cloneState(s: HttpState): HttpState {
  return { ...s, headers: new Map(s.headers), responseHeaders: new Map(s.responseHeaders), mirrors: [...s.mirrors] };
}

/** Applies `filters` in order to `s`. */
export function applyFilters(filters: Raw[] | undefined, s: HttpState, ctx: FilterContext): void {
  if (!Array.isArray(filters)) return;
  const { t } = ctx;
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i] ?? {};
    const type = typeof f.type === "string" ? f.type : "";
    const at = `${ctx.where} filter ${i} (${type || "no type"})`;
    switch (type) {
      case "RequestHeaderModifier": {
        const done = applyHeaderFilter(s.headers, f.requestHeaderModifier);
        if (t.on) t.add("filter", `${at}: ${done.join("; ") || "no change"}`, ctx.refs);
        break;
      }
      case "ResponseHeaderModifier": {
        const done = applyHeaderFilter(s.responseHeaders, f.responseHeaderModifier);
        if (t.on) t.add("filter", `${at} on the response: ${done.join("; ") || "no change"}`, ctx.refs);
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
        const { redirect, error } = buildRedirect(f.requestRedirect, { ...ctx.redirectInput, path: s.path }, ctx.candidate);
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
      case "CORS":
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
  const ns = typeof ref.namespace === "string" && ref.namespace ? ref.namespace : ctx.candidate.route.resource.namespace;
  const name = typeof ref.name === "string" ? ref.name : "";
  const kind = typeof ref.kind === "string" && ref.kind ? ref.kind : "Service";
  let percent = 100;
  if (typeof m?.percent === "number") percent = m.percent;
  else if (m?.fraction && typeof m.fraction.numerator === "number") {
    const den = typeof m.fraction.denominator === "number" && m.fraction.denominator > 0 ? m.fraction.denominator : 100;
    percent = (100 * m.fraction.numerator) / den;
  }
  percent = Math.max(0, Math.min(100, percent));
  const invalid = ctx.mirrorProblem(ns, name, kind);
  s.mirrors.push({ backend: `${ns}/${name}`, kind, port: typeof ref.port === "number" ? ref.port : null, percent, invalid });
  if (ctx.t.on) {
    const target = `${kind === "Service" ? "" : kind + " "}${ns}/${name}`;
    ctx.t.add("mirror", invalid ? `${at}: mirror to ${target} is dropped: ${invalid}` : `${at}: ${percent}% of requests are mirrored to ${target} (responses ignored)`, [...ctx.refs, `${kind}/${ns}/${name}`]);
  }
}
