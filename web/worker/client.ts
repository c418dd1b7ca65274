/**
 * The app's handle on the engine worker. The Worker is created on first use (never at import
 * time, so unit tests and SSR do not need one).
 *
 * Snapshots: one request is in flight at a time and only the newest wish waits behind it (a load of
 * the newest text, the newest collapsed namespaces, a tidy), so fast typing never queues stale
 * parses. Answers arrive as deltas against the snapshot this client holds; it applies each one, in
 * order, and hands whole Snapshots to `onSnapshot` listeners. When a delta does not fit (it should
 * not happen), the request is sent again asking for a full snapshot.
 */
import type { FromWorker, Snapshot, TextChange, ToWorker } from "./protocol";
import { applyDelta, PatchMismatch } from "./delta";
import { minimalReplacement } from "../editor/textEdit";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void };

/** What the app wants the worker to do next; later wishes merge into a waiting one. */
export interface SnapshotRequest {
  /** A text to load (absent: lay the current one out again). */
  text?: string;
  fileName?: string;
  /** Opaque tag of the text (the app's text revision), handed back with every snapshot of it. */
  tag?: number;
  /** Namespaces to lay out collapsed (absent: as in the previous request). */
  collapsed?: readonly string[];
  /** Lay out from scratch, with crossing reduction. */
  tidy?: boolean;
  /** Ask for a full snapshot rather than a delta (a new configuration). */
  full?: boolean;
  /** A new picture opens with its largest namespaces collapsed (see Engine.load). */
  autoCollapse?: boolean;
  /** Requests to simulate on the loaded text, asked for when the text is sent (the newest wish's). */
  requests?: () => SimRequest[];
}

/** Called with every snapshot, in order: `tag` of the newest text it reflects; `loaded`: it reflects a new text. */
export type SnapshotListener = (s: Snapshot, info: { tag: number | undefined; loaded: boolean; simulated?: Simulated }) => void;

/** Requests simulated with a load, and their outcomes on the snapshot it gave. */
export interface Simulated {
  requests: SimRequest[];
  outcomes: Outcome[];
}

interface Queued {
  text?: string;
  fileName: string;
  tag?: number;
  tidy: boolean;
  full: boolean;
  autoCollapse: boolean;
  requests?: () => SimRequest[];
  waiters: ((s: Snapshot | null) => void)[];
}

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private busy = false;
  private queued: Queued | null = null;
  private current: Snapshot | null = null;
  private collapsed: string[] = [];
  private fileName = "workspace.yaml";
  private tag: number | undefined;
  private listeners = new Set<SnapshotListener>();
  /** The text the worker holds: the last one sent (null: none, or not known), and its id (`textId`). */
  private workerText: string | null = null;
  private textId = 0;

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

  /** The newest snapshot received (whatever its syntax errors). */
  snapshot(): Snapshot | null {
    return this.current;
  }

  /** Listen to every snapshot; returns the unsubscriber. */
  onSnapshot(l: SnapshotListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /**
   * Ask for a snapshot. Resolves with the snapshot that fulfilled the wish, or null when a newer
   * text superseded this one's text before it was sent (or the worker failed).
   */
  request(r: SnapshotRequest): Promise<Snapshot | null> {
    return new Promise((resolve) => {
      if (r.collapsed) this.collapsed = [...r.collapsed];
      const q = this.queued;
      if (q && r.text !== undefined && q.text !== undefined) {
        // A newer text: the waiting one is never loaded.
        const superseded = q.waiters;
        q.waiters = [];
        for (const w of superseded) w(null);
      }
      const next: Queued = q ?? { fileName: this.fileName, tidy: false, full: false, autoCollapse: false, waiters: [] };
      if (r.text !== undefined) {
        next.text = r.text;
        next.fileName = r.fileName ?? next.fileName;
        next.tag = r.tag;
      }
      next.tidy ||= !!r.tidy;
      next.full ||= !!r.full;
      next.autoCollapse ||= !!r.autoCollapse;
      if (r.requests) next.requests = r.requests;
      next.waiters.push(resolve);
      this.queued = next;
      void this.pump();
    });
  }

  /** Load a text; resolves with its snapshot, or null when a newer text superseded it before it ran. */
  load(text: string, fileName: string, collapsed?: readonly string[]): Promise<Snapshot | null> {
    return this.request({ text, fileName, collapsed });
  }

  /** Lay the current configuration out again (collapsed namespaces changed, or tidy). */
  layout(collapsed: readonly string[], tidy = false): Promise<Snapshot | null> {
    return this.request({ collapsed, tidy });
  }

  private async pump(): Promise<void> {
    if (this.busy || !this.queued) return;
    const q = this.queued;
    this.queued = null;
    this.busy = true;
    let result: Snapshot | null = null;
    try {
      result = await this.run(q);
    } catch {
      result = null;
    } finally {
      this.busy = false;
      for (const w of q.waiters) w(result);
      void this.pump();
    }
  }

  /** Send one request; apply the answer. A delta that does not fit is asked for again, in full. */
  private async run(q: Queued): Promise<Snapshot | null> {
    const loading = q.text !== undefined;
    if (loading) {
      this.fileName = q.fileName;
      this.tag = q.tag;
    }
    // Nothing loaded yet: a layout waits for the first text.
    if (!loading && !this.current) return null;
    for (let attempt = 0; attempt < 2; attempt++) {
      const base = q.full || attempt > 0 ? undefined : this.current?.version;
      const collapsed = [...this.collapsed];
      const requests = loading ? q.requests?.() : undefined;
      const m = loading
        ? await this.send({ type: "load", ...this.asChange(q.text!), fileName: q.fileName, collapsed, tidy: q.tidy, autoCollapse: q.autoCollapse, base, ...(requests?.length ? { requests } : {}) })
        : await this.send({ type: "layout", collapsed, tidy: q.tidy, base });
      let s: Snapshot;
      if (m.type === "error" && m.stale) {
        this.workerText = null;
        continue;
      }
      if (m.type === "loaded") s = m.snapshot;
      else if (m.type === "patched") {
        if (!this.current) continue;
        try {
          s = applyDelta(this.current, m.delta);
        } catch (e) {
          if (e instanceof PatchMismatch) continue;
          throw e;
        }
      } else return null;
      this.current = s;
      // The worker collapsed a new picture's largest namespaces: that is the wish from now on.
      if (loading && q.autoCollapse && s.collapsed?.some((ns) => !this.collapsed.includes(ns))) this.collapsed = [...s.collapsed];
      const simulated = requests?.length && m.outcomes ? { requests, outcomes: m.outcomes } : undefined;
      for (const l of this.listeners) l(s, { tag: this.tag, loaded: loading, simulated });
      return s;
    }
    return null;
  }

  /**
   * A text to send, under a new id: as the change from the worker's text when that is much smaller
   * (an edit), else whole (the first text, a new configuration). The worker holds it from then on.
   */
  private asChange(text: string): { text: string | TextChange; textId: number } {
    const base = this.workerText;
    const from = this.textId;
    const textId = ++this.textId;
    this.workerText = text;
    if (base === null) return { text, textId };
    const r = minimalReplacement(base, text) ?? { start: 0, end: 0, text: "" };
    return { text: r.text.length < text.length / 2 ? { from, ...r, length: text.length } : text, textId };
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
