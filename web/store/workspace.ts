import type { StateCreator } from "zustand";
import type { AppState } from "./index";

/** Where a text change came from; the editor does not echo its own changes back into Monaco. */
export type TextOrigin = "editor" | "load" | "visual" | "history" | "api" | "cluster";

export interface WorkspaceSlice {
  /** The YAML being edited: the single source of truth. */
  text: string;
  fileName: string;
  /** Origin of the last change, and a counter that changes with every change. */
  textOrigin: TextOrigin;
  textRevision: number;
  /**
   * The text mirrors a live cluster (cluster mode): only changes from the cluster apply; edits from
   * the editor, visual editing, files or the automation API are refused, so nothing shown can drift
   * from what is deployed.
   */
  readOnly: boolean;
  setReadOnly: (readOnly: boolean) => void;
  setText: (text: string, origin: TextOrigin, fileName?: string) => void;
}

export const STORAGE_KEY = "switchyard.workspace.v1";

export const workspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  text: "",
  fileName: "workspace.yaml",
  textOrigin: "load",
  textRevision: 0,
  readOnly: false,
  setReadOnly: (readOnly) => set({ readOnly }),
  setText: (text, origin, fileName) =>
    set((s) => (s.readOnly && origin !== "cluster" ? s : { text, textOrigin: origin, textRevision: s.textRevision + 1, fileName: fileName ?? s.fileName })),
});
