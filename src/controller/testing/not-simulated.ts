/**
 * Conformance status cases the simulator cannot decide from configuration alone, each with the
 * reason. The conformance test reports them as skipped by name; nothing is skipped silently.
 * `index` is the position of the case in the test's `status` array.
 */
export interface NotSimulated {
  test: string;
  index: number;
  reason: string;
}

export const NOT_SIMULATED_STATUS_CASES: readonly NotSimulated[] = [];
