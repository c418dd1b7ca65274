import type { StateCreator } from "zustand";
import type { AppState } from "./index";

export type SelectionOrigin = "canvas" | "editor" | "panel";

export interface SelectionSlice {
  /** Selected graph node id (`Kind/ns/name`). */
  selected: string | null;
  selectionOrigin: SelectionOrigin;
  /** Node ids lit up by the simulated request's path. */
  litPath: string[];
  select: (id: string | null, origin: SelectionOrigin) => void;
  setLitPath: (ids: string[]) => void;
}

export const selectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selected: null,
  selectionOrigin: "canvas",
  litPath: [],
  select: (id, origin) => set({ selected: id, selectionOrigin: origin }),
  setLitPath: (ids) => set({ litPath: ids }),
});
