/// <reference lib="webworker" />
/** The engine in a Web Worker: a thin message adapter over Engine. */
import { Engine } from "./engine";
import type { FromWorker, ToWorker } from "./protocol";

const engine = new Engine();
const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    if (m.type === "load") post({ id: m.id, type: "loaded", snapshot: engine.load(m.text, m.fileName) });
    else post({ id: m.id, type: "outcomes", outcomes: engine.simulate(m.requests, m.trace) });
  } catch (err) {
    post({ id: m.id, type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
