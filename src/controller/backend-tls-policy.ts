/**
 * BackendTLSPolicy status, per ancestor Gateway (the Gateways whose attached routes send traffic to
 * a targeted Service), and the policy's view for the matcher. BackendTLSPolicy.spec.targetRefs:
 * "When more than one BackendTLSPolicy selects the same target and sectionName … The older policy
 * by creation timestamp takes precedence … then … alphabetical order by {namespace}/{name}. For any
 * BackendTLSPolicy that does not take precedence … Accepted … False, with Reason Conflicted";
 * targetRefs.sectionName: "If a SectionName is specified, but does not exist on the targeted object,
 * the Policy must fail to attach" (Accepted=False/TargetNotFound, GEP-713's reason). The validation
 * block (CA references, hostname, subjectAltNames) is read in backend-tls-validation.ts.
 */
import type { Resource } from "../model/resource";
import type { PolicyView } from "../model/model";
import { cond, type Condition } from "../model/status";
import type { Ctx } from "./context";
import { readTLSValidation, type TLSValidation } from "./backend-tls-validation";
import { type ResolvedTarget, ancestorsOf, readTargetRefs, relateTargets, resolveServiceTarget, setPolicyStatus, targetRefsProblem, targetViews, winners } from "./policy-attachment";

interface Read {
  policy: Resource;
  targets: ResolvedTarget[];
  tls: TLSValidation;
  /** A CRD rule on targetRefs the policy breaks (the API server would reject it). */
  distinct: string | null;
}

/**
 * The Accepted condition once targets and precedence are known: validation problems first, then
 * targets that cannot be found, then the conflict (GEP-713 reasons Invalid, TargetNotFound, Conflicted).
 */
export function acceptedOf(rejected: Condition | null, targets: ResolvedTarget[], lost: string | null): Condition {
  if (rejected) return rejected;
  const found = targets.filter((t) => t.found);
  if (targets.length === 0) return cond("Accepted", false, "Invalid", "the policy has no targetRefs");
  if (found.length === 0) {
    const t = targets.find((x) => x.reason === "TargetNotFound") ?? targets[0];
    return cond("Accepted", false, t.reason ?? "TargetNotFound", targets.map((x) => x.message).join("; "));
  }
  if (lost) return cond("Accepted", false, "Conflicted", lost);
  return cond("Accepted", true, "Accepted", "policy is accepted");
}

/** Report targets that cannot be found or are of an unsupported kind. */
export function reportTargets(ctx: Ctx, policy: Resource, targets: ResolvedTarget[]): void {
  for (const t of targets) {
    if (t.found) continue;
    ctx.report(policy, t.path, t.reason === "Invalid" ? "warning" : "error", t.reason ?? "TargetNotFound", `${policy.kind} ${policy.namespace}/${policy.name}: ${t.message}`);
  }
}

/** "x takes precedence for Service a/b section c", for each target this policy lost; null when it lost none. */
export function lostMessage(views: PolicyView["targets"]): string | null {
  const lost = views.filter((v) => v.overriddenBy);
  if (lost.length === 0) return null;
  return lost.map((v) => `${v.overriddenBy!.slice(v.overriddenBy!.indexOf("/") + 1)} takes precedence for ${v.kind} ${v.namespace}/${v.name}${v.sectionName ? ` section ${v.sectionName}` : ""}`).join("; ");
}

/** Rule: status and view of every BackendTLSPolicy (only when the input has any). */
export function runBackendTLSPolicies(ctx: Ctx): void {
  if (ctx.backendTLSPolicies.length === 0) return;
  const read: Read[] = ctx.backendTLSPolicies.map((policy) => {
    const refs = readTargetRefs(policy);
    const distinct = targetRefsProblem(refs, true);
    if (distinct) ctx.report(policy, ["spec", "targetRefs"], "error", "Invalid", `BackendTLSPolicy ${policy.namespace}/${policy.name}: ${distinct}`);
    return { policy, targets: refs.map((t) => resolveServiceTarget(ctx, t)), tls: readTLSValidation(ctx, policy), distinct };
  });
  // Policies the API server would reject, or that nothing can apply, do not contend for a target;
  // policies without a valid CA still do ("Connections using an invalid CACertificateRef MUST fail").
  const won = winners(read.filter((r) => !r.distinct && r.tls.rejected?.reason !== "Invalid"));
  for (const { policy, targets, tls, distinct } of read) {
    const views = targetViews(ctx, policy, targets, won);
    relateTargets(ctx, policy, targets, views);
    reportTargets(ctx, policy, targets);
    const lost = lostMessage(views);
    const accepted = acceptedOf(distinct ? cond("Accepted", false, "Invalid", distinct) : tls.rejected, targets, lost);
    if (accepted.reason === "Conflicted") ctx.report(policy, ["spec", "targetRefs"], "warning", "Conflicted", `BackendTLSPolicy ${policy.namespace}/${policy.name}: ${lost}`);
    const ancestors = ancestorsOf(ctx, targets);
    setPolicyStatus(ctx, policy, [accepted, tls.resolved], ancestors);
    ctx.policyViews.push({
      key: ctx.key(policy),
      kind: policy.kind,
      group: policy.group,
      namespace: policy.namespace,
      name: policy.name,
      accepted: accepted.status === "True",
      reason: accepted.reason,
      message: accepted.message,
      created: policy.metadata.creationTimestamp ?? "",
      targets: views,
      ancestors,
      tls: tls.view,
    });
  }
}
