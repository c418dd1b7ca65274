import type { StateCreator } from "zustand";
import type { AppState } from "./index";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";

/** A request the user keeps, re-evaluated on every edit. */
export interface Sample {
  id: string;
  label: string;
  request: SimRequest;
  /** The outcome on the current configuration, and the one before the last edit. */
  outcome: Outcome | null;
  previous: Outcome | null;
}

export interface SimulationSlice {
  request: SimRequest;
  outcome: Outcome | null;
  samples: Sample[];
  /** Version of the snapshot the current outcome and samples' outcomes were computed on (0: none yet). */
  simulatedVersion: number;
  setRequest: (r: SimRequest) => void;
  setOutcome: (o: Outcome | null) => void;
  addSample: (label: string, request: SimRequest) => void;
  removeSample: (id: string) => void;
  /**
   * The results of one run on snapshot `version`: the current request's outcome (undefined: leave
   * it) and the samples' outcomes, in order (null: leave them).
   */
  setSimulated: (version: number, outcome: Outcome | null | undefined, samples: Outcome[] | null) => void;
}

let sampleSeq = 0;

export const simulationSlice: StateCreator<AppState, [], [], SimulationSlice> = (set) => ({
  request: { gateway: "", request: { protocol: "HTTP", host: "", path: "/", method: "GET", headers: {} } },
  outcome: null,
  samples: [],
  simulatedVersion: 0,
  setRequest: (request) => set({ request }),
  setOutcome: (outcome) => set({ outcome }),
  addSample: (label, request) => set((s) => ({ samples: [...s.samples, { id: `s${++sampleSeq}`, label, request, outcome: null, previous: null }] })),
  removeSample: (id) => set((s) => ({ samples: s.samples.filter((x) => x.id !== id) })),
  setSimulated: (version, outcome, outcomes) =>
    set((s) => ({
      simulatedVersion: version,
      ...(outcome !== undefined ? { outcome } : {}),
      ...(outcomes && s.samples.length ? { samples: s.samples.map((x, i) => ({ ...x, previous: x.outcome, outcome: outcomes[i] ?? null })) } : {}),
    })),
});
