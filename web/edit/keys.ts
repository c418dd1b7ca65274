/**
 * Keys of visual editing, for the whole window (capture phase, ahead of Monaco and React Flow):
 * - Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo — the app's one history, whether the focus is in the
 *   YAML editor (Monaco's own undo stack is bypassed: its keys are taken here), on the canvas or on
 *   an inspector select or slider. In the inspector's text fields the browser's own undo of the
 *   typing applies (the field is not committed yet).
 * - Delete / Backspace on a selected edge: remove the references it stands for. Escape: unselect it.
 */
import { useStore } from "../store";
import { flushEditor } from "./editorBridge";
import { removeSelectedEdge } from "./edgeActions";

/**
 * Flush the editor's pending keystrokes; when that changed the text, let React render it before
 * going on. Otherwise an undo right after the flush would bring back the very text the editor
 * showed before, in the same render, and the editor — seeing its `value` prop unchanged — would
 * keep the typing on screen that the store no longer has.
 */
async function flushed(): Promise<void> {
  const before = useStore.getState().textRevision;
  flushEditor();
  if (useStore.getState().textRevision !== before) await new Promise((r) => setTimeout(r, 0));
}

/** Undo one step of the shared history (pending keystrokes in the editor count as a step first). */
export async function undo(): Promise<boolean> {
  await flushed();
  return useStore.getState().undo();
}

/** Redo one step of the shared history. */
export async function redo(): Promise<boolean> {
  await flushed();
  return useStore.getState().redo();
}

type El = { tagName?: string; isContentEditable?: boolean; closest?: (s: string) => unknown };

function inMonaco(t: EventTarget | null): boolean {
  const el = t as El | null;
  return typeof el?.closest === "function" && !!el.closest(".monaco-editor");
}

/** A form field (not Monaco): its own Delete key. */
function inField(t: EventTarget | null): boolean {
  const el = t as El | null;
  if (!el || typeof el.tagName !== "string" || inMonaco(t)) return false;
  return !!el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** Input types whose text the browser can undo itself (a select, a slider or a checkbox cannot). */
const TEXT_INPUTS = new Set(["text", "number", "search", "email", "url", "tel", "password", ""]);

/** A field with text the browser undoes by itself while it is being typed (not yet committed). */
function inTextField(t: EventTarget | null): boolean {
  const el = t as (El & { type?: string }) | null;
  if (!inField(t) || !el) return false;
  if (el.isContentEditable || el.tagName === "TEXTAREA") return true;
  return el.tagName === "INPUT" && TEXT_INPUTS.has(String(el.type ?? "").toLowerCase());
}

/** Which history step a key press asks for, if any. */
export function historyKey(e: Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): "undo" | "redo" | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === "z" || e.code === "KeyZ") return e.shiftKey ? "redo" : "undo";
  if ((k === "y" || e.code === "KeyY") && !e.shiftKey) return "redo";
  return null;
}

export function onEditKey(e: KeyboardEvent): void {
  if (e.isComposing) return;
  const step = historyKey(e);
  if (step) {
    if (inTextField(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    void (step === "undo" ? undo() : redo());
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || inField(e.target) || inMonaco(e.target)) return;
  const edge = useStore.getState().selectedEdge;
  if (!edge) return;
  if (e.key === "Delete" || e.key === "Backspace") {
    e.preventDefault();
    e.stopPropagation();
    void removeSelectedEdge();
  } else if (e.key === "Escape") useStore.getState().selectEdge(null);
}

/** Install the key handler; returns the uninstaller. */
export function installEditKeys(): () => void {
  window.addEventListener("keydown", onEditKey, true);
  return () => window.removeEventListener("keydown", onEditKey, true);
}
