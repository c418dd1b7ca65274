import type { StateCreator } from "zustand";
import type { AppState } from "./index";
import type { GraphEdge } from "../../src/graph";

/** A drawn edge, by its visible ends in reference direction (referring end first). */
export interface EdgeRef {
  from: string;
  to: string;
  /** The graph references it stood for when selected (for ends drawn as a summary or an owner). */
  refs: readonly GraphEdge[];
}

/** A reference being dragged out of a route (or one rule of it) towards its new target. */
export interface ConnectDrag {
  /** Graph id of the referring object. */
  from: string;
  /** The rule a backendRef goes to, when the drag started from a rule. */
  rule?: number;
  /** Screen coordinates where the drag started (the pointer itself is tracked by the layer drawing the line). */
  x0: number;
  y0: number;
  /** Graph id of the node under the pointer that would accept the drop, if any. */
  over: string | null;
}

/**
 * Visual editing state (web/edit, canvas tools): the selected edge — the one whose reference
 * Delete removes and whose weights the edge tools show — and a connection being dragged.
 */
export interface EditSlice {
  selectedEdge: EdgeRef | null;
  connecting: ConnectDrag | null;
  selectEdge: (e: EdgeRef | null) => void;
  setConnecting: (c: ConnectDrag | null) => void;
}

export const editSlice: StateCreator<AppState, [], [], EditSlice> = (set) => ({
  selectedEdge: null,
  connecting: null,
  selectEdge: (selectedEdge) => set({ selectedEdge }),
  setConnecting: (connecting) => set({ connecting }),
});
