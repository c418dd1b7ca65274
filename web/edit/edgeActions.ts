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
 * graph; when an end is drawn as something else (a collapsed namespace's summary, a listener's
 * owner), the references it held when selected.
 */
export function refsOfEdge(edges: readonly GraphEdge[], e: EdgeRef): readonly GraphEdge[] {
  const now = edges.filter((r) => r.from === e.from && r.to === e.to);
  return now.length ? now : e.refs;
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
