/**
 * "Copy as YAML" in cluster mode: the selected object, or every object the canvas shows (the
 * namespace and kind filters applied), as the editor shows them — configuration without status or
 * bookkeeping metadata, one document each, in the text's order. Secrets stay metadata only.
 */
import { refKey } from "../../src/model/ids";
import type { ClusterObject } from "../../src/server/cluster/types";
import type { GraphNode } from "../../src/graph";
import type { Filters } from "../store";
import { objectYaml, ordered } from "./render";

export { objectYaml };

/** The YAML of the objects that pass the canvas filters. */
export function viewYaml(objects: Iterable<ClusterObject>, filters: Pick<Filters, "hiddenNamespaces" | "hiddenKinds">): string {
  const ns = new Set(filters.hiddenNamespaces);
  const kinds = new Set(filters.hiddenKinds);
  const shown = ordered(objects).filter((o) => {
    const namespace = o.metadata.namespace ?? "";
    if (kinds.has(o.kind) || ns.has(namespace)) return false;
    return !(o.kind === "Namespace" && ns.has(o.metadata.name));
  });
  return shown.map((o) => `---\n${objectYaml(o)}`).join("");
}

/**
 * The object behind a graph node (a listener's is the Gateway or ListenerSet declaring it), or
 * null when the cluster does not hold it (a node drawn only because something references it).
 */
export function objectOfNode(objects: Iterable<ClusterObject>, node: Pick<GraphNode, "id" | "kind" | "data">): ClusterObject | null {
  const id = node.kind === "Listener" && typeof node.data.origin === "string" ? node.data.origin : node.id;
  for (const o of objects) if (refKey({ kind: o.kind, namespace: o.metadata.namespace ?? "", name: o.metadata.name }) === id) return o;
  return null;
}

/** Put text on the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
