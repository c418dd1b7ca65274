/**
 * What a backend policy node shows: a one-line summary of its effect and the targets it is in force
 * for (the controller's PolicyView, GEP-713 precedence applied). Read by both graph builders through
 * `resourceNode`, so cached and reference builds agree.
 */
import type { Model, PolicyView } from "../model/model";
import { describeSessionPersistence } from "../controller/session-persistence";

const byModel = new WeakMap<Model, Map<string, PolicyView>>();

/** One line for a policy's effect. */
export function policySummary(p: PolicyView): string {
  const parts: string[] = [];
  if (p.tls) {
    const ca = p.tls.caCertificateRefs.length > 0 ? p.tls.caCertificateRefs.map((c) => c.key).join(", ") : (p.tls.wellKnownCACertificates ?? "no CA");
    parts.push(`upstream TLS: SNI ${p.tls.hostname || "(none)"}, CA ${ca}${p.tls.subjectAltNames.length ? `, SANs ${p.tls.subjectAltNames.join(", ")}` : ""}`);
  }
  if (p.sessionPersistence) parts.push(`session persistence: ${describeSessionPersistence(p.sessionPersistence)}`);
  if (p.retryConstraint) parts.push(`retry budget: ${p.retryConstraint.budgetPercent}% over ${p.retryConstraint.budgetInterval}, min ${p.retryConstraint.minRetryCount} per ${p.retryConstraint.minRetryInterval}`);
  return parts.join("; ") || "no effect configured";
}

/** Node data of a policy the controller modelled; {} for any other object. */
export function policyData(model: Model, id: string): Record<string, unknown> {
  const list = model.policies;
  if (!list || list.length === 0) return {};
  let views = byModel.get(model);
  if (!views) byModel.set(model, (views = new Map(list.map((p) => [p.key, p]))));
  const p = views.get(id);
  if (!p) return {};
  return {
    summary: policySummary(p),
    accepted: p.accepted,
    reason: p.reason,
    inForce: p.targets.filter((t) => t.inForce).map((t) => (t.sectionName ? `${t.key}#${t.sectionName}` : t.key)),
    ancestors: p.ancestors,
  };
}
