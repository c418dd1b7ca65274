/** Policy targetRefs the controller does not model (implementation-specific policies) still become edges. */
import type { Model } from "../model/model";
import type { Resource } from "../model/resource";
import { isNamespaced } from "../model/kinds";
import { normalizeGroup, refKey } from "../model/ids";
import type { GraphEdge } from "./types";
import { isPolicyLike } from "./nodes";
import { edge } from "./edges";

/**
 * Edges for `spec.targetRef` / `spec.targetRefs` of policy-like resources that have no targetRef
 * relation in the model. LocalPolicyTargetReference: the target is in the policy's namespace;
 * `sectionName` (LocalPolicyTargetReferenceWithSectionName) narrows a Gateway target to a listener.
 */
export function policyEdges(model: Model, covered: Set<string>, listenerIds: Set<string>, out: GraphEdge[]): void {
  const resources = model.resources;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i];
    if (!isPolicyLike(r) || covered.has(refKey(r))) continue;
    const spec = r.spec;
    const refs: { ref: Record<string, unknown>; path: (string | number)[] }[] = [];
    if (spec.targetRef && typeof spec.targetRef === "object" && !Array.isArray(spec.targetRef)) refs.push({ ref: spec.targetRef, path: ["spec", "targetRef"] });
    if (Array.isArray(spec.targetRefs)) {
      spec.targetRefs.forEach((t: unknown, i: number) => {
        if (t && typeof t === "object" && !Array.isArray(t)) refs.push({ ref: t as Record<string, unknown>, path: ["spec", "targetRefs", i] });
      });
    }
    for (const { ref, path } of refs) {
      const e = targetEdge(r, ref, path, model, listenerIds);
      if (e) out.push(e);
    }
  }
}

function targetEdge(policy: Resource, ref: Record<string, unknown>, path: (string | number)[], model: Model, listenerIds: Set<string>): GraphEdge | null {
  const kind = typeof ref.kind === "string" ? ref.kind : "";
  const name = typeof ref.name === "string" ? ref.name : "";
  if (!kind || !name) return null;
  const group = normalizeGroup(typeof ref.group === "string" ? ref.group : "");
  // Older policies (PolicyTargetReference) may name a namespace; newer ones are local.
  const ns = isNamespaced(group, kind) ? (typeof ref.namespace === "string" && ref.namespace ? ref.namespace : policy.namespace) : "";
  const target = refKey({ kind, namespace: ns, name });
  const from = refKey(policy);
  const section = typeof ref.sectionName === "string" ? ref.sectionName : undefined;
  const listener = kind === "Gateway" && section ? `Listener/${ns}/${name}/${section}` : null;
  const to = listener && listenerIds.has(listener) ? listener : target;
  const found = model.byKey.get(target);
  const ok = !!found && found.group === group && (!listener || to === listener);
  const e = edge("targetRef", from, to, ok, path, ok ? undefined : found ? (listener ? "SectionNotFound" : "TargetGroupMismatch") : "TargetNotFound");
  e.section = section;
  return e;
}
