/**
 * Resolving an object reference the way every Gateway API reference is resolved: kind first, then
 * permission (cross-namespace references need a ReferenceGrant), then existence. A reason naming a
 * missing object "must be used only when the reference is allowed" (ListenerConditionReason
 * InvalidCertificateRef), hence the order.
 */
import type { Resource } from "../model/resource";
import { normalizeGroup, refKey } from "../model/ids";
import { type Ctx, isRecord, str } from "./context";
import { relation } from "./shared";

/** A reference as written, with defaults applied. */
export interface ObjRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

export type RefFailure = "kind" | "notPermitted" | "notFound";

export interface Resolved {
  ref: ObjRef;
  /** `Kind/ns/name` of the referent. */
  key: string;
  target?: Resource;
  grant?: Resource;
  failure?: RefFailure;
}

/** Read a reference object, defaulting group/kind/namespace. */
export function readRef(raw: unknown, defaults: { group: string; kind: string; namespace: string }): ObjRef {
  const o = isRecord(raw) ? (raw as Record<string, unknown>) : {};
  return {
    group: o.group === undefined ? defaults.group : normalizeGroup(str(o.group)),
    kind: str(o.kind) || defaults.kind,
    namespace: str(o.namespace) || defaults.namespace,
    name: str(o.name),
  };
}

/**
 * Resolve `ref` made by `from`. `supported` says which group/kind pairs the referring field accepts.
 * When `assumeExists` is set, a permitted reference to a missing object counts as resolved (the
 * caller records why). `grantFree`: the reference needs no ReferenceGrant across namespaces (mesh
 * routes' backendRefs, see mesh-parents.ts `isMeshOnlyRoute`).
 */
export function resolveRef(ctx: Ctx, from: Resource, ref: ObjRef, supported: (group: string, kind: string) => boolean, assumeExists = false, grantFree = false): Resolved {
  if (!supported(ref.group, ref.kind)) return { ref, key: refKey(ref), failure: "kind" };
  let grant: Resource | undefined;
  if (ref.namespace !== from.namespace && !grantFree) {
    grant = ctx.grants.permits(from, ref) ?? undefined;
    if (!grant) return { ref, key: refKey(ref), failure: "notPermitted" };
  }
  const target = ctx.get(ref.group, ref.kind, ref.namespace, ref.name);
  if (!target) return assumeExists ? { ref, key: refKey(ref), grant } : { ref, key: refKey(ref), grant, failure: "notFound" };
  return { ref, key: ctx.key(target), target, grant };
}

/** Record the ReferenceGrant that permits a reference, as a relation from the grant to the referrer. */
export function relateGrant(ctx: Ctx, grant: Resource | undefined, from: Resource): void {
  if (!grant) return;
  const pair = `${ctx.key(grant)}|${ctx.key(from)}`;
  if (ctx.grantRelated.has(pair)) return;
  ctx.grantRelated.add(pair);
  ctx.relate(relation("referenceGrant", ctx.key(grant), ctx.key(from), true, ["spec", "from"]));
}
