/**
 * Actions on the selected edge: remove the references it stands for. The edge's graph references
 * come from the snapshot the canvas shows, so what is removed is what the user saw selected.
 */
import { useStore } from "../store";
import { showNotice } from "../toolbar/notice";
import { commitEdit } from "./commit";
import { removeRefsPlan } from "./refEdits";
import type { GraphEdge } from "../../src/graph";
import type { EdgeRef } from "../store";

/**
 * The graph references a drawn edge stands for now: those between its two ends in the current
 * graph, and — when an end is drawn as something else (a collapsed namespace's summary, a
 * listener's owner) — those it held when selected that are still in the graph (same ends, same
 * path). A reference that has gone since is never removed by mistake.
 */
export function refsOfEdge(edges: readonly GraphEdge[], e: EdgeRef): GraphEdge[] {
  const held = new Set(e.refs.map((r) => r.id));
  return edges.filter((r) => (r.from === e.from && r.to === e.to) || held.has(r.id));
}

/** Remove the selected edge's references (one history entry); clears the edge selection. */
export async function removeSelectedEdge(): Promise<boolean> {
  const st = useStore.getState();
  const sel = st.selectedEdge;
  if (!sel || !st.good) return false;
  const plan = removeRefsPlan(refsOfEdge(st.good.graph.edges, sel));
  if ("error" in plan) {
    showNotice(`Cannot remove: ${plan.error}`, "error");
    return false;
  }
  const r = await commitEdit(plan.edit);
  if (!r.ok) return false;
  useStore.getState().selectEdge(null);
  showNotice(plan.what);
  return true;
}
