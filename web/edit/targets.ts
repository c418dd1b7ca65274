/**
 * Graph ids ↔ edit targets. Graph ids are `Kind/ns/name` (`Kind/name` for cluster-scoped objects);
 * an edit names the same object as `{kind, namespace, name}` (src/edit's Target).
 */
import type { Target } from "../../src/edit/types";

/** The edit target of an object's graph id, or null for ids that are not objects (listeners, summaries). */
export function targetOfId(id: string): Target | null {
  const parts = id.split("/");
  if (parts.length === 3 && parts[0] !== "Listener" && parts[0] !== "Namespace") return { kind: parts[0], namespace: parts[1], name: parts[2] };
  if (parts.length === 2 && !parts[1].includes("@")) return { kind: parts[0], name: parts[1] };
  return null;
}

/** `Kind/ns/name` of a target (the inverse of {@link targetOfId}). */
export function idOfTarget(t: { kind: string; namespace?: string; name: string }, clusterScoped = false): string {
  return clusterScoped ? `${t.kind}/${t.name}` : `${t.kind}/${t.namespace ?? "default"}/${t.name}`;
}
