/**
 * BackendLBPolicy (gateway.networking.k8s.io/v1alpha2, experimental through v1.2) and
 * XBackendTrafficPolicy (gateway.networking.x-k8s.io/v1alpha1, its successor): Direct policies on
 * backends ("Currently, Backends … are the only valid API target references"; "a TargetRef cannot be
 * scoped to a specific port on a Service"). Status per ancestor Gateway with GEP-713 reasons:
 * Accepted, Invalid (the spec breaks a CRD rule), TargetNotFound, Conflicted (another policy of the
 * same kind on the same Service is older, or first by namespace/name).
 * XBackendTrafficPolicy.retryConstraint defaults: budget {percent 20, interval 10s}, minRetryRate
 * {count 10, interval 1s}; budget.interval "cannot be greater than one hour or less than one second",
 * minRetryRate.interval "cannot be greater than one hour" (nor zero).
 */
import type { Resource } from "../model/resource";
import type { PathSegment } from "../model/source";
import type { RetryConstraintView } from "../model/model";
import { cond } from "../model/status";
import { type Ctx, isRecord } from "./context";
import { readSessionPersistence } from "./session-persistence";
import { acceptedOf, lostMessage, reportTargets } from "./backend-tls-policy";
import { type ResolvedTarget, ancestorsOf, readTargetRefs, relateTargets, resolveServiceTarget, setPolicyStatus, targetRefsProblem, targetViews, winners } from "./policy-attachment";

/** A GEP-2257 duration in milliseconds, or null when it is not one. */
export function durationMs(text: string): number | null {
  if (!/^([0-9]{1,5}(h|m|s|ms)){1,4}$/.test(text)) return null;
  let ms = 0;
  for (const m of text.matchAll(/([0-9]+)(ms|h|m|s)/g)) ms += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as "h" | "m" | "s" | "ms"];
  return ms;
}

/** Read retryConstraint with defaults; problems as [path, message]. */
export function readRetryConstraint(raw: unknown): { view: RetryConstraintView | null; problems: [PathSegment[], string][] } {
  const problems: [PathSegment[], string][] = [];
  if (raw === undefined || raw === null) return { view: null, problems };
  const rc = isRecord(raw) ? raw : {};
  const budget = isRecord(rc.budget) ? rc.budget : {};
  const min = isRecord(rc.minRetryRate) ? rc.minRetryRate : {};
  const view: RetryConstraintView = {
    budgetPercent: budget.percent === undefined ? 20 : Number(budget.percent),
    budgetInterval: typeof budget.interval === "string" ? budget.interval : "10s",
    minRetryCount: min.count === undefined ? 10 : Number(min.count),
    minRetryInterval: typeof min.interval === "string" ? min.interval : "1s",
  };
  if (!Number.isInteger(view.budgetPercent) || view.budgetPercent < 0 || view.budgetPercent > 100) problems.push([["budget", "percent"], "budget.percent must be an integer from 0 to 100"]);
  const bi = durationMs(view.budgetInterval);
  if (bi === null || bi < 1000 || bi > 3_600_000) problems.push([["budget", "interval"], "budget.interval cannot be greater than one hour or less than one second"]);
  if (!Number.isInteger(view.minRetryCount) || view.minRetryCount < 1 || view.minRetryCount > 1_000_000) problems.push([["minRetryRate", "count"], "minRetryRate.count must be an integer from 1 to 1000000"]);
  const mi = durationMs(view.minRetryInterval);
  if (mi === null || mi === 0 || mi > 3_600_000) problems.push([["minRetryRate", "interval"], "minRetryRate.interval cannot be zero or greater than one hour"]);
  return { view, problems };
}

interface Read {
  policy: Resource;
  targets: ResolvedTarget[];
  invalid: string | null;
}

/** Read one policy: its targets (no sections) and what makes it Invalid. */
function readPolicy(ctx: Ctx, policy: Resource): Read & { sp: ReturnType<typeof readSessionPersistence>["view"]; rc: RetryConstraintView | null } {
  const who = `${policy.kind} ${policy.namespace}/${policy.name}`;
  const problems: string[] = [];
  const fail = (path: PathSegment[], message: string): void => {
    problems.push(message);
    ctx.report(policy, path, "error", "Invalid", `${who}: ${message}`);
  };
  const refs = readTargetRefs(policy).map((t) => {
    if (!t.sectionName) return t;
    ctx.report(policy, [...t.path, "sectionName"], "warning", "schema", `${who}: a targetRef of ${policy.kind} cannot name a sectionName (it targets the whole Service); ignored`);
    return { ...t, sectionName: undefined };
  });
  const distinct = targetRefsProblem(refs, false);
  if (distinct) fail(["spec", "targetRefs"], distinct);
  const sp = readSessionPersistence(policy.spec?.sessionPersistence);
  for (const p of sp.problems) fail(["spec", "sessionPersistence", ...p.path], p.message);
  const rc = policy.kind === "XBackendTrafficPolicy" ? readRetryConstraint(policy.spec?.retryConstraint) : { view: null, problems: [] };
  for (const [path, message] of rc.problems) fail(["spec", "retryConstraint", ...path], message);
  return { policy, targets: refs.map((t) => resolveServiceTarget(ctx, t)), invalid: problems.length ? problems.join("; ") : null, sp: sp.view, rc: rc.view };
}

/** Rule: status and view of every BackendLBPolicy and XBackendTrafficPolicy. */
export function runBackendTrafficPolicies(ctx: Ctx): void {
  if (ctx.trafficPolicies.length === 0) return;
  const read = ctx.trafficPolicies.map((p) => readPolicy(ctx, p));
  // GEP-713 conflicts are between policies of one kind; Invalid ones do not contend.
  const won = new Map<string, ReturnType<typeof winners>>();
  for (const kind of ["BackendLBPolicy", "XBackendTrafficPolicy"]) won.set(kind, winners(read.filter((r) => r.policy.kind === kind && !r.invalid)));
  for (const r of read) {
    const { policy, targets } = r;
    const views = targetViews(ctx, policy, targets, won.get(policy.kind) ?? new Map());
    relateTargets(ctx, policy, targets, views);
    reportTargets(ctx, policy, targets);
    const lost = lostMessage(views);
    const accepted = acceptedOf(r.invalid ? cond("Accepted", false, "Invalid", r.invalid) : null, targets, lost);
    if (accepted.reason === "Conflicted") ctx.report(policy, ["spec", "targetRefs"], "warning", "Conflicted", `${policy.kind} ${policy.namespace}/${policy.name}: ${lost}`);
    const ancestors = ancestorsOf(ctx, targets);
    setPolicyStatus(ctx, policy, [accepted], ancestors);
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
      ...(r.sp ? { sessionPersistence: r.sp } : {}),
      ...(r.rc ? { retryConstraint: r.rc } : {}),
    });
  }
}
