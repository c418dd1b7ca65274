/**
 * gRPC calls to a Gateway: the listener (port and Host, or SNI for gRPC over TLS), then the
 * GRPCRoute rule that takes the call (grpc-index.ts, precedence in grpc-precedence.ts), else an
 * HTTPRoute that matches the HTTP/2 POST to `/{service}/{method}` when the hostname belongs to
 * HTTPRoutes (grpc-kinds.ts), then the Outcome with its gRPC status.
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import { indexModel, type ListenerIndex } from "./compile";
import type { NormalizedRequest } from "./normalize";
import { nameOf, selectListener } from "./listener";
import { bareOutcome, respond, type Landing } from "./respond";
import { listenerRef, type Trace } from "./trace";
import { gatewayKey, noteRuleFeatures } from "./http";
import { policyIndex } from "./policy-effects";
import { frontendTLS } from "./frontend-tls";
import { callOf } from "./grpc-candidates";
import { findGrpcWinner, grpcIndexOf } from "./grpc-index";
import { conflictsOf, httpWinner, noteKindConflicts } from "./grpc-kinds";
import { explainGrpc } from "./grpc-explain";
import { grpcStatusOf } from "./grpc-status";

/** Matches a gRPC call (request protocol GRPC). */
export function matchGRPC(model: Model, sim: SimRequest, req: NormalizedRequest, t: Trace): Outcome {
  const idx = indexModel(model);
  const key = gatewayKey(typeof sim.gateway === "string" ? sim.gateway : "");
  const gi = idx.gateways.get(key);
  if (!gi) {
    if (t.on) t.add("gateway", `no Gateway ${key} in the configuration: 404 (gRPC status Unimplemented)`, [`Gateway/${key}`]);
    return withStatus(bareOutcome(req, 404, null, t));
  }
  // gRPC runs over HTTP/2: cleartext (h2c) on HTTP listeners, or over TLS on HTTPS listeners.
  const onPort = gi.ports.get(req.port);
  const overTls = onPort !== undefined && !onPort.some((l) => l.view.protocol === "HTTP") && onPort.some((l) => l.view.protocol === "HTTPS");
  if (t.on) t.add("gateway", `gRPC call ${req.path.slice(1)} to Gateway ${key} on port ${req.port}${overTls ? " over TLS (the port has HTTPS listeners only)" : " (cleartext HTTP/2)"}`, [`Gateway/${key}`]);
  const choice = selectListener(gi, overTls ? { ...req, protocol: "HTTPS" } : req, t);
  const li = choice.listener;
  if (!li) {
    const out = bareOutcome(req, choice.statusCode ?? 404, choice.answeredBy?.id ?? null, t);
    if (choice.connectionError) out.connectionError = choice.connectionError;
    return withStatus(out);
  }
  if (overTls) {
    const refused = frontendTLS(model, li.view, sim.request?.clientCertificate, t);
    if (refused) {
      const out = bareOutcome(req, 404, li.id, t);
      out.connectionError = refused;
      return withStatus(out);
    }
  }
  const landing: Landing = { gateway: gi.view, listener: li.view, mirrorRelations: idx.mirrors, policies: policyIndex(model) };
  return matchGrpcOnListener(li, landing, req, sim.request?.backendResponseHeaders, t);
}

/**
 * A gRPC call on the listener it reached: GRPCRoutes first, then HTTPRoutes for hostnames that
 * belong to them. Exported for every frontend that lands gRPC calls on a listener index.
 */
export function matchGrpcOnListener(li: ListenerIndex, landing: Landing, req: NormalizedRequest, backendResponse: Record<string, string> | undefined, t: Trace): Outcome {
  const call = callOf(req.path);
  const g = grpcIndexOf(li);
  const conflicts = conflictsOf(li);
  const gw = g.routes.length > 0 ? findGrpcWinner(g, req, call) : null;
  if (t.on && g.routes.length > 0) {
    if (conflicts.rejected.size > 0) noteKindConflicts(li, conflicts, req.host, t, "GRPCRoute");
    explainGrpc(g, conflicts, req, call, gw, t);
  }
  if (gw) {
    const c = gw.candidate;
    if (t.on) noteRuleFeatures(c.rule.raw, c.routeRef, t);
    const out = respond(landing, gw, req, backendResponse, t);
    out.grpcStatus = grpcRouteStatus(out, c.routeRef, t);
    return out;
  }
  const hw = li.httpRoutes > 0 ? httpWinner(li, req, conflicts, t) : null;
  if (hw) {
    if (t.on) t.add("rule", `no GRPCRoute takes the call; ${hw.candidate.routeRef} matches it as an HTTP/2 POST to ${req.path} (HTTPRoutes see gRPC calls as plain HTTP/2 requests)`, [hw.candidate.routeRef, listenerRef(li.id)]);
    return withStatus(respond(landing, hw, req, backendResponse, t));
  }
  // Gateway.spec.listeners: "the request MUST be rejected [...] gRPC returns an Unimplemented status code".
  if (t.on) t.add("rule", `no rule of the ${li.routes.length} route(s) attached to listener ${nameOf(li)} takes call ${call.service}/${call.method}: 404, gRPC status Unimplemented`, [listenerRef(li.id)]);
  return withStatus(bareOutcome(req, 404, li.id, t));
}

/** The gRPC status for the HTTP status the gateway answers with. */
function withStatus(out: Outcome): Outcome {
  out.grpcStatus = grpcStatusOf(out.statusCode);
  return out;
}

/**
 * The gRPC status of a call a GRPCRoute rule took. GRPCRouteRule.backendRefs: "If *all* entries in
 * BackendRefs are invalid, and there are also no filters specified in this route rule, *all*
 * traffic which matches this rule MUST receive an `UNAVAILABLE` status"; "When a GRPCBackendRef is
 * invalid, `UNAVAILABLE` statuses MUST be returned for requests that would have otherwise been
 * routed to an invalid backend."
 */
function grpcRouteStatus(out: Outcome, routeRef: string, t: Trace): string {
  if (out.statusCode === 500) {
    if (t.on) t.add("backend", "gRPC clients get status UNAVAILABLE for the calls no valid backend can take (GRPCRouteRule.backendRefs)", [routeRef]);
    return "Unavailable";
  }
  if (t.on && out.statusCode === 200 && out.backends.some((b) => b.invalid !== undefined && b.probability > 0)) {
    const lost = out.backends.reduce((s, b) => s + (b.invalid !== undefined ? b.probability : 0), 0);
    t.add("backend", `${Math.round(lost * 10000) / 100}% of calls would go to invalid backends: they get UNAVAILABLE (GRPCRouteRule.backendRefs), the others OK`, [routeRef]);
  }
  return grpcStatusOf(out.statusCode);
}
