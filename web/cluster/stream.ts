/**
 * The app's connection to `switchyard serve`'s event stream: fetch() (so the token travels in the
 * Authorization header, not in a URL), the body read as Server-Sent Events (SseParser), reconnects
 * with exponential backoff. Every connection starts with a snapshot (the server has no replay), so a
 * reconnect or a `reset` simply yields a fresh snapshot. A stream that stays silent past
 * `idleMs` (the server sends a heartbeat every 15 s) is dropped and reopened.
 */
import { SseParser } from "../../src/server/cluster/mirror";
import { CLUSTER_EVENTS_PATH, type ClusterEvent } from "../../src/server/cluster/types";
import type { StreamState } from "../store/cluster";

export interface StreamOptions {
  token: string;
  /** Called with every event in order; return false to stop for good (e.g. an unknown format version). */
  onEvent: (e: ClusterEvent) => boolean;
  onState: (s: StreamState) => void;
  fetch?: typeof fetch;
  /** First retry delay, doubled up to `maxDelayMs` (reset once a snapshot arrives). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Silence after which the stream is considered dead. */
  idleMs?: number;
}

/** Why an attempt ended. */
type End = { retry: true; message: string } | { retry: false; message: string };

export class ClusterStream {
  private readonly abort = new AbortController();
  private stopped = false;
  private delay: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly o: StreamOptions) {
    this.delay = o.initialDelayMs ?? 500;
    this.fetchFn = o.fetch ?? ((...a) => fetch(...a));
  }

  /** Run until stopped or refused for good. */
  async run(): Promise<void> {
    let first = true;
    while (!this.stopped) {
      this.o.onState({ state: first ? "connecting" : "retrying", ...(first ? {} : { message: "reconnecting" }) });
      first = false;
      const end = await this.attempt();
      if (this.stopped) return;
      if (!end.retry) {
        this.o.onState({ state: "failed", message: end.message });
        return;
      }
      const wait = this.delay;
      this.delay = Math.min(this.delay * 2, this.o.maxDelayMs ?? 15_000);
      this.o.onState({ state: "retrying", retryInMs: wait, message: end.message });
      await this.sleep(wait);
    }
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.abort.signal.addEventListener("abort", () => {
        clearTimeout(t);
        resolve();
      }, { once: true });
    });
  }

  /** One connection: open, read events until the stream ends. */
  private async attempt(): Promise<End> {
    const attempt = new AbortController();
    const onStop = () => attempt.abort();
    this.abort.signal.addEventListener("abort", onStop, { once: true });
    let idle: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => attempt.abort(), this.o.idleMs ?? 45_000);
    };
    try {
      touch();
      const res = await this.fetchFn(CLUSTER_EVENTS_PATH, {
        headers: { Authorization: `Bearer ${this.o.token}`, Accept: "text/event-stream" },
        cache: "no-store",
        credentials: "omit",
        signal: attempt.signal,
      });
      // A wrong token will not get better by retrying: this tab needs the URL serve printed.
      if (res.status === 401) return { retry: false, message: "the server refused the token: open the URL `switchyard serve` printed" };
      if (res.status === 404) return { retry: false, message: "this server has no cluster: start `switchyard serve` with --kubeconfig" };
      if (!res.ok || !res.body) return { retry: true, message: `the server answered ${res.status}` };
      this.o.onState({ state: "open" });
      const parser = new SseParser();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      // Aborting the request should end the body too, but do not count on every fetch to do so.
      attempt.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}), { once: true });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return { retry: true, message: attempt.signal.aborted ? "the stream went silent" : "the stream ended" };
        touch();
        for (const e of parser.push(value)) {
          if (e.type === "snapshot") this.delay = this.o.initialDelayMs ?? 500;
          if (!this.o.onEvent(e)) return { retry: false, message: "the server speaks another version of the stream: reload the page" };
        }
      }
    } catch {
      return { retry: true, message: attempt.signal.aborted && !this.stopped ? "the stream went silent" : "cannot reach switchyard serve" };
    } finally {
      clearTimeout(idle);
      this.abort.signal.removeEventListener("abort", onStop);
      attempt.abort();
    }
  }
}
