/**
 * Mesh (GAMMA) requests: `{mesh: {service: "ns/name", port, client: "ns/workload"}, request}` — a
 * request from a Pod of `client` to a Service's cluster IP and port (or `{pod, port}`: to a Pod IP).
 *
 * gateway-api.sigs.k8s.io/mesh, "Request Flow": "The data plane locates Routes associated with the
 * foo Service, then: a. If there are no associated Routes, the request is always allowed, and the
 * foo workload itself is considered the destination workload. b. If there are associated Routes and
 * the request matches at least one of them, the backendRefs of the highest-priority matching Route
 * are used to select the destination workload. c. If there are associated Routes, but the request
 * matches none of them, the request is rejected." Which routes are associated (producer or consumer,
 * the port, the route kind) is mesh-index.ts; matching, precedence, filters, redirects and traffic
 * splits are the Gateway's own (lookup.ts, respond.ts; GRPCRoutes: grpc.ts `matchGrpcOnListener`):
 * "multiple Routes for the same Service [...] will be combined according to the Gateway API Route
 * merging rules". TCPRoutes, TLSRoutes and UDPRoutes: the Gateway's stream matcher (mesh-stream.ts).
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import type { NormalizedRequest } from "./normalize";
import { findWinner } from "./lookup";
import { explainLosers } from "./explain";
import { noteRuleFeatures } from "./http";
import { bareOutcome, respond, type Landing } from "./respond";
import { listenerRef, type Trace } from "./trace";
import { grpcStatusOf } from "./grpc-status";
import { matchGrpcOnListener } from "./grpc";
import { policyIndex } from "./policy-effects";
import { listenerIndexOf, meshIndex, routeSet, serviceOf, type MeshAttached, type MeshRouteSet, type MeshService } from "./mesh-index";
import { frontendProblem, isHeadless, nsKey, toPod, toService } from "./mesh-answers";
import { meshStream, streamTakes } from "./mesh-stream";

/** Matches a mesh request against the Model. */
export function matchMesh(model: Model, sim: SimRequest, req: NormalizedRequest, t: Trace): Outcome {
  const target = sim.mesh && typeof sim.mesh === "object" ? sim.mesh : {};
  // The port is the Service's (or Pod's) port the client connects to.
  if (typeof target.port === "number" && target.port > 0) req.port = target.port;
  const port = req.port;
  const out = route(model, sim, target, port, req, t);
  if (req.protocol === "GRPC" && out.grpcStatus === undefined) out.grpcStatus = grpcStatusOf(out.statusCode);
  return out;
}

function route(model: Model, sim: SimRequest, target: NonNullable<SimRequest["mesh"]>, port: number, req: NormalizedRequest, t: Trace): Outcome {
  const service = typeof target.service === "string" ? target.service : "";
  if (!service) {
    if (typeof target.pod === "string" && target.pod) return toPod(model, target.pod, port, req, t);
    t.add("mesh", "the mesh request names neither a Service (mesh.service) nor a Pod (mesh.pod)", []);
    return bareOutcome(req, 0, null, t);
  }
  const idx = meshIndex(model);
  const svc = serviceOf(model, idx.services, nsKey(service));
  const client = clientNamespace(target.client);
  if (t.on) {
    const from = client === null ? "a client whose namespace is not given (mesh.client)" : `a client in namespace ${client}`;
    t.add("mesh", `request from ${from} to Service ${svc.key} port ${port} (${req.protocol}): routes are those bound to the Service it is sent to, whatever the Host header says`, [svc.frontend.ref]);
  }
  const problem = frontendProblem(svc, idx, port, req, t);
  if (problem) return problem;
  if (isHeadless(svc)) return toService(svc, port, req, t, `Service ${svc.key} is headless (clusterIP: None): its name resolves to Pod IPs, so no Service frontend and no mesh route is involved`);
  const set = routeSet(svc, client, port, req.protocol === "UDP");
  if (t.on) traceSet(svc, set, client, port, t);
  if (set.kind === null) return toService(svc, port, req, t, `no route is bound to Service ${svc.key} port ${port} for this client`);
  const start = t.steps.length;
  if (set.kind !== "HTTPRoute" && set.kind !== "GRPCRoute") {
    if (streamTakes(set.kind, req.protocol)) return asMesh(meshStream(set, svc, req, t), set, svc, t, start);
    t.add("mesh", `a ${req.protocol} request to a Service port taken by ${set.kind}s (${set.applied.map((a) => a.ref).join(", ")}): not simulated`, set.applied.map((a) => a.ref));
    return bareOutcome(req, 0, null, t);
  }
  if (req.protocol !== "HTTP" && req.protocol !== "GRPC") {
    t.add("mesh", `a ${req.protocol} connection to a Service port with ${set.kind}s: the mesh cannot read HTTP inside it; not simulated`, [svc.frontend.ref]);
    return bareOutcome(req, 0, null, t);
  }
  const li = listenerIndexOf(set);
  // Backend policies (policy-effects.ts) apply to mesh backends as to a Gateway's.
  const landing: Landing = { gateway: null, listener: set.listener, mirrorRelations: idx.mirrors, policies: policyIndex(model), frontend: svc.frontend };
  if (set.kind === "GRPCRoute") {
    // The GRPCRoute matcher of Gateway listeners (grpc.ts), on the Service port's routes.
    const out = matchGrpcOnListener(li, landing, req, sim.request?.backendResponseHeaders, t);
    if (req.protocol !== "GRPC") delete out.grpcStatus;
    return asMesh(out, set, svc, t, start);
  }
  const winner = findWinner(li, req);
  if (t.on) explainLosers(li, req, winner, t);
  if (!winner) {
    // Request Flow c.: "If there are associated Routes, but the request matches none of them, the request is rejected."
    if (t.on) t.add("rule", `no rule of the ${set.applied.length} route(s) bound to Service ${svc.key} port ${port} matches: the request is rejected (404)`, [svc.frontend.ref]);
    return asMesh(bareOutcome(req, 404, null, t), set, svc, t, start);
  }
  if (t.on) noteRuleFeatures(winner.candidate.rule.raw, winner.candidate.routeRef, t);
  return asMesh(respond(landing, winner, req, sim.request?.backendResponseHeaders, t), set, svc, t, start);
}

/**
 * The Gateway's matchers name the listener a request landed on; here it is the stand-in for the
 * Service port: the Outcome names no listener, and trace steps refer to the Service instead.
 */
function asMesh(out: Outcome, set: MeshRouteSet, svc: MeshService, t: Trace, start: number): Outcome {
  out.listener = null;
  if (t.on) {
    const stand = listenerRef(set.listener.id);
    for (let i = start; i < t.steps.length; i++) {
      const refs = t.steps[i].refs;
      const k = refs.indexOf(stand);
      if (k >= 0) t.steps[i].refs = refs.includes(svc.frontend.ref) ? refs.filter((r) => r !== stand) : refs.map((r) => (r === stand ? svc.frontend.ref : r));
    }
  }
  return out;
}

/** The client's namespace from `mesh.client` (`ns/workload`; a bare name means namespace "default"); null when absent. */
export function clientNamespace(client: unknown): string | null {
  if (typeof client !== "string" || client === "") return null;
  const slash = client.indexOf("/");
  return slash < 0 ? "default" : client.slice(0, slash);
}

/** Which routes the request meets, which it does not, and why. */
function traceSet(svc: MeshService, set: MeshRouteSet, client: string | null, port: number, t: Trace): void {
  const names = (list: MeshAttached[]) => list.map((a) => a.ref).join(", ");
  if (set.role === "consumer") {
    t.add("mesh", `consumer routes of namespace ${client} apply (GEP-1294: requests from a namespace with consumer routes use the routes of that namespace): ${names(set.applied.concat(set.ignored))}`, set.applied.map((a) => a.ref));
    if (set.elsewhere.length > 0) t.add("mesh", `the producer routes of Service ${svc.key} do not apply to this client: ${names(set.elsewhere)}`, set.elsewhere.map((a) => a.ref));
  } else {
    if (set.applied.length > 0) t.add("mesh", `producer routes of Service ${svc.key} apply to port ${port}: ${names(set.applied.concat(set.ignored))}`, set.applied.map((a) => a.ref));
    const others = set.elsewhere.filter((a) => a.route.resource.namespace !== client);
    if (others.length > 0) t.add("mesh", `consumer routes of other namespaces apply only to their own clients: ${names(others)}`, others.map((a) => a.ref));
  }
  if (set.ignored.length > 0) {
    t.add("mesh", `only one route kind applies per Service port (GEP-1294: GRPCRoute, HTTPRoute, TLSRoute, TCPRoute; first one wins): ${set.kind} routes take port ${port}, so ${names(set.ignored)} ${set.ignored.length > 1 ? "are" : "is"} ignored here`, set.ignored.map((a) => a.ref));
  }
}
