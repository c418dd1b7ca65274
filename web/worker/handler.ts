/**
 * The worker's message handling, apart from the Worker global so tests can drive it in-process:
 * each request becomes one answer (a full snapshot or a delta, outcomes, or an error).
 */
import { Engine } from "./engine";
import { Sender } from "./sender";
import type { FromWorker, TextChange, ToWorker } from "./protocol";
import type { SimRequest } from "../../src/model/request";
import { REHEARSALS, REHEARSE_FROM, rehearsalEdit } from "./rehearsal";
import { applyReplacement } from "../editor/textEdit";

export class WorkerHandler {
  private engine = new Engine();
  private sender = new Sender();
  /** The text of the last load (what a load sent as a change applies to), and its `textId`. */
  private text: string | null = null;
  private textId: number | undefined;
  private fileName = "";
  /** The last load's requests (a rehearsal simulates them), and rehearsal steps still to run. */
  private requests: SimRequest[] = [];
  private rehearsals = 0;

  /** The answer to one message; never throws. */
  handle(m: ToWorker): FromWorker {
    try {
      if (m.type === "load") {
        const text = typeof m.text === "string" ? m.text : this.text !== null && m.text.from === this.textId ? applyChange(this.text, m.text) : null;
        if (text === null) return { id: m.id, type: "error", message: "the text changed from is not the one held", stale: true };
        this.text = text;
        this.textId = m.textId;
        this.fileName = m.fileName;
        this.requests = m.requests ?? [];
        const answer = this.sender.message(m.id, this.engine.load(text, m.fileName, { collapsed: m.collapsed, tidy: m.tidy, autoCollapse: m.autoCollapse }), m.base);
        // A new configuration (not an edit of the last one), a large one: rehearse an edit of it.
        this.rehearsals = answer.type === "loaded" && (this.engine.current()?.routes.length ?? 0) >= REHEARSE_FROM ? REHEARSALS * 2 : 0;
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

  /** Whether a rehearsal is due (the worker runs them one per idle task). */
  get rehearsalDue(): boolean {
    return this.rehearsals > 0;
  }

  /**
   * One step of a rehearsal (rehearsal.ts), each run through the edit path — load, delta, the last
   * load's requests — and then forgotten: an edit of the current configuration, then the current text
   * again (so the caches end up holding the current text, and the user's first edit changes one
   * place of it, not two). Never throws; a failure ends the rehearsal.
   */
  rehearse(): void {
    if (!this.rehearsals) return;
    const step = REHEARSALS * 2 - this.rehearsals--;
    try {
      const model = this.engine.current();
      const text = this.text === null || !model ? null : step % 2 ? this.text : rehearsalEdit(model, this.text, step >> 1);
      if (text === null) return void (this.rehearsals = 0);
      this.engine.rehearse(text, this.fileName, (s, simulate) => {
        this.sender.rehearse(s);
        simulate(this.requests);
      });
    } catch {
      this.rehearsals = 0;
    }
  }
}

/** `base` with `c` applied, or null when `c` was not made from a text of base's length. */
export function applyChange(base: string, c: TextChange): string | null {
  if (!(c.start >= 0 && c.start <= c.end && c.end <= base.length)) return null;
  const text = applyReplacement(base, c);
  return text.length === c.length ? text : null;
}
