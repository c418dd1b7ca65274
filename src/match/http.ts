/**
 * HTTP, HTTPS and gRPC-over-h2c requests to a Gateway: the Gateway, its listener, the winning
 * HTTPRoute rule, then the Outcome.
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import { indexModel } from "./compile";
import type { NormalizedRequest } from "./normalize";
import { selectListener } from "./listener";
import { conflictsOf, httpWinner } from "./grpc-kinds";
import { bareOutcome, respond } from "./respond";
import { listenerRef, type Trace } from "./trace";
import { policyIndex } from "./policy-effects";
import { frontendTLS } from "./frontend-tls";

/** `ns/name` of the request's Gateway ("name" alone means namespace "default", as kubectl does). */
export function gatewayKey(gateway: string): string {
  return gateway.includes("/") ? gateway : `default/${gateway}`;
}

/** Matches a normalized HTTP-family request against the Model. */
export function matchHttp(model: Model, sim: SimRequest, req: NormalizedRequest, t: Trace): Outcome {
  const idx = indexModel(model);
  const key = gatewayKey(typeof sim.gateway === "string" ? sim.gateway : "");
  const gi = idx.gateways.get(key);
  if (!gi) {
    if (t.on) {
      const known = [...idx.gateways.keys()];
      t.add("gateway", `no Gateway ${key} in the configuration${known.length ? ` (Gateways: ${known.slice(0, 10).join(", ")}${known.length > 10 ? ", …" : ""})` : ""}: 404`, [`Gateway/${key}`]);
    }
    return bareOutcome(req, 404, null, t);
  }
  if (t.on) t.add("gateway", `request to Gateway ${key} on port ${req.port} (${req.protocol})`, [`Gateway/${key}`]);
  const choice = selectListener(gi, req, t);
  const li = choice.listener;
  if (!li) {
    const out = bareOutcome(req, choice.statusCode ?? 404, choice.answeredBy?.id ?? null, t);
    if (choice.connectionError) out.connectionError = choice.connectionError;
    return out;
  }
  if (req.protocol === "HTTPS") {
    // Gateway.spec.tls.frontend: a listener that requires client certificates refuses the handshake without one.
    const refused = frontendTLS(model, li.view, sim.request?.clientCertificate, t);
    if (refused) {
      const out = bareOutcome(req, 404, li.id, t);
      out.connectionError = refused;
      return out;
    }
  }
  // GRPCRoute.spec.hostnames: of an HTTPRoute and a GRPCRoute sharing hostnames only the older is accepted (grpc-kinds.ts).
  const winner = httpWinner(li, req, conflictsOf(li), t);
  if (!winner) {
    // HTTPRouteRule.matches: "When no rules matching a request have been successfully attached to the
    // parent a request is coming from, a HTTP 404 status code MUST be returned."
    if (t.on) t.add("rule", `no rule of the ${li.routes.length} route(s) attached to listener ${li.view.name} matches: 404`, [listenerRef(li.id)]);
    return bareOutcome(req, 404, li.id, t);
  }
  const c = winner.candidate;
  if (t.on) noteRuleFeatures(c.rule.raw, c.routeRef, t);
  return respond({ gateway: gi.view, listener: li.view, mirrorRelations: idx.mirrors, policies: policyIndex(model) }, winner, req, sim.request?.backendResponseHeaders, t);
}

/** Rule fields that change what happens at run time but not where the request goes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function noteRuleFeatures(raw: any, routeRef: string, t: Trace): void {
  if (!raw || typeof raw !== "object") return;
  if (raw.timeouts) t.add("rule", `the rule's timeouts (${JSON.stringify(raw.timeouts)}) are not simulated: the answer assumes the backend replies in time`, [routeRef]);
  if (raw.retry) t.add("rule", `the rule's retry policy (${JSON.stringify(raw.retry)}) is not simulated: the answer assumes the backend succeeds`, [routeRef]);
}
