/**
 * Direct policy attachment (GEP-713) for the backend policies the controller models
 * (BackendTLSPolicy, BackendLBPolicy, XBackendTrafficPolicy): reading targetRefs, resolving them
 * to Services (and Service ports by name, LocalPolicyTargetReferenceWithSectionName: "Service: Port
 * name"), the precedence between policies of one kind on one target, the ancestor Gateways for
 * PolicyAncestorStatus, and the status entry. The kind-specific rules (backend-tls-policy.ts,
 * backend-traffic-policy.ts) decide validity and effects.
 */
import type { Resource } from "../model/resource";
import type { PathSegment } from "../model/source";
import type { PolicyTargetView } from "../model/model";
import type { Condition, ParentStatus } from "../model/status";
import { normalizeGroup, refKey } from "../model/ids";
import { type Ctx, arr, generationOf, isRecord, str } from "./context";
import { relation, stamped } from "./shared";

/** A targetRef as written (namespace defaulted), with its place in the policy. */
export interface TargetRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  path: PathSegment[];
}

/** A targetRef resolved against the input. */
export interface ResolvedTarget extends TargetRef {
  /** `Kind/ns/name`. */
  key: string;
  /** `Kind/ns/name[#section]`: what policies of one kind compete for. */
  slot: string;
  found: boolean;
  /** Why not found (TargetNotFound), or why unsupported (Invalid). */
  reason?: string;
  message?: string;
  /** The port number a Service sectionName names (null: the whole Service, or the Service is assumed). */
  port: number | null;
}

/**
 * spec.targetRefs (LocalPolicyTargetReference[WithSectionName]: "the target is in the policy's
 * namespace"), or the single spec.targetRef of older versions (v1alpha2 PolicyTargetReference, which
 * may name a namespace).
 */
export function readTargetRefs(policy: Resource): TargetRef[] {
  const spec = isRecord(policy.spec) ? policy.spec : {};
  const out: TargetRef[] = [];
  const read = (t: unknown, path: PathSegment[], local: boolean): void => {
    if (!isRecord(t)) return;
    const section = str(t.sectionName);
    out.push({
      group: normalizeGroup(str(t.group)),
      kind: str(t.kind),
      namespace: (!local && str(t.namespace)) || policy.namespace,
      name: str(t.name),
      ...(section ? { sectionName: section } : {}),
      path,
    });
  };
  arr(spec.targetRefs).forEach((t, i) => read(t, ["spec", "targetRefs", i], true));
  if (out.length === 0 && isRecord(spec.targetRef)) read(spec.targetRef, ["spec", "targetRef"], false);
  return out;
}

/**
 * GEP-713 precedence ("continuing on ties"): "The older policy by creation timestamp takes
 * precedence", then "The policy appearing first in alphabetical order by {namespace}/{name}".
 * A policy without a creationTimestamp (not yet created) counts as the newest.
 */
export function precedes(a: Resource, b: Resource): number {
  const ta = a.metadata.creationTimestamp || "\uffff";
  const tb = b.metadata.creationTimestamp || "\uffff";
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A Service port by name (`spec.ports[].name`), or undefined. */
function portNamed(svc: Resource, name: string): number | null | undefined {
  for (const p of arr(isRecord(svc.spec) ? svc.spec.ports : null)) if (isRecord(p) && p.name === name) return typeof p.port === "number" ? p.port : null;
  return undefined;
}

/**
 * Resolve a targetRef to a core Service (the only target kind these policies support here: "Currently,
 * Backends … are the only valid API target references"; other kinds are implementation-specific).
 * With no Service in the input at all, the Service is assumed to exist, as backendRefs assume it.
 */
export function resolveServiceTarget(ctx: Ctx, t: TargetRef): ResolvedTarget {
  const key = refKey({ kind: t.kind || "?", namespace: t.namespace, name: t.name });
  const slot = t.sectionName ? `${key}#${t.sectionName}` : key;
  const base = { ...t, key, slot, port: null };
  if (t.group !== "" || t.kind !== "Service") {
    return { ...base, found: false, reason: "Invalid", message: `target kind ${t.group ? `${t.group}/` : ""}${t.kind || "(none)"} is not supported (core Service)` };
  }
  const svc = ctx.get("", "Service", t.namespace, t.name);
  if (!svc) {
    if (!ctx.hasServices) {
      ctx.assume("service-exists", `the input holds no Service; Service ${t.namespace}/${t.name} is assumed to exist`, [key]);
      return { ...base, found: true };
    }
    return { ...base, found: false, reason: "TargetNotFound", message: `Service ${t.namespace}/${t.name} not found` };
  }
  if (!t.sectionName) return { ...base, found: true };
  // targetRefs.sectionName: "If a SectionName is specified, but does not exist on the targeted
  // object, the Policy must fail to attach".
  const port = portNamed(svc, t.sectionName);
  if (port === undefined) return { ...base, found: false, reason: "TargetNotFound", message: `Service ${t.namespace}/${t.name} has no port named ${t.sectionName}` };
  return { ...base, found: true, port };
}

/** Services reached by attached routes: `ns/name` → the Gateways (`ns/name`) reaching it, in all and per backendRef port. */
interface Use {
  all: Set<string>;
  byPort: Map<number, Set<string>>;
}
const usesByCtx = new WeakMap<Ctx, Map<string, Use>>();

/**
 * Which Gateways send traffic to each Service: through a route accepted by the Gateway (or by a
 * ListenerSet attached to it) whose backendRefs or RequestMirror filters name the Service (found or
 * not). PolicyAncestorStatus: "if a policy targets a Service, the Policy's Ancestors are, in order,
 * the Service, the HTTPRoute, the Gateway … implementations SHOULD use Gateway". Built once per run,
 * only when the input has policies.
 */
function serviceUses(ctx: Ctx): Map<string, Use> {
  let uses = usesByCtx.get(ctx);
  if (uses) return uses;
  uses = new Map();
  for (const rs of ctx.routes) {
    let gateways: string[] | null = null;
    for (const p of rs.view.parents) {
      if (!p.accepted) continue;
      if (p.kind === "Gateway") (gateways ??= []).push(`${p.namespace}/${p.name}`);
      // ListenerSet parents: their listeners' ids start with the Gateway's `ns/name`.
      else for (const l of p.listeners) (gateways ??= []).push(l.slice(0, l.indexOf("/", l.indexOf("/") + 1)));
    }
    if (gateways === null) continue;
    for (const rule of rs.view.rules) {
      for (const list of [rule.backends, rule.mirrors]) {
        if (!list) continue;
        for (const b of list) {
          // Backends the route cannot reach (RefNotPermitted, InvalidKind) bring no traffic; a missing one is named all the same.
          if (b.group !== "" || b.kind !== "Service" || (!b.valid && b.reason !== "BackendNotFound")) continue;
          const k = `${b.namespace}/${b.name}`;
          let u = uses.get(k);
          if (!u) uses.set(k, (u = { all: new Set(), byPort: new Map() }));
          let port: Set<string> | undefined;
          if (b.port !== null) {
            port = u.byPort.get(b.port);
            if (!port) u.byPort.set(b.port, (port = new Set()));
          }
          for (const g of gateways) {
            u.all.add(g);
            port?.add(g);
          }
        }
      }
    }
  }
  usesByCtx.set(ctx, uses);
  return uses;
}

/** "A maximum of 16 ancestors will be represented in this list." */
export const MAX_ANCESTORS = 16;

/** Ancestor Gateways (`ns/name`, sorted) of a policy's targets; a sectioned target counts only uses of its port. */
export function ancestorsOf(ctx: Ctx, targets: ResolvedTarget[]): string[] {
  const set = new Set<string>();
  for (const t of targets) {
    if (t.group !== "" || t.kind !== "Service") continue;
    const u = serviceUses(ctx).get(`${t.namespace}/${t.name}`);
    if (!u) continue;
    const gws = t.sectionName && t.port !== null ? u.byPort.get(t.port) : u.all;
    if (gws) for (const g of gws) set.add(g);
  }
  return [...set].sort();
}

/**
 * The winner of every contested slot: among the policies of one kind that select the same target
 * and sectionName, the first by `precedes`. A policy with a sectionName and one without select
 * different slots (the sectioned one governs its port; the other the rest).
 */
export function winners(contenders: { policy: Resource; targets: ResolvedTarget[] }[]): Map<string, Resource> {
  const out = new Map<string, Resource>();
  for (const { policy, targets } of contenders) {
    for (const t of targets) {
      if (!t.found) continue;
      const w = out.get(t.slot);
      if (!w || precedes(policy, w) < 0) out.set(t.slot, policy);
    }
  }
  return out;
}

/** Target views of a policy, with whether it is in force for each. */
export function targetViews(ctx: Ctx, policy: Resource, targets: ResolvedTarget[], won: Map<string, Resource>): PolicyTargetView[] {
  return targets.map((t) => {
    const w = t.found ? won.get(t.slot) : undefined;
    const v: PolicyTargetView = { group: t.group, kind: t.kind, namespace: t.namespace, name: t.name, key: t.key, found: t.found, inForce: w === policy };
    if (t.sectionName) v.sectionName = t.sectionName;
    if (w && w !== policy) v.overriddenBy = ctx.key(w);
    return v;
  });
}

/** One targetRef relation per target (not ok when missing or when another policy takes precedence). */
export function relateTargets(ctx: Ctx, policy: Resource, targets: ResolvedTarget[], views: PolicyTargetView[]): void {
  const from = ctx.key(policy);
  targets.forEach((t, i) => {
    const v = views[i];
    const reason = !t.found ? t.reason : v.overriddenBy ? "Conflicted" : undefined;
    ctx.relate(relation("targetRef", from, t.key, t.found && v.inForce, t.path, reason, t.sectionName));
  });
}

/**
 * The policy's status: one PolicyAncestorStatus per ancestor Gateway, each with the same conditions
 * (stamped with the policy's generation). Past 16 ancestors the list is full and a warning says so.
 */
export function setPolicyStatus(ctx: Ctx, policy: Resource, conditions: Condition[], ancestors: string[]): void {
  const gen = generationOf(policy);
  const stampedConds = conditions.map((c) => stamped(c, gen));
  if (ancestors.length > MAX_ANCESTORS) {
    ctx.report(policy, ["spec", "targetRefs"], "warning", "TooManyAncestors", `${policy.kind} ${policy.namespace}/${policy.name}: ${ancestors.length} Gateways use its targets; status lists at most ${MAX_ANCESTORS} ancestors`);
  }
  const list: ParentStatus[] = ancestors.slice(0, MAX_ANCESTORS).map((g) => ({ parentRef: g, parentKind: "Gateway", conditions: stampedConds }));
  ctx.status.set(ctx.key(policy), { kind: policy.kind, namespace: policy.namespace, name: policy.name, conditions: [], ancestors: list });
}

/**
 * The CRDs' distinctness rules for targetRefs (enforced by the API server): with sectionNames
 * (BackendTLSPolicy) "sectionName must be specified when targetRefs includes 2 or more references to
 * the same target" and "sectionName must be unique"; without (a list map keyed by group, kind and
 * name) each target once. Returns the violated rule, or null.
 */
export function targetRefsProblem(targets: TargetRef[], sections: boolean): string | null {
  const byTarget = new Map<string, TargetRef[]>();
  for (const t of targets) {
    const k = `${t.group}/${t.kind}/${t.name}`;
    const list = byTarget.get(k);
    if (list) list.push(t);
    else byTarget.set(k, [t]);
  }
  for (const list of byTarget.values()) {
    if (list.length < 2) continue;
    if (!sections) return "targetRefs must be distinct (each group, kind and name once)";
    if (list.some((t) => !t.sectionName)) return "sectionName must be specified when targetRefs includes 2 or more references to the same target";
    if (new Set(list.map((t) => t.sectionName)).size < list.length) return "sectionName must be unique when targetRefs includes 2 or more references to the same target";
  }
  return null;
}
