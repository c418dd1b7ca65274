/** Graph nodes: which objects become nodes, their ranks, groups and status. */
import type { Model } from "../model/model";
import type { Resource } from "../model/resource";
import { kindInfo } from "../model/kinds";
import { refKey } from "../model/ids";
import { conditionSets, summarize } from "./health";
import type { GraphNode, NodeRole, NodeStatus } from "./types";

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

export function roleOf(r: Pick<Resource, "group" | "kind">): NodeRole {
  return kindInfo(r.group, r.kind)?.role ?? "other";
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

/** A node for a resource in the input. */
export function resourceNode(r: Resource, model: Model, counts: Map<string, { errors: number; warnings: number }>, hasListenerNodes: boolean): GraphNode {
  const id = refKey(r);
  const role: NodeRole = isPolicyLike(r) && roleOf(r) === "other" ? "policy" : roleOf(r);
  const c = counts.get(id);
  const status: NodeStatus = summarize(conditionSets(model.status.get(id), !hasListenerNodes), c?.errors ?? 0, c?.warnings ?? 0);
  const node: GraphNode = {
    id,
    kind: r.kind,
    group: r.group,
    namespace: r.namespace,
    name: r.name,
    role,
    rank: RANKS[role],
    defined: true,
    status,
    source: { file: r.source.file, docIndex: r.source.docIndex },
    data: {},
  };
  if (r.namespace) node.groupId = `Namespace/${r.namespace}`;
  return node;
}

/** A placeholder for an object that is referenced but not in the input: `Kind/ns/name` or `Kind/name`. */
export function placeholderNode(id: string, group = ""): GraphNode {
  const parts = id.split("/");
  const kind = parts[0];
  const namespace = parts.length >= 3 ? parts[1] : "";
  const name = parts.slice(parts.length >= 3 ? 2 : 1).join("/");
  const role = kind === "Listener" ? "listener" : roleOf({ group: group || (kindInfo("", kind) ? "" : "gateway.networking.k8s.io"), kind });
  const node: GraphNode = {
    id,
    kind,
    group,
    namespace,
    name,
    role,
    rank: RANKS[role],
    defined: false,
    status: { level: "ok", problems: [], errors: 0, warnings: 0 },
    data: {},
  };
  if (namespace) node.groupId = `Namespace/${namespace}`;
  return node;
}
