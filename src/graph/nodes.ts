/** Graph nodes: which objects become nodes, their ranks, groups and status. */
import type { Model } from "../model/model";
import type { Resource } from "../model/resource";
import { kindInfo } from "../model/kinds";
import { refKey } from "../model/ids";
import { HEALTHY, summarizeStatus } from "./health";
import type { GraphNode, NodeRole } from "./types";
import { policyData } from "./policy-data";

/** Ranks from kinds (DESIGN: class → gateway → listener → route → service), so no layout search is needed. */
export const RANKS: Record<NodeRole, number> = {
  class: 0,
  gateway: 1,
  listenerset: 1,
  listener: 2,
  route: 3,
  service: 4,
  grant: 5,
  core: 5,
  other: 5,
  // Policies sit beside what they govern: their rank is their first target's (see buildGraph).
  policy: 5,
};

/** Roles drawn as nodes of their own even when nothing refers to them. */
const TOPOLOGY_ROLES = new Set<NodeRole>(["class", "gateway", "listenerset", "route", "service", "grant", "policy"]);

/** Whether a resource names a target (`spec.targetRef` / `spec.targetRefs`): a policy, whatever its kind. */
export function isPolicyLike(r: Resource): boolean {
  const s = r.spec;
  if (!s || typeof s !== "object") return false;
  const one = s.targetRef;
  return (one !== null && typeof one === "object" && !Array.isArray(one)) || (Array.isArray(s.targetRefs) && s.targetRefs.length > 0);
}

/** kind → group → role, so the lookup needs no concatenated key (this runs for every node). */
const roles = new Map<string, Map<string, NodeRole>>();

export function roleOf(r: Pick<Resource, "group" | "kind">): NodeRole {
  let byGroup = roles.get(r.kind);
  if (!byGroup) roles.set(r.kind, (byGroup = new Map()));
  let role = byGroup.get(r.group);
  if (role === undefined) byGroup.set(r.group, (role = kindInfo(r.group, r.kind)?.role ?? "other"));
  return role;
}

/** Whether a resource is drawn even when no relation touches it. */
export function isTopologyNode(r: Resource): boolean {
  return TOPOLOGY_ROLES.has(roleOf(r)) || isPolicyLike(r);
}

/** Per-object diagnostic counts, keyed by `Kind/ns/name`. */
export function diagnosticCounts(model: Model): Map<string, { errors: number; warnings: number }> {
  const out = new Map<string, { errors: number; warnings: number }>();
  for (const d of model.diagnostics) {
    if (!d.resource || d.severity === "info") continue;
    const key = refKey(d.resource);
    let c = out.get(key);
    if (!c) out.set(key, (c = { errors: 0, warnings: 0 }));
    if (d.severity === "error") c.errors++;
    else c.warnings++;
  }
  return out;
}

/** `Namespace/ns` group ids, made once per namespace. */
export class GroupIds {
  private readonly ids = new Map<string, string>();
  of(namespace: string): string | undefined {
    if (!namespace) return undefined;
    let id = this.ids.get(namespace);
    if (id === undefined) this.ids.set(namespace, (id = `Namespace/${namespace}`));
    return id;
  }
}

/** A node for a resource in the input; `id` is its `Kind/ns/name` key. */
export function resourceNode(r: Resource, id: string, model: Model, counts: Map<string, { errors: number; warnings: number }>, hasListenerNodes: boolean, groups: GroupIds): GraphNode {
  const base = roleOf(r);
  const role: NodeRole = base === "other" && isPolicyLike(r) ? "policy" : base;
  const c = counts.get(id);
  return {
    id,
    kind: r.kind,
    group: r.group,
    namespace: r.namespace,
    name: r.name,
    role,
    rank: RANKS[role],
    groupId: groups.of(r.namespace),
    defined: true,
    status: summarizeStatus(model.status.get(id), !hasListenerNodes, c?.errors ?? 0, c?.warnings ?? 0),
    source: { file: r.source.file, docIndex: r.source.docIndex },
    // Backend policies the controller modelled show their effect and where it is in force.
    data: role === "policy" ? policyData(model, id) : {},
  };
}

/** A placeholder for an object that is referenced but not in the input: `Kind/ns/name` or `Kind/name`. */
const placeholderRoles = new Map<string, NodeRole>();

/** The role of a kind named only in a reference: the core group's kind if there is one, else Gateway API's. */
function placeholderRole(kind: string, group: string): NodeRole {
  if (group) return roleOf({ group, kind });
  let role = placeholderRoles.get(kind);
  if (role === undefined) placeholderRoles.set(kind, (role = roleOf({ group: kindInfo("", kind) ? "" : "gateway.networking.k8s.io", kind })));
  return role;
}

export function placeholderNode(id: string, groups: GroupIds, group = ""): GraphNode {
  const a = id.indexOf("/");
  const b = a === -1 ? -1 : id.indexOf("/", a + 1);
  const kind = a === -1 ? id : id.slice(0, a);
  // `Kind/ns/name` (names have no slash) or `Kind/name` for cluster-scoped kinds.
  const namespace = b === -1 ? "" : id.slice(a + 1, b);
  const name = b === -1 ? id.slice(a + 1) : id.slice(b + 1);
  const role = kind === "Listener" ? "listener" : placeholderRole(kind, group);
  return {
    id,
    kind,
    group,
    namespace,
    name,
    role,
    rank: RANKS[role],
    groupId: groups.of(namespace),
    defined: false,
    status: HEALTHY,
    source: undefined,
    data: {},
  };
}
