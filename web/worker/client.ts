/**
 * The app's handle on the engine worker. The Worker is created on first use (never at import
 * time, so unit tests and SSR do not need one). `load` is latest-wins: while the worker is busy,
 * only the newest text waits, so fast typing never queues stale parses.
 */
import type { FromWorker, Snapshot, ToWorker } from "./protocol";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void };

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private loadBusy = false;
  private queued: { text: string; fileName: string; resolve: (s: Snapshot | null) => void } | null = null;

  private get w(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const p = this.pending.get(e.data.id);
        this.pending.delete(e.data.id);
        p?.resolve(e.data);
      };
    }
    return this.worker;
  }

  private send(m: DistributiveOmit<ToWorker, "id">): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.w.postMessage({ ...m, id } as ToWorker);
    });
  }

  /** Load a text; resolves with its snapshot, or null when a newer text superseded it before it ran. */
  load(text: string, fileName: string): Promise<Snapshot | null> {
    return new Promise((resolve) => {
      this.queued?.resolve(null);
      this.queued = { text, fileName, resolve };
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.loadBusy || !this.queued) return;
    const q = this.queued;
    this.queued = null;
    this.loadBusy = true;
    try {
      const m = await this.send({ type: "load", text: q.text, fileName: q.fileName });
      q.resolve(m.type === "loaded" ? m.snapshot : null);
    } catch {
      q.resolve(null);
    } finally {
      this.loadBusy = false;
      void this.pump();
    }
  }

  /** Simulate requests on the last loaded configuration. */
  async simulate(requests: SimRequest[], trace = true): Promise<Outcome[]> {
    const m = await this.send({ type: "simulate", requests, trace });
    if (m.type === "error") throw new Error(m.message);
    return m.type === "outcomes" ? m.outcomes : [];
  }
}

let shared: EngineClient | null = null;
/** The app's single engine client. */
export function engine(): EngineClient {
  return (shared ??= new EngineClient());
}
