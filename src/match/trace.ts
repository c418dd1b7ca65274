/**
 * The trace: every decision of the matcher as a step a user can read (DESIGN.md principle 5).
 * With tracing off (benchmarks) `on` is false and nothing is recorded; callers test `t.on` before
 * building costly detail strings.
 */
import type { TraceStep } from "../model/outcome";

export class Trace {
  /** The silent trace, shared: nothing is recorded and `steps` is a frozen empty list. */
  private static readonly OFF = new Trace(false);
  readonly steps: TraceStep[];

  private constructor(readonly on: boolean) {
    this.steps = on ? [] : (Object.freeze([]) as unknown as TraceStep[]);
  }

  /** A recording trace, or the shared silent one. */
  static create(on: boolean): Trace {
    return on ? new Trace(true) : Trace.OFF;
  }

  add(step: string, detail: string, refs: string[] = []): void {
    if (this.on) this.steps.push({ step, detail, refs });
  }
}

/** `Listener/ns/gateway/name`, the trace's reference to a listener. */
export function listenerRef(id: string): string {
  return `Listener/${id}`;
}
