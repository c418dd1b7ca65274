/**
 * The app's one zustand store, in slices (DESIGN principle 7): workspace (the text), engine (the
 * worker's snapshots), selection, simulation, view. Components read narrow selectors.
 */
import { create } from "zustand";
import { workspaceSlice, type WorkspaceSlice } from "./workspace";
import { engineSlice, type EngineSlice } from "./engine";
import { selectionSlice, type SelectionSlice } from "./selection";
import { simulationSlice, type SimulationSlice } from "./simulation";
import { viewSlice, type ViewSlice } from "./view";

export type AppState = WorkspaceSlice & EngineSlice & SelectionSlice & SimulationSlice & ViewSlice;

export const useStore = create<AppState>()((...a) => ({
  ...workspaceSlice(...a),
  ...engineSlice(...a),
  ...selectionSlice(...a),
  ...simulationSlice(...a),
  ...viewSlice(...a),
}));

export type { Sample } from "./simulation";
export type { Theme, PanelTab, Filters } from "./view";
export type { TextOrigin } from "./workspace";
