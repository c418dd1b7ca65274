/// <reference lib="webworker" />
/** The engine in a Web Worker: a thin message adapter over WorkerHandler (Engine + delta sender). */
import { WorkerHandler } from "./handler";
import { warmUp } from "./warmup";
import type { ToWorker } from "./protocol";

const handler = new WorkerHandler();
let warmed = false;
/** The pending rehearsal task (rehearsal.ts), put off by every message. */
let rehearsal: ReturnType<typeof setTimeout> | undefined;

/** Quiet time before a rehearsal: a load's follow-up requests (samples, a layout) go first. */
const REHEARSAL_DELAY_MS = 150;

function rehearseLater(): void {
  clearTimeout(rehearsal);
  if (!handler.rehearsalDue) return;
  rehearsal = setTimeout(() => {
    handler.rehearse();
    rehearseLater();
  }, REHEARSAL_DELAY_MS);
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(handler.handle(e.data));
  // After the first load, warm the edit path up in the worker's idle time (warmup.ts).
  if (!warmed && e.data.type === "load") {
    warmed = true;
    warmUp((fn) => setTimeout(fn, 0));
  }
  rehearseLater();
};
