/** Exponential backoff with jitter, and a sleep that an AbortSignal cuts short. */
import type { ClusterLimits } from "./limits";

export class Backoff {
  private attempt = 0;
  constructor(private readonly limits: Pick<ClusterLimits, "backoffInitialMs" | "backoffMaxMs" | "backoffFactor">) {}

  /** The next delay: initial × factor^n, capped, ±20% so that many watches do not retry in step. */
  next(): number {
    const { backoffInitialMs: first, backoffMaxMs: max, backoffFactor: f } = this.limits;
    const base = Math.min(max, first * Math.pow(f, this.attempt));
    this.attempt++;
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  /** After a success, start again from the first delay. */
  reset(): void {
    this.attempt = 0;
  }
}

/** Resolve after `ms`, or as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
