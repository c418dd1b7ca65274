/**
 * ReferenceGrant: "All cross-namespace references in Gateway API (with the exception of
 * cross-namespace Gateway-route attachment) require a ReferenceGrant" (ReferenceGrant description).
 * Grants live in the namespace of the referent; `from` and `to` entries are ORed.
 */
import type { Resource } from "../model/resource";
import { normalizeGroup } from "../model/ids";
import { GATEWAY_GROUP } from "../model/kinds";

/** The object making a reference. */
export interface Referrer {
  group: string;
  kind: string;
  namespace: string;
}

/** The object referred to. */
export interface Referent {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Grants by the namespace they live in (the referent's namespace). */
export class GrantIndex {
  private readonly byNs = new Map<string, Resource[]>();

  constructor(resources: Iterable<Resource>) {
    for (const r of resources) {
      if (r.kind !== "ReferenceGrant" || r.group !== GATEWAY_GROUP) continue;
      const list = this.byNs.get(r.namespace);
      if (list) list.push(r);
      else this.byNs.set(r.namespace, [r]);
    }
  }

  /**
   * The grant that permits `from` to reference `to`, or null. Same-namespace references need no
   * grant (callers check that first); this only answers for cross-namespace ones.
   */
  permits(from: Referrer, to: Referent): Resource | null {
    const list = this.byNs.get(to.namespace);
    if (!list) return null;
    for (const g of list) if (grantAllows(g, from, to)) return g;
    return null;
  }
}

/** ReferenceGrantSpec: some `from` entry matches the referrer and some `to` entry the referent (`to.name` empty = every name). */
export function grantAllows(grant: Resource, from: Referrer, to: Referent): boolean {
  const spec = grant.spec;
  if (!spec || typeof spec !== "object") return false;
  const froms: unknown[] = Array.isArray(spec.from) ? spec.from : [];
  const tos: unknown[] = Array.isArray(spec.to) ? spec.to : [];
  const fromOk = froms.some((f) => {
    if (!f || typeof f !== "object") return false;
    const e = f as Record<string, unknown>;
    return normalizeGroup(e.group as string) === normalizeGroup(from.group) && e.kind === from.kind && e.namespace === from.namespace;
  });
  if (!fromOk) return false;
  return tos.some((t) => {
    if (!t || typeof t !== "object") return false;
    const e = t as Record<string, unknown>;
    if (normalizeGroup(e.group as string) !== normalizeGroup(to.group) || e.kind !== to.kind) return false;
    return !e.name || e.name === to.name;
  });
}
