/**
 * TCPRoutes, TLSRoutes and UDPRoutes bound to a Service port (GEP-1294 "Route types": "All types
 * currently defined in the gateway-api core (HTTP, GRPC, TCP, TLS, and UDP) are available for use
 * in a Mesh implementation"). The Gateway's stream matcher decides (l4-routes.ts, l4-forward.ts):
 * the oldest route takes the connection and splits it over its backends. Hostnames play no part
 * (GEP-1294 "hostnames field": "GAMMA implementations SHOULD NOT infer any functionality from the
 * hostnames field on xRoutes (currently, TLSRoute, HTTPRoute, and GRPCRoute have this field)"), so
 * a TLSRoute is not chosen by SNI here.
 */
import type { Outcome } from "../model/outcome";
import type { NormalizedRequest } from "./normalize";
import { explainStreamLosers, oldestRoute, streamRoutesOf } from "./l4-routes";
import { forward, refused, TCP_STREAM, UDP_STREAM } from "./l4-forward";
import { listenerIndexOf, type MeshRouteSet, type MeshService } from "./mesh-index";
import type { Trace } from "./trace";

/** Whether a request of `protocol` is a stream the route kind takes (else the caller says it is not simulated). */
export function streamTakes(kind: string, protocol: string): boolean {
  if (kind === "UDPRoute") return protocol === "UDP";
  // A TLSRoute routes TLS sessions; a TCPRoute any TCP connection, whatever it carries.
  if (kind === "TLSRoute") return protocol === "TLS" || protocol === "HTTPS";
  return kind === "TCPRoute" && protocol !== "UDP";
}

/** A connection (or datagrams) to a Service port taken by stream routes. */
export function meshStream(set: MeshRouteSet, svc: MeshService, req: NormalizedRequest, t: Trace): Outcome {
  const kind = set.kind ?? "TCPRoute";
  const k = kind === "UDPRoute" ? UDP_STREAM : TCP_STREAM;
  const li = listenerIndexOf(set);
  const routes = streamRoutesOf(li, kind);
  const won = oldestRoute(routes);
  if (t.on) explainStreamLosers(routes, won, null, t);
  if (!won) return refused(req, null, `no ${kind} bound to Service ${svc.key} port ${li.view.port} takes the ${k.unit}`, t, [svc.frontend.ref]);
  // The mesh proxy forwards the bytes as they come: no TLS of its own, no gateway-side backend policy.
  return forward({ listener: li, gatewayKey: "", tls: null, policies: null }, won, req, k, t);
}
