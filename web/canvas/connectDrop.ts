/**
 * What a drop of a dragged reference does: the graph nodes at both ends, the referring object as
 * written (rules, parentRefs, backendRefs) and the dropped-on Service's port, turned into an edit
 * by refEdits.ts. Reads the objects from the current text (resourceObjects.ts).
 */
import { useStore } from "../store";
import { loadParser, objectOf, snapshotText } from "../panels/resourceObjects";
import { indexOf } from "../panels/snapshotIndex";
import { arr, num, rec, recs, specOf, str } from "../panels/kinds/read";
import { canConnect, connectPlan, type ConnectPlan } from "../edit/refEdits";
import type { GraphNode } from "../../src/graph";

/** The node a drag from `from` may drop on at graph id `to` (null when the drop means nothing). */
export function dropTarget(from: string, to: string | null): GraphNode | null {
  if (!to) return null;
  const nodes = indexOf(useStore.getState().good).nodes;
  const a = nodes.get(from);
  const b = nodes.get(to);
  return a && b && canConnect(a, b) ? b : null;
}

/** The plan for dropping `from` (its rule `rule`) on `to`. */
export async function planDrop(from: string, rule: number | undefined, to: string): Promise<ConnectPlan> {
  await loadParser();
  const st = useStore.getState();
  if (snapshotText(st) === null) return { error: "the configuration is still being processed; try again" };
  const nodes = indexOf(st.good).nodes;
  const a = nodes.get(from);
  const b = nodes.get(to);
  if (!a || !b) return { error: "the objects are no longer in the graph" };
  const obj = objectOf(st.good, from);
  if (!obj) return { error: `${a.kind} ${a.name} cannot be read from the YAML` };
  const spec = specOf(obj);
  const rules = recs(spec.rules);
  const summaries = Array.isArray(a.data.ruleSummaries) ? (a.data.ruleSummaries as unknown[]).map(str) : [];
  const parentRefs = recs(spec.parentRefs);
  const single = rec(spec.parentRef);
  let servicePort: number | undefined;
  if (b.role === "service" && b.defined) {
    const port = num(recs(specOf(objectOf(st.good, b.id)).ports)[0]?.port);
    if (port !== null) servicePort = port;
  }
  return connectPlan(a, b, {
    rules: rules.map((_, i) => summaries[i] ?? `rule ${i}`),
    ...(rule !== undefined ? { rule } : {}),
    parentRefs: single ? [single] : parentRefs,
    backendRefs: rules.map((r) => recs(arr(r.backendRefs))),
    ...(servicePort !== undefined ? { servicePort } : {}),
  });
}
