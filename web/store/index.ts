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
import { clusterSlice, type ClusterSlice } from "./cluster";
import { historySlice, type HistorySlice } from "./history";
import { editSlice, type EditSlice } from "./edit";

export type AppState = WorkspaceSlice & EngineSlice & SelectionSlice & SimulationSlice & ViewSlice & HistorySlice & EditSlice & ClusterSlice;

export const useStore = create<AppState>()((...a) => ({
  ...workspaceSlice(...a),
  ...engineSlice(...a),
  ...selectionSlice(...a),
  ...simulationSlice(...a),
  ...viewSlice(...a),
  ...historySlice(...a),
  ...editSlice(...a),
  ...clusterSlice(...a),
}));

export type { Sample } from "./simulation";
export type { Theme, PanelTab, Filters } from "./view";
export type { TextOrigin } from "./workspace";
export type { ClusterInfo, Reported, StreamState } from "./cluster";
export type { EdgeRef, ConnectDrag } from "./edit";
