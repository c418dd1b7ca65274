/**
 * backendRefs and RequestMirror targets → BackendView and the route's ResolvedRefs condition.
 * RouteConditionReason: "InvalidKind" (unsupported group/kind), "RefNotPermitted" (cross-namespace
 * without a ReferenceGrant), "BackendNotFound" (the Service does not exist). HTTPRoute rules:
 * "When a HTTPBackendRef is invalid, 500 status codes MUST be returned for requests that would have
 * otherwise been routed to an invalid backend" — so invalid backends stay in the view, marked.
 *
 * When the input holds no Service at all (routes pasted alone), Service backends are assumed to
 * exist and an assumption is recorded: reporting every backend as BackendNotFound would bury the
 * real problems. As soon as one Service is present, a missing one is BackendNotFound, as the spec
 * and the conformance suite (whose inputs always include Services) require.
 */
import type { BackendView } from "../model/model";
import type { PathSegment } from "../model/source";
import { cond } from "../model/status";
import { type Ctx, type RouteState, arr, isRecord } from "./context";
import { readRef, relateGrant, resolveRef } from "./refs";
import { ROUTE_RESOLVED, backendRefPath, sized, relation } from "./shared";
import { isMeshOnlyRoute } from "./mesh-parents";

/** Core support is a Kubernetes Service; other kinds are implementation-specific and not simulated. */
const isService = (group: string, kind: string): boolean => group === "" && kind === "Service";

/**
 * Resolve one backendRef (or mirror backendRef) of a route into a view. `meshOnly`: the route's
 * parents are all Services, so cross-namespace references need no ReferenceGrant (GEP-1294).
 */
export function resolveBackend(ctx: Ctx, rs: RouteState, raw: unknown, path: PathSegment[], type: "backendRef" | "mirror", meshOnly = false): BackendView {
  const from = rs.res;
  const ref = readRef(raw, { group: "", kind: "Service", namespace: from.namespace });
  const o = isRecord(raw) ? raw : {};
  const port = typeof o.port === "number" ? o.port : null;
  // BackendRef.weight defaults to 1; 0 means "no traffic", still a valid reference.
  const weight = typeof o.weight === "number" && o.weight >= 0 ? o.weight : 1;
  const r = resolveRef(ctx, from, ref, isService, !ctx.hasServices, meshOnly);
  let reason: string | undefined;
  let message: string | undefined;
  if (r.failure === "kind") {
    reason = "InvalidKind";
    message = `${ref.group ? ref.group + "/" : ""}${ref.kind} is not a supported backend kind (core Service)`;
  } else if (r.failure === "notPermitted") {
    reason = "RefNotPermitted";
    message = `${ref.kind} ${ref.namespace}/${ref.name} is in another namespace and no ReferenceGrant in ${ref.namespace} allows ${from.kind}s from ${from.namespace}`;
  } else if (r.failure === "notFound") {
    reason = "BackendNotFound";
    message = `Service ${ref.namespace}/${ref.name} not found`;
  } else if (port === null) {
    // CEL on BackendRef: "Must have port for Service reference".
    reason = "UnsupportedValue";
    message = `backendRef to Service ${ref.namespace}/${ref.name} needs a port`;
  }
  if (!r.failure && !r.target) {
    ctx.assume("service-exists", `the input holds no Service; Service ${ref.namespace}/${ref.name} is assumed to exist`, [r.key]);
  }
  if (r.target && port !== null) checkServicePort(ctx, rs, r.target.spec, ref.namespace, ref.name, port, path);
  if (reason) {
    // Unsupported non-core kinds may well be valid for another implementation: warn, do not err.
    const severity = reason === "InvalidKind" && ref.group !== "" ? "warning" : "error";
    ctx.report(from, path, severity, reason, `${from.kind} ${from.namespace}/${from.name} ${type === "mirror" ? "mirror " : ""}backendRef: ${message}`);
  } else relateGrant(ctx, r.grant, from);
  // Complete literals (no properties added later): one allocation per object on this hot path.
  ctx.relate(relation(type, rs.view.key, r.key, !reason, path, reason, undefined, r.grant ? ctx.key(r.grant) : undefined, type === "backendRef" ? weight : undefined));
  return { group: ref.group, kind: ref.kind, namespace: ref.namespace, name: ref.name, port, weight, valid: !reason, reason, message, filters: arr(o.filters), path };
}

/** A port the Service does not expose is not a status condition, but almost always a mistake. */
function checkServicePort(ctx: Ctx, rs: RouteState, spec: unknown, ns: string, name: string, port: number, path: PathSegment[]): void {
  const ports = isRecord(spec) ? arr(spec.ports) : arr(null);
  if (ports.length === 0) return;
  for (const p of ports) if (isRecord(p) && p.port === port) return;
  ctx.report(rs.res, [...path, "port"], "warning", "port-not-found", `Service ${ns}/${name} does not expose port ${port}`);
}

/** Mirror targets of a list of filters (HTTPRequestMirrorFilter.backendRef). */
function mirrors(ctx: Ctx, rs: RouteState, filters: unknown, base: PathSegment[], meshOnly: boolean): BackendView[] {
  const out: BackendView[] = [];
  arr(filters).forEach((f, j) => {
    if (!isRecord(f) || (f as Record<string, unknown>).type !== "RequestMirror") return;
    const rm = (f as Record<string, Record<string, unknown>>).requestMirror;
    if (!isRecord(rm)) return;
    out.push(resolveBackend(ctx, rs, rm.backendRef, [...base, "filters", j, "requestMirror", "backendRef"], "mirror", meshOnly));
  });
  return out;
}

/** Resolve the backends of one route and set its route-wide ResolvedRefs condition. */
export function resolveRouteBackends(ctx: Ctx, rs: RouteState): void {
  let problems: BackendView[] | null = null;
  const meshOnly = isMeshOnlyRoute(rs.res);
  for (const rule of rs.view.rules) {
    const raw = isRecord(rule.raw) ? rule.raw : {};
    const refs = arr(raw.backendRefs);
    if (refs.length > 0) rule.backends = sized(refs.length);
    for (let j = 0; j < refs.length; j++) {
      const path = backendRefPath(rule.index, j);
      const view = resolveBackend(ctx, rs, refs[j], path, "backendRef", meshOnly);
      rule.backends[j] = view;
      if (!view.valid) (problems ??= []).push(view);
      if (view.filters.length > 0) for (const m of mirrors(ctx, rs, view.filters, path, meshOnly)) if (!m.valid) (problems ??= []).push(m);
    }
    if (Array.isArray(raw.filters) && raw.filters.length > 0) {
      const ms = mirrors(ctx, rs, raw.filters, ["spec", "rules", rule.index], meshOnly);
      if (ms.length > 0) rule.mirrors = ms;
      for (const m of ms) if (!m.valid) (problems ??= []).push(m);
    }
  }
  rs.resolved =
    problems === null
      ? ROUTE_RESOLVED
      : cond("ResolvedRefs", false, problems[0].reason ?? "BackendNotFound", problems.map((p) => p.message).join("; "));
}

/** Rule: backends of every route. */
export function runBackendRefs(ctx: Ctx): void {
  for (const rs of ctx.routes) resolveRouteBackends(ctx, rs);
}
