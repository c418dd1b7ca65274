/**
 * The worker's side of snapshot deltas: remembers the snapshot it sent last and answers with a
 * delta against it when the app holds that one, else with the full snapshot. A delta that carries
 * most of the snapshot anyway (a new configuration) is sent as the full snapshot: it costs the same
 * to clone and less to apply.
 */
import type { FromWorker, Snapshot } from "./protocol";
import { deltaWeight, encodeDelta } from "./delta";

/** Above this share of changed items, a full snapshot is sent instead of a delta. */
const FULL_ABOVE = 0.5;

export class Sender {
  private last: Snapshot | null = null;

  /** The message carrying `next` to an app that holds snapshot version `base` (undefined: none). */
  message(id: number, next: Snapshot, base: number | undefined): FromWorker {
    const prev = this.last;
    this.last = next;
    if (!prev || base === undefined || base !== prev.version) return { id, type: "loaded", snapshot: next };
    const delta = encodeDelta(prev, next);
    const w = deltaWeight(delta, next);
    if (w.changed > FULL_ABOVE * w.total) return { id, type: "loaded", snapshot: next };
    return { id, type: "patched", delta };
  }

  /** The delta from the last snapshot sent to `next`, made and dropped (a rehearsal's); nothing is remembered. */
  rehearse(next: Snapshot): void {
    if (this.last) deltaWeight(encodeDelta(this.last, next), next);
  }
}
