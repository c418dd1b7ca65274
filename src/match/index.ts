/**
 * The matching engine: a request → the Outcome a conformant Gateway API implementation would give,
 * with a trace of every decision (DESIGN.md, "match"). Pure and synchronous; never throws.
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import { normalizeRequest, type NormalizedRequest } from "./normalize";
import { matchHttp } from "./http";
import { matchGRPC } from "./grpc";
import { matchTLS } from "./tls";
import { matchL4 } from "./l4";
import { matchMesh } from "./mesh";
import { bareOutcome } from "./respond";
import { Trace } from "./trace";
import { getHeader, setHeader } from "./headers";

export { grpcStatusOf } from "./grpc-status";

export interface MatchOptions {
  /** Record the trace (default true); benchmarks turn it off. */
  trace?: boolean;
}

/** Matches one request against a Model (the controller's output). */
export function match(model: Model, request: SimRequest, options?: MatchOptions): Outcome {
  const t = Trace.create(options?.trace !== false);
  let req: NormalizedRequest | null = null;
  try {
    req = prepare(request, t);
    if (request?.mesh) return matchMesh(model, request, req, t);
    if (req.protocol === "HTTP" || req.protocol === "HTTPS") return matchHttp(model, request, req, t);
    if (req.protocol === "GRPC") return matchGRPC(model, request, req, t);
    if (req.protocol === "TLS") return matchTLS(model, request, req, t);
    if (req.protocol === "TCP" || req.protocol === "UDP") return matchL4(model, request, req, t);
    t.add("protocol", `${req.protocol} requests are not simulated`, []);
    return unsimulated(req, t);
  } catch (e) {
    // A defect, not bad input: report it as an outcome rather than break the caller.
    t.add("error", `internal error while matching: ${e instanceof Error ? e.message : String(e)}`, []);
    return unsimulated(req ?? normalizeRequest({ request: {} }), t);
  }
}

/** An Outcome with status 0: no HTTP answer can be predicted (see the trace). */
function unsimulated(req: NormalizedRequest, t: Trace): Outcome {
  return bareOutcome(req, 0, null, t);
}

/**
 * Normalizes the request and notes what the simulator does not model. A gRPC call is an HTTP/2 POST
 * to `/{service}/{method}` (gRPC over HTTP/2 spec), which is how HTTPRoutes see it.
 */
function prepare(sim: SimRequest, t: Trace): NormalizedRequest {
  const req = normalizeRequest(sim ?? { request: {} });
  const r = sim?.request ?? {};
  if (req.protocol === "GRPC") {
    if (r.grpc && (r.grpc.service || r.grpc.method)) req.path = `/${r.grpc.service ?? ""}/${r.grpc.method ?? ""}`;
    if (!r.method) req.method = "POST";
    if (getHeader(req.headers, "content-type") === undefined) setHeader(req.headers, "content-type", "application/grpc");
    if (t.on) t.add("protocol", `gRPC call seen as an HTTP/2 POST to ${req.path} with content-type application/grpc (gRPC over HTTP/2: ":path" is "/" service "/" method)`, []);
  }
  if (t.on) {
    if (r.websocket) t.add("protocol", "WebSocket upgrade: routing is simulated, the upgrade itself is not", []);
    if (r.http2 || r.h2cPriorKnowledge) t.add("protocol", "HTTP/2: routing is the same as HTTP/1.1; the transport is not simulated", []);
  }
  return req;
}
