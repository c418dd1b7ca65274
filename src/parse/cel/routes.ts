/**
 * CRD rules of routes: parentRefs (CommonRouteSpec.parentRefs), backendRefs ports, HTTPRoute rules,
 * matches and timeouts, GRPCRoute method matches, TLSRoute hostnames.
 */
import type { PathSegment } from "../../model/source";
import { filterListRules } from "./filters";
import { backendPortRule, has, isObj, list, set, type Any, type RuleError } from "./util";

/**
 * CommonRouteSpec.parentRefs, as the experimental channel words it (the looser of the two channels:
 * a configuration either channel accepts is not flagged): "sectionName must be specified when
 * parentRefs includes 2 or more references to the same parent", and "sectionName or port must be
 * unique" among them.
 */
export function parentRefRules(spec: Any): RuleError[] {
  const refs = list(spec?.parentRefs).filter(isObj);
  const out: RuleError[] = [];
  const same = (a: Any, b: Any) => (a.group ?? "gateway.networking.k8s.io") === (b.group ?? "gateway.networking.k8s.io") && (a.kind ?? "Gateway") === (b.kind ?? "Gateway") && a.name === b.name && (a.namespace ?? "") === (b.namespace ?? "");
  const port = (p: Any) => (has(p, "port") && p.port !== 0 ? String(p.port) : "");
  list(spec?.parentRefs).forEach((p1: Any, i) => {
    if (!isObj(p1)) return;
    const peers = refs.filter((p2) => same(p1, p2));
    if (peers.length < 2) return;
    if (peers.some((p2) => set(p2.sectionName) !== set(p1.sectionName))) out.push({ path: ["spec", "parentRefs", i], message: "sectionName must be specified when parentRefs includes 2 or more references to the same parent" });
    else if (peers.filter((p2) => (p2.sectionName ?? "") === (p1.sectionName ?? "") && port(p2) === port(p1)).length > 1) out.push({ path: ["spec", "parentRefs", i], message: "sectionName or port must be unique when parentRefs includes 2 or more references to the same parent" });
  });
  return out;
}

/** Rules for every rule of a route: backendRefs (with their filters), filters, and the HTTPRoute-only ones. */
export function routeRuleRules(kind: string, spec: Any): RuleError[] {
  const out: RuleError[] = [...parentRefRules(spec)];
  const rules = list(spec?.rules);
  if (kind === "HTTPRoute" || kind === "GRPCRoute") {
    // rules: "the total number of matches across all rules in a route must be less than 128"
    const total = rules.slice(0, 16).reduce((n: number, r: Any) => n + (isObj(r) ? list(r.matches).length : 0), 0);
    if (total > 128) out.push({ path: ["spec", "rules"], message: "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128" });
  }
  rules.forEach((rule: Any, i) => {
    if (!isObj(rule)) return;
    const at: PathSegment[] = ["spec", "rules", i];
    list(rule.backendRefs).forEach((b: Any, j) => {
      out.push(...backendPortRule(b, [...at, "backendRefs", j]));
      if (isObj(b)) out.push(...filterListRules(kind, b.filters, [...at, "backendRefs", j, "filters"]));
    });
    out.push(...filterListRules(kind, rule.filters, [...at, "filters"]));
    if (kind === "HTTPRoute") out.push(...httpRuleRules(rule, at));
    if (kind === "GRPCRoute") out.push(...grpcMatchRules(rule, at));
  });
  if (kind === "TLSRoute") out.push(...tlsHostnameRules(spec));
  return out;
}

const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/** HTTPRouteRule: redirect vs backendRefs, replacePrefixMatch needs one PathPrefix match, path match values, timeouts. */
function httpRuleRules(rule: Any, at: PathSegment[]): RuleError[] {
  const out: RuleError[] = [];
  const filters = list(rule.filters).filter(isObj);
  // "RequestRedirect filter must not be used together with backendRefs"
  if (list(rule.backendRefs).length > 0 && filters.some((f) => has(f, "requestRedirect"))) out.push({ path: [...at, "filters"], message: "RequestRedirect filter must not be used together with backendRefs" });
  const matches = list(rule.matches);
  const onePrefix = matches.length === 1 && isObj(matches[0]) && isObj(matches[0].path) && matches[0].path.type === "PathPrefix";
  const prefixFilter = (fs: Any[], field: string) => fs.filter((f) => isObj(f) && isObj(f[field]) && isObj(f[field].path) && f[field].path.type === "ReplacePrefixMatch" && has(f[field].path, "replacePrefixMatch")).length === 1;
  // "When using RequestRedirect/URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"
  for (const [field, name] of [["requestRedirect", "RequestRedirect"], ["urlRewrite", "URLRewrite"]]) {
    if (prefixFilter(filters, field) && !onePrefix) out.push({ path: [...at, "matches"], message: `When using ${name} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified` });
    const inBackends = list(rule.backendRefs).filter((b: Any) => isObj(b) && prefixFilter(list(b.filters), field)).length === 1;
    if (inBackends && !onePrefix) out.push({ path: [...at, "matches"], message: `Within backendRefs, ${name === "URLRewrite" ? "When" : "when"} using ${name} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified` });
  }
  matches.forEach((m: Any, k) => {
    const p = isObj(m) ? m.path : undefined;
    if (!isObj(p)) return;
    const where: PathSegment[] = [...at, "matches", k, "path"];
    const type = p.type ?? "PathPrefix";
    const value = typeof p.value === "string" ? p.value : "/";
    // (The rule "type must be one of …" repeats the schema's enum, which the schema check reports.)
    if (type !== "Exact" && type !== "PathPrefix") return;
    const bad = pathValueProblem(value);
    if (bad) out.push({ path: [...where, "value"], message: `${bad} when type one of ['Exact', 'PathPrefix']` });
    else if (!PATH_CHARS.test(value)) out.push({ path: [...where, "value"], message: `must only contain valid characters (matching ${PATH_CHARS.source}) for types ['Exact', 'PathPrefix']` });
  });
  // HTTPRouteTimeouts: "backendRequest timeout cannot be longer than request timeout"
  const t = rule.timeouts;
  if (isObj(t) && typeof t.request === "string" && typeof t.backendRequest === "string") {
    const req = durationMs(t.request);
    const be = durationMs(t.backendRequest);
    if (req !== null && be !== null && req !== 0 && be > req) out.push({ path: [...at, "timeouts", "backendRequest"], message: "backendRequest timeout cannot be longer than request timeout" });
  }
  return out;
}

/** HTTPPathMatch rules for Exact and PathPrefix values, in the CRD's order. */
export function pathValueProblem(value: string): string | null {
  if (!value.startsWith("/")) return "value must be an absolute path and start with '/'";
  for (const s of ["//", "/./", "/../", "%2f", "%2F", "#"]) if (value.includes(s)) return `must not contain '${s}'`;
  if (value.endsWith("/..")) return "must not end with '/..'";
  if (value.endsWith("/.")) return "must not end with '/.'";
  return null;
}

/** A Gateway API Duration (`1h`, `500ms`, `1h30m`…) in milliseconds, or null when it does not parse. */
function durationMs(d: string): number | null {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  const re = /(\d+)(ms|h|m|s)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(d))) {
    total += Number(m[1]) * units[m[2]];
    end = re.lastIndex;
  }
  return end === d.length && d.length > 0 ? total : null;
}

const GRPC_SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const GRPC_METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** GRPCMethodMatch: service or method required; Exact values' characters. */
function grpcMatchRules(rule: Any, at: PathSegment[]): RuleError[] {
  const out: RuleError[] = [];
  list(rule.matches).forEach((m: Any, k) => {
    const method = isObj(m) ? m.method : undefined;
    if (!isObj(method)) return;
    const where: PathSegment[] = [...at, "matches", k, "method"];
    // "One or both of 'service' or 'method' must be specified" (rule guarded by has(self.type); type defaults to Exact)
    if (!has(method, "service") && !has(method, "method")) out.push({ path: where, message: "One or both of 'service' or 'method' must be specified" });
    const exact = (method.type ?? "Exact") === "Exact";
    if (exact && typeof method.service === "string" && !GRPC_SERVICE.test(method.service)) out.push({ path: [...where, "service"], message: `service must only contain valid characters (matching ^(?i)${GRPC_SERVICE.source.slice(1)})` });
    if (exact && typeof method.method === "string" && !GRPC_METHOD.test(method.method)) out.push({ path: [...where, "method"], message: `method must only contain valid characters (matching ${GRPC_METHOD.source})` });
  });
  return out;
}

const RFC1123 = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$/;
const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;

/** TLSRouteSpec.hostnames: no IPs, RFC 1123, a wildcard only as the first label. */
function tlsHostnameRules(spec: Any): RuleError[] {
  const out: RuleError[] = [];
  list(spec?.hostnames).forEach((h: Any, i) => {
    if (typeof h !== "string") return;
    const at: PathSegment[] = ["spec", "hostnames", i];
    if (IPV4.test(h) || h.includes(":")) out.push({ path: at, message: "Hostnames cannot contain an IP" });
    else if (!h.includes("*") && !RFC1123.test(h)) out.push({ path: at, message: "Hostnames must be valid based on RFC-1123" });
    else if (h.includes("*") && !(h.startsWith("*.") && RFC1123.test(h.slice(2)))) out.push({ path: at, message: "Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123" });
  });
  return out;
}
