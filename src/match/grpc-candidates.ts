/**
 * The candidates a GRPCRoute contributes on one listener: one per match of each rule, with the
 * GRPCRouteMatch compiled (method: service and method, Exact or RegularExpression; headers) and
 * the keys grpc-precedence.ts orders them by.
 *
 * A GrpcCandidate is also an HTTP Candidate (precedence.ts), so the Outcome is built by the same
 * code as for HTTPRoutes (respond.ts: filters, traffic split, backend policies): its `match` is the
 * HTTPRouteMatch the gRPC match stands for (gRPC is an HTTP/2 POST to `/{service}/{method}`), used
 * for header matching and to describe the match in the trace.
 */
import { nsName, refKey } from "../model/ids";
import type { RouteAttachment, RuleView } from "../model/model";
import { compileMatch } from "./predicates";
import { PATH_RANK, timestampOf, type Candidate } from "./precedence";
import { compileRegex, fullMatch, type CompiledRegex } from "./regex";
import { planRule, type RulePlan } from "./plan";
import type { CompiledFilter } from "./filters";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** A compiled GRPCMethodMatch. Empty or omitted service/method match anything (null here). */
export interface GrpcMethodMatch {
  type: "Exact" | "RegularExpression";
  service: string | null;
  method: string | null;
  serviceRx: CompiledRegex | null;
  methodRx: CompiledRegex | null;
}

/** One match of one GRPCRoute rule. */
export interface GrpcCandidate extends Candidate {
  /** The method match; null when the match has none (every service and method). */
  grpc: GrpcMethodMatch | null;
  /** GRPCRouteRule.matches precedence: "Characters in a matching service." */
  serviceLength: number;
  /** "Characters in a matching method." */
  methodLength: number;
  /** `/{service}/{method}` for an Exact match naming both (the index's exact key), else null. */
  exactPath: string | null;
  /** How the trace names the gRPC match, e.g. `method Exact catalog.v1.Catalog/Get, 1 header`. */
  describe: string;
}

/** The service and method of a gRPC call. */
export interface GrpcCall {
  service: string;
  method: string;
}

/** The call a request path `/{service}/{method}` stands for (gRPC over HTTP/2: ":path" is "/" Service-Name "/" Method-Name). */
export function callOf(path: string): GrpcCall {
  const slash = path.indexOf("/", 1);
  return slash < 0 ? { service: path.slice(1), method: "" } : { service: path.slice(1, slash), method: path.slice(slash + 1) };
}

/**
 * Whether the method match holds. GRPCMethodMatch.service: "If left empty or omitted, will match
 * any service"; .method: "If left empty or omitted, will match all services"; RegularExpression is
 * RE2 (see regex.ts), matching the whole name.
 */
export function methodMatches(g: GrpcMethodMatch | null, call: GrpcCall): boolean {
  if (g === null) return true;
  if (g.type === "Exact") return (g.service === null || g.service === call.service) && (g.method === null || g.method === call.method);
  return (g.serviceRx === null || fullMatch(g.serviceRx, call.service)) && (g.methodRx === null || fullMatch(g.methodRx, call.method));
}

/** Why the method match does not hold (for the trace), or null when it does. */
export function explainMethodMismatch(g: GrpcMethodMatch | null, call: GrpcCall): string | null {
  if (g === null || methodMatches(g, call)) return null;
  const how = g.type === "Exact" ? "" : "regular expression ";
  const serviceOk = g.type === "Exact" ? g.service === null || g.service === call.service : g.serviceRx === null || fullMatch(g.serviceRx, call.service);
  if (!serviceOk) return `service ${JSON.stringify(call.service)} does not match ${how}${JSON.stringify(g.service)}`;
  return `method ${JSON.stringify(call.method)} does not match ${how}${JSON.stringify(g.method)}`;
}

/** GRPCRouteRule.matches: "If no matches are specified, the implementation MUST match every gRPC request." */
const DEFAULT_MATCHES: unknown[] = [{}];

/** GRPCRouteFilter.type enum: the filters a GRPCRoute may use; others are ignored (and reported). */
const GRPC_FILTERS = new Set(["RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "ExtensionRef"]);

const candidateCache = new WeakMap<RuleView[], { routeRef: string; namespace: string; created: number; cands: GrpcCandidate[] }>();
const planCache = new WeakMap<RuleView, RulePlan>();

/** All candidates of the GRPCRoute behind `attachment`, in rule and match order (cached by rule views). */
export function grpcCandidatesOf(attachment: RouteAttachment): GrpcCandidate[] {
  const route = attachment.route;
  const res = route.resource;
  const routeRef = refKey({ kind: route.kind, namespace: res.namespace, name: res.name });
  const created = timestampOf(res.metadata?.creationTimestamp);
  const hit = route.rules.length > 0 ? candidateCache.get(route.rules) : undefined;
  if (hit !== undefined && hit.routeRef === routeRef && hit.namespace === res.namespace && Object.is(hit.created, created)) return hit.cands;
  const name = nsName(res);
  const out: GrpcCandidate[] = [];
  for (const rule of route.rules) {
    const plan = grpcPlan(rule);
    const m = rule.raw?.matches;
    const raws: unknown[] = Array.isArray(m) && m.length > 0 ? m : DEFAULT_MATCHES;
    for (let i = 0; i < raws.length; i++) {
      const index = raws === DEFAULT_MATCHES ? -1 : i;
      const raw: Raw = raws[i] && typeof raws[i] === "object" ? raws[i] : {};
      const { grpc, invalid } = compileMethod(raw.method);
      const match = compileMatch({ path: pathFor(grpc), headers: raw.headers }, index);
      if (invalid) match.invalid = invalid;
      const describe = describeGrpc(grpc, match.headers.length);
      out.push({
        match,
        rule,
        namespace: res.namespace,
        routeRef,
        nsName: name,
        created,
        pathRank: PATH_RANK[match.path.kind],
        pathLength: match.path.value.length,
        methodRank: 0,
        headerCount: match.headers.length,
        queryCount: 0,
        ruleIndex: rule.index,
        matchIndex: i,
        plan,
        label: undefined,
        grpc,
        serviceLength: grpc?.service?.length ?? 0,
        methodLength: grpc?.method?.length ?? 0,
        exactPath: exactPathOf(grpc, invalid),
        describe,
        matchText: index < 0 ? "no matches (GRPCRouteRule.matches: every call matches)" : `match ${index} (${describe})`,
      });
    }
  }
  if (route.rules.length > 0) candidateCache.set(route.rules, { routeRef, namespace: res.namespace, created, cands: out });
  return out;
}

/** The index key of an Exact match naming a service and a method (names never hold "/", see the CRD's patterns). */
function exactPathOf(g: GrpcMethodMatch | null, invalid: string | null): string | null {
  if (!g || invalid || g.type !== "Exact" || g.service === null || g.method === null) return null;
  if (g.service.includes("/") || g.method.includes("/")) return null;
  return `/${g.service}/${g.method}`;
}

/** Reads a GRPCMethodMatch ("Type specifies how to match against the service and/or method", default Exact). */
function compileMethod(raw: Raw): { grpc: GrpcMethodMatch | null; invalid: string | null } {
  if (!raw || typeof raw !== "object") return { grpc: null, invalid: null };
  const type = typeof raw.type === "string" && raw.type !== "" ? raw.type : "Exact";
  const service = typeof raw.service === "string" && raw.service !== "" ? raw.service : null;
  const method = typeof raw.method === "string" && raw.method !== "" ? raw.method : null;
  if (type !== "Exact" && type !== "RegularExpression") {
    return { grpc: { type: "Exact", service, method, serviceRx: null, methodRx: null }, invalid: `unsupported method match type ${JSON.stringify(type)}` };
  }
  const serviceRx = type === "RegularExpression" && service !== null ? compileRegex(service) : null;
  const methodRx = type === "RegularExpression" && method !== null ? compileRegex(method) : null;
  let invalid: string | null = null;
  if (serviceRx?.error) invalid = `service regular expression ${JSON.stringify(service)} does not compile: ${serviceRx.error}`;
  else if (methodRx?.error) invalid = `method regular expression ${JSON.stringify(method)} does not compile: ${methodRx.error}`;
  return { grpc: { type, service, method, serviceRx, methodRx }, invalid };
}

/** The HTTP path match a gRPC method match stands for (Envoy-based implementations route it this way). */
function pathFor(g: GrpcMethodMatch | null): { type: string; value: string } {
  if (g === null || (g.service === null && g.method === null)) return { type: "PathPrefix", value: "/" };
  if (g.type === "Exact") {
    if (g.service !== null && g.method !== null) return { type: "Exact", value: `/${g.service}/${g.method}` };
    if (g.service !== null) return { type: "PathPrefix", value: `/${g.service}` };
    return { type: "RegularExpression", value: `/[^/]+/${escapeRegex(g.method ?? "")}` };
  }
  return { type: "RegularExpression", value: `/${g.service ?? "[^/]+"}/${g.method ?? "[^/]+"}` };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function describeGrpc(g: GrpcMethodMatch | null, headers: number): string {
  const parts: string[] = [];
  if (g === null || (g.service === null && g.method === null)) parts.push("any service and method");
  else parts.push(`${g.type === "Exact" ? "" : "regular expression "}${g.service === null ? "any service" : `service ${g.service}`}, ${g.method === null ? "any method" : `method ${g.method}`}`);
  if (headers > 0) parts.push(`${headers} header${headers > 1 ? "s" : ""}`);
  return parts.join(", ");
}

/** The rule's plan (filters, split, backend filters), with filter types a GRPCRoute cannot use blanked out. */
function grpcPlan(rule: RuleView): RulePlan {
  let p = planCache.get(rule);
  if (p === undefined) {
    const base = planRule(rule);
    const keep = (list: CompiledFilter[]) => list.map((f) => (GRPC_FILTERS.has(f.type) ? f : { ...f, type: `${f.type || "untyped"} (not a GRPCRoute filter)` }));
    p = { ...base, filters: keep(base.filters), backendFilters: base.backendFilters.map((l) => (l ? keep(l) : null)) };
    planCache.set(rule, p);
  }
  return p;
}
