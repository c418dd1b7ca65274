/**
 * BackendTLSPolicy status, per ancestor Gateway (the Gateways whose attached routes send traffic to
 * a targeted Service). BackendTLSPolicy.spec.targetRefs: "When more than one BackendTLSPolicy
 * selects the same target and sectionName … The older policy by creation timestamp takes
 * precedence … then … alphabetical order by {namespace}/{name}"; the others are
 * Accepted=False/Conflicted. validation.caCertificateRefs: missing or without `ca.crt` →
 * ResolvedRefs=False/InvalidCACertificateRef; unsupported kind → InvalidKind; "If ALL
 * CACertificateRefs are invalid … Accepted … False, with a Reason NoValidCACertificate";
 * wellKnownCACertificates other than "System" → Accepted=False/Invalid.
 */
import type { Resource } from "../model/resource";
import type { ParentStatus } from "../model/status";
import { cond, type Condition } from "../model/status";
import { type Ctx, arr, generationOf, isRecord, str } from "./context";
import { readRef } from "./refs";
import { caConfigMapProblem } from "./secrets";
import { stamped, relation } from "./shared";

/** `Service/ns/name[#section]` → policies targeting it, in precedence order. */
function targetsOf(policy: Resource): string[] {
  const out: string[] = [];
  for (const t of arr(policy.spec?.targetRefs)) {
    if (!isRecord(t) || str(t.kind) !== "Service" || (t.group !== undefined && t.group !== "" && t.group !== "core")) continue;
    out.push(`Service/${policy.namespace}/${str(t.name)}${t.sectionName ? `#${str(t.sectionName)}` : ""}`);
  }
  return out;
}

/** Older first, then namespace/name (the spec's precedence). */
function precedes(a: Resource, b: Resource): number {
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Conditions of one policy, before conflicts. */
export function policyConditions(ctx: Ctx, policy: Resource): { accepted: Condition; resolved: Condition } {
  const validation = isRecord(policy.spec?.validation) ? policy.spec.validation : {};
  const refs = arr(validation.caCertificateRefs);
  const wellKnown = str(validation.wellKnownCACertificates);
  let problem: { reason: string; message: string; index: number } | null = null;
  let valid = 0;
  refs.forEach((raw, index) => {
    // Cross-namespace CA references are not allowed for BackendTLSPolicy: the local namespace is used.
    const ref = readRef(raw, { group: "", kind: "ConfigMap", namespace: policy.namespace });
    let reason = "";
    let message = "";
    if (ref.group !== "" || ref.kind !== "ConfigMap") {
      reason = "InvalidKind";
      message = `caCertificateRef kind ${ref.group ? ref.group + "/" : ""}${ref.kind} is not supported (core ConfigMap)`;
    } else {
      const cm = ctx.get("", "ConfigMap", policy.namespace, ref.name);
      const p = cm ? caConfigMapProblem(cm) : `ConfigMap ${policy.namespace}/${ref.name} not found`;
      if (p) {
        reason = "InvalidCACertificateRef";
        message = p;
      }
    }
    if (reason) {
      problem ??= { reason, message, index };
      ctx.report(policy, ["spec", "validation", "caCertificateRefs", index], "error", reason, `BackendTLSPolicy ${policy.namespace}/${policy.name}: ${message}`);
    } else valid++;
    ctx.relate(relation("caCertificateRef", ctx.key(policy), `ConfigMap/${ref.namespace}/${ref.name}`, !reason, ["spec", "validation", "caCertificateRefs", index], reason || undefined));
  });
  const p = problem as { reason: string; message: string } | null;
  const resolved = p ? cond("ResolvedRefs", false, p.reason, p.message) : cond("ResolvedRefs", true, "ResolvedRefs", "all references resolved");
  let accepted = cond("Accepted", true, "Accepted", "policy is accepted");
  if (refs.length > 0 && valid === 0) accepted = cond("Accepted", false, "NoValidCACertificate", "no valid CA certificate");
  else if (refs.length === 0 && wellKnown !== "System") accepted = cond("Accepted", false, "Invalid", wellKnown ? `wellKnownCACertificates ${wellKnown} is not supported` : "neither caCertificateRefs nor wellKnownCACertificates is set");
  if (accepted.status === "False" && accepted.reason === "Invalid") ctx.report(policy, ["spec", "validation"], "error", "Invalid", `BackendTLSPolicy ${policy.namespace}/${policy.name}: ${accepted.message}`);
  return { accepted, resolved };
}

/** Gateways whose accepted routes reach each Service (`Service/ns/name` → Gateway keys). */
function serviceAncestors(ctx: Ctx): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const rs of ctx.routes) {
    const gateways: string[] = [];
    for (const p of rs.view.parents) if (p.accepted && p.kind === "Gateway") gateways.push(`${p.namespace}/${p.name}`);
    if (gateways.length === 0) continue;
    for (const rule of rs.view.rules) {
      for (const b of rule.backends) {
        if (!b.valid || b.kind !== "Service") continue;
        const key = `Service/${b.namespace}/${b.name}`;
        let set = out.get(key);
        if (!set) out.set(key, (set = new Set()));
        for (const g of gateways) set.add(g);
      }
    }
  }
  return out;
}

/** Rule: status of every BackendTLSPolicy (only when the input has any). */
export function runBackendTLSPolicies(ctx: Ctx): void {
  if (ctx.backendTLSPolicies.length === 0) return;
  const byTarget = new Map<string, Resource[]>();
  for (const p of ctx.backendTLSPolicies) {
    for (const t of targetsOf(p)) {
      const list = byTarget.get(t);
      if (list) list.push(p);
      else byTarget.set(t, [p]);
    }
  }
  const losers = new Map<Resource, string>();
  for (const [target, list] of byTarget) {
    if (list.length < 2) continue;
    list.sort(precedes);
    for (const p of list.slice(1)) if (!losers.has(p)) losers.set(p, `${list[0].namespace}/${list[0].name} takes precedence for ${target.replace("#", " section ")}`);
  }
  const ancestors = serviceAncestors(ctx);
  for (const policy of ctx.backendTLSPolicies) {
    const gen = generationOf(policy);
    const conds = policyConditions(ctx, policy);
    let accepted = conds.accepted;
    const lost = losers.get(policy);
    if (lost && accepted.status === "True") {
      accepted = cond("Accepted", false, "Conflicted", lost);
      ctx.report(policy, ["spec", "targetRefs"], "warning", "Conflicted", `BackendTLSPolicy ${policy.namespace}/${policy.name}: ${lost}`);
    }
    const gateways = new Set<string>();
    for (const t of targetsOf(policy)) {
      const svc = t.split("#")[0];
      for (const g of ancestors.get(svc) ?? []) gateways.add(g);
      const target = ctx.get("", "Service", policy.namespace, svc.slice(svc.lastIndexOf("/") + 1));
      ctx.relate(relation("targetRef", ctx.key(policy), svc, !!target, ["spec", "targetRefs"], target ? undefined : "TargetNotFound"));
    }
    const conditions = [stamped(accepted, gen), stamped(conds.resolved, gen)];
    const list: ParentStatus[] = [...gateways].sort().map((g) => ({ parentRef: g, parentKind: "Gateway", conditions }));
    ctx.status.set(ctx.key(policy), { kind: policy.kind, namespace: policy.namespace, name: policy.name, conditions: [], ancestors: list });
  }
}
