/**
 * The trace: every decision of the matcher as a step a user can read (DESIGN.md principle 5).
 * With tracing off (benchmarks) `on` is false and nothing is recorded; callers test `t.on` before
 * building costly detail strings.
 */
import type { TraceStep } from "../model/outcome";

export class Trace {
  readonly steps: TraceStep[] = [];
  constructor(readonly on: boolean) {}

  add(step: string, detail: string, refs: string[] = []): void {
    if (this.on) this.steps.push({ step, detail, refs });
  }
}

/** `Listener/ns/gateway/name`, the trace's reference to a listener. */
export function listenerRef(id: string): string {
  return `Listener/${id}`;
}
