/**
 * gRPC matching entry point (seam for issue 4). Today a gRPC call is seen as an HTTP/2 POST to
 * `/{service}/{method}` and matched against HTTPRoutes only; GRPCRoute matching replaces this.
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import type { NormalizedRequest } from "./normalize";
import { matchHttp } from "./http";
import type { Trace } from "./trace";
import { grpcStatusOf } from "./index";

/** Matches a gRPC request (HTTPRoutes only, until GRPCRoute matching lands). */
export function matchGRPC(model: Model, sim: SimRequest, req: NormalizedRequest, t: Trace): Outcome {
  const out = matchHttp(model, sim, req, t);
  out.grpcStatus = grpcStatusOf(out.statusCode);
  return out;
}
