/**
 * Visual edits → text: every form, drag and palette action ends here. The edit is applied with
 * src/edit's `applyEdit` to the current workspace text (after the editor's pending keystrokes are
 * flushed in), and the new text replaces it as one change — one history entry. Everything else
 * (graph, status, simulator, samples) follows from the text through the worker, as for typing.
 *
 * src/edit (and the `yaml` parser it uses) loads on first use, outside the main chunk.
 */
import { useStore } from "../store";
import { settled } from "../store/sync";
import { showNotice } from "../toolbar/notice";
import { flushEditor } from "./editorBridge";
import { noteChangeSpan } from "../store/history";
import type { Edit, EditResult } from "../../src/edit/types";

type EditModule = typeof import("../../src/edit");
let loading: Promise<EditModule> | null = null;
let loaded: EditModule | null = null;

/** Load src/edit (once); call early (e.g. when an editing view opens) to make the first edit instant. */
export function loadEditModule(): Promise<EditModule> {
  loading ??= import("../../src/edit").then((m) => (loaded = m));
  return loading;
}

/** Apply an edit to a text without touching the store (null while src/edit is still loading). */
export function tryEdit(text: string, edit: Edit): EditResult | null {
  return loaded ? loaded.applyEdit(text, edit) : null;
}

/**
 * Apply `edit` to the workspace text and make the result the new text. Failures are shown as a
 * notice (and returned); an edit that changes nothing records nothing.
 */
export async function commitEdit(edit: Edit): Promise<EditResult> {
  // Cluster mode: the text mirrors a live cluster; nothing may change it (web/cluster/mode.ts).
  if (useStore.getState().readOnly) {
    showNotice("Read-only: this is a live cluster. Cluster tab → “Edit a copy” to edit a snapshot of it.", "error", undefined, 6000);
    return { ok: false, error: "the workspace is read-only (live cluster)" };
  }
  const m = await loadEditModule();
  flushEditor();
  const st = useStore.getState();
  const r = m.applyEdit(st.text, edit);
  if (!r.ok) {
    showNotice(`Edit not applied: ${r.error}`, "error", undefined, 6000);
    return r;
  }
  if (r.text !== st.text) {
    // src/edit says where the text changed: the history records it without comparing whole texts.
    if (r.changed.length) noteChangeSpan(r.text, Math.min(...r.changed.map((c) => c.from)), Math.max(...r.changed.map((c) => c.to)));
    st.setText(r.text, "visual");
  }
  return r;
}

/** {@link commitEdit}, then wait until the engine has drawn the result. */
export async function commitAndSettle(edit: Edit): Promise<EditResult> {
  const r = await commitEdit(edit);
  await settled();
  return r;
}
