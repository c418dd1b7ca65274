/**
 * Traffic split of a rule's backendRefs. HTTPBackendRef.weight: "This is computed as
 * weight/(sum of all weights in this BackendRefs list) [...] If weight is set to 0, no traffic
 * should be forwarded for this entry. If unspecified, weight defaults to 1."
 * HTTPRouteRule.backendRefs: "When a HTTPBackendRef is invalid, 500 status codes MUST be returned
 * for requests that would have otherwise been routed to an invalid backend. If multiple backends
 * are specified, and some are invalid, the proportion of requests that would otherwise have been
 * routed to an invalid backend MUST receive a 500 status code."
 */
import type { BackendView } from "../model/model";
import type { OutcomeBackend } from "../model/outcome";

export interface Split {
  backends: OutcomeBackend[];
  /** The views, index-aligned with `backends`. */
  views: BackendView[];
  /** `ns/name` of each backend (the Outcome's `backend`), index-aligned. */
  keys: string[];
  /** `Kind/ns/name` of each backend (trace refs), index-aligned. */
  refs: string[];
  /** Indexes of backends with a non-zero share. */
  receivers: number[];
  /** Share of requests that reach a valid backend (0–1). */
  validShare: number;
  /** Why no request can be forwarded, else null. */
  failure: string | null;
}

/** Splits traffic among the backends of a rule (order kept). */
export function splitTraffic(views: BackendView[]): Split {
  const backends: OutcomeBackend[] = [];
  const receivers: number[] = [];
  const keys = views.map((b) => `${b.namespace}/${b.name}`);
  const refs = views.map((b, i) => `${b.kind || "Service"}/${keys[i]}`);
  if (views.length === 0) {
    return { backends, views, keys, refs, receivers, validShare: 0, failure: "the rule has no backendRefs" };
  }
  let total = 0;
  for (const b of views) total += weightOf(b);
  let validShare = 0;
  for (let i = 0; i < views.length; i++) {
    const b = views[i];
    const w = weightOf(b);
    const probability = total > 0 ? w / total : 0;
    const ob: OutcomeBackend = { namespace: b.namespace, name: b.name, port: b.port, weight: w, probability };
    if (b.kind && b.kind !== "Service") ob.kind = b.kind;
    if (!b.valid) ob.invalid = b.reason ?? "invalid";
    backends.push(ob);
    if (probability > 0) {
      receivers.push(i);
      if (b.valid) validShare += probability;
    }
  }
  let failure: string | null = null;
  if (total === 0) failure = "every backendRef has weight 0, so no request can be forwarded";
  else if (validShare === 0) failure = receivers.length === 1 ? "the only backend that receives traffic is invalid" : "every backend that receives traffic is invalid";
  return { backends, views, keys, refs, receivers, validShare, failure };
}

function weightOf(b: BackendView): number {
  const w = typeof b.weight === "number" && Number.isFinite(b.weight) ? b.weight : 1;
  return w > 0 ? w : 0;
}
