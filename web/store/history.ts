import type { StateCreator } from "zustand";
import type { AppState } from "./index";
import { TextHistory, type EntryOrigin } from "../edit/textHistory";

/**
 * The undo history slice: one history of the text for every kind of change (typing, visual edits,
 * loads, the API), DESIGN: "Undo/redo is history of text". Monaco's own undo keys are routed here
 * (web/edit/keys.ts), so the editor, the canvas and the inspector share it. The entries live in a
 * {@link TextHistory} outside the state (they are not rendered); the state has the two flags.
 */
export interface HistorySlice {
  canUndo: boolean;
  canRedo: boolean;
  /** Step back; false when there is nothing to undo. */
  undo: () => boolean;
  /** Step forward; false when there is nothing to redo. */
  redo: () => boolean;
}

const history = new TextHistory();

function flags(): Pick<HistorySlice, "canUndo" | "canRedo"> {
  return { canUndo: history.canUndo, canRedo: history.canRedo };
}

export const historySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  const step = (dir: "undo" | "redo"): boolean => {
    const s = get();
    const text = dir === "undo" ? history.undo(s.text) : history.redo(s.text);
    if (text === null) return false;
    s.setText(text, "history");
    set(flags());
    return true;
  };
  return { canUndo: false, canRedo: false, undo: () => step("undo"), redo: () => step("redo") };
};

/** Where the next recorded change lies, when its author knows (a visual edit: src/edit's changed spans). */
let pendingSpan: { text: string; from: number; to: number } | null = null;

/**
 * Say that the next text change, to `text`, lies within `[from, to)` of it, so recording it needs
 * no scan of the whole text (10,000 routes are ~16 MB).
 */
export function noteChangeSpan(text: string, from: number, to: number): void {
  pendingSpan = { text, from, to };
}

const ORIGINS: Record<string, EntryOrigin | undefined> = { editor: "editor", visual: "visual", load: "load", api: "api" };

/**
 * Record every text change in the history (undo/redo's own changes excepted). The first text the
 * app starts with (restored workspace, share link, default example) is the bottom of the history.
 * Returns the unsubscribe function.
 */
export function recordHistory(store: { getState(): AppState; setState(p: Partial<AppState>): void; subscribe(l: (s: AppState, p: AppState) => void): () => void }): () => void {
  return store.subscribe((s, prev) => {
    if (s.textRevision === prev.textRevision) return;
    const origin = ORIGINS[s.textOrigin];
    if (!origin || prev.textRevision === 0) return;
    const span = pendingSpan && pendingSpan.text === s.text ? pendingSpan : undefined;
    pendingSpan = null;
    history.record(prev.text, s.text, origin, performance.now(), span);
    const f = flags();
    if (f.canUndo !== s.canUndo || f.canRedo !== s.canRedo) store.setState(f);
  });
}

/** Forget the history (tests). */
export function clearHistory(): void {
  history.clear();
}
