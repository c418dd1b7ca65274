/**
 * The matching engine: a request → the Outcome a conformant Gateway API implementation would give,
 * with a trace of every decision (DESIGN.md, "match"). Pure and synchronous; never throws.
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import { normalizeRequest, type NormalizedRequest } from "./normalize";
import { matchHttp } from "./http";
import { bareOutcome } from "./respond";
import { Trace } from "./trace";
import { getHeader, setHeader } from "./headers";

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
    if (request?.mesh) {
      t.add("mesh", "mesh (GAMMA) requests are not simulated yet", meshRefs(request));
      return unsimulated(req, t);
    }
    if (req.protocol === "HTTP" || req.protocol === "HTTPS" || req.protocol === "GRPC") return matchHttp(model, request, req, t);
    t.add("protocol", `${req.protocol} requests are not simulated yet (${req.protocol}Route matching is a later step)`, []);
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

function meshRefs(r: SimRequest): string[] {
  return r.mesh?.service ? [`Service/${r.mesh.service}`] : [];
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
    t.add("protocol", "gRPC request seen as an HTTP/2 POST to " + req.path + "; GRPCRoute matching is not simulated yet, only HTTPRoutes are considered", []);
  }
  if (t.on) {
    if (r.websocket) t.add("protocol", "WebSocket upgrade: routing is simulated, the upgrade itself is not", []);
    if (r.http2 || r.h2cPriorKnowledge) t.add("protocol", "HTTP/2: routing is the same as HTTP/1.1; the transport is not simulated", []);
    if (r.clientCertificate) t.add("protocol", `client certificate ${r.clientCertificate}: frontend TLS client validation is not simulated`, []);
  }
  return req;
}
