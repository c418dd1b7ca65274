/// <reference lib="webworker" />
/** The engine in a Web Worker: a thin message adapter over WorkerHandler (Engine + delta sender). */
import { WorkerHandler } from "./handler";
import type { ToWorker } from "./protocol";

const handler = new WorkerHandler();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(handler.handle(e.data));
};
