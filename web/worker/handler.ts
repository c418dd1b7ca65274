/**
 * The worker's message handling, apart from the Worker global so tests can drive it in-process:
 * each request becomes one answer (a full snapshot or a delta, outcomes, or an error).
 */
import { Engine } from "./engine";
import { Sender } from "./sender";
import type { FromWorker, ToWorker } from "./protocol";

export class WorkerHandler {
  private engine = new Engine();
  private sender = new Sender();

  /** The answer to one message; never throws. */
  handle(m: ToWorker): FromWorker {
    try {
      if (m.type === "load") {
        const answer = this.sender.message(m.id, this.engine.load(m.text, m.fileName, { collapsed: m.collapsed, tidy: m.tidy, autoCollapse: m.autoCollapse }), m.base);
        return m.requests?.length && (answer.type === "loaded" || answer.type === "patched") ? { ...answer, outcomes: this.engine.simulate(m.requests, true) } : answer;
      }
      if (m.type === "layout") {
        const s = this.engine.layout(m.collapsed, m.tidy);
        return s ? this.sender.message(m.id, s, m.base) : { id: m.id, type: "error", message: "nothing loaded yet" };
      }
      return { id: m.id, type: "outcomes", outcomes: this.engine.simulate(m.requests, m.trace) };
    } catch (err) {
      return { id: m.id, type: "error", message: err instanceof Error ? err.message : String(err) };
    }
  }
}
