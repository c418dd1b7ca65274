/**
 * Mesh matching entry point (seam for issue 4; replaced by the real matcher).
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import type { NormalizedRequest } from "./normalize";
import { bareOutcome } from "./respond";
import type { Trace } from "./trace";

/** Matches a Mesh request. Until implemented: status 0 with a trace step saying so. */
export function matchMesh(_model: Model, _sim: SimRequest, req: NormalizedRequest, t: Trace): Outcome {
  t.add("protocol", "mesh (GAMMA) requests are not simulated yet", []);
  return bareOutcome(req, 0, null, t);
}
