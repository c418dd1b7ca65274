import type { StateCreator } from "zustand";
import type { AppState } from "./index";
import type { Snapshot } from "../worker/protocol";
import type { Diagnostic } from "../../src/model/diagnostic";

export interface EngineSlice {
  /** The last snapshot whose text parsed: what the canvas shows. */
  good: Snapshot | null;
  /** Diagnostics of the newest text (even when it did not parse). */
  diagnostics: Diagnostic[];
  /** The newest text has syntax errors: the canvas shows `good`, dimmed. */
  stale: boolean;
  /** A load is in flight. */
  busy: boolean;
  /** Milliseconds from the text change to the snapshot's arrival, for the status bar and benchmarks. */
  lastLoadMs: number;
  /** The text revision the newest snapshot was computed from. */
  loadedRevision: number;
  acceptSnapshot: (s: Snapshot, elapsedMs: number, revision: number) => void;
  setBusy: (busy: boolean) => void;
}

export const engineSlice: StateCreator<AppState, [], [], EngineSlice> = (set) => ({
  good: null,
  diagnostics: [],
  stale: false,
  busy: false,
  lastLoadMs: 0,
  loadedRevision: -1,
  acceptSnapshot: (s, elapsedMs, revision) =>
    set((st) => ({
      good: s.syntaxErrors && st.good ? st.good : s,
      diagnostics: s.diagnostics,
      stale: s.syntaxErrors,
      busy: false,
      lastLoadMs: elapsedMs,
      loadedRevision: revision,
    })),
  setBusy: (busy) => set({ busy }),
});
