/**
 * One browser's Server-Sent Events stream. It starts with a snapshot, then sends the session's
 * events coalesced: changes gathered for `flushMs` and merged per object (the last state of an
 * object wins), the latest kinds and connection status. So a client gets at most 1000/flushMs
 * messages a second, whatever the cluster's rate. A client that does not read (its unsent output
 * over `maxBacklogBytes`) is sent `reset` and disconnected; reconnecting gives a fresh snapshot.
 */
import type { ServerResponse } from "node:http";
import type { ClusterSession } from "../cluster/session";
import { clusterKeyString, clusterObjectKey, type ClusterEvent, type ClusterObject, type ClusterObjectKey, type ConnectionStatus, type KindStatus, type ResetEvent } from "../cluster/types";

export interface SseOptions {
  flushMs: number;
  maxBacklogBytes: number;
  heartbeatMs: number;
}

export const DEFAULT_SSE: SseOptions = { flushMs: 200, maxBacklogBytes: 64 * 1024 * 1024, heartbeatMs: 15_000 };

export class SseStream {
  private readonly changes = new Map<string, { upsert?: ClusterObject; remove?: ClusterObjectKey }>();
  private kinds: KindStatus[] | null = null;
  private connection: ConnectionStatus | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  /** Called once when the stream ends, for whatever reason. */
  onClose: () => void = () => {};

  constructor(
    private readonly res: ServerResponse,
    private readonly session: ClusterSession,
    private readonly options: SseOptions = DEFAULT_SSE,
  ) {}

  /** Send the headers and the snapshot, then follow the session. */
  start(): void {
    this.res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    this.res.on("close", () => this.close());
    this.send(this.session.snapshot());
    if (this.closed) return; // the snapshot alone overflowed the backlog
    this.unsubscribe = this.session.subscribe((e) => this.queue(e));
    this.heartbeat = setInterval(() => this.write(": ping\n\n"), this.options.heartbeatMs);
  }

  /** End the stream (sending `reset` first when a reason is given). */
  close(reason?: ResetEvent["reason"]): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (reason && !this.res.writableEnded) this.res.write(frame({ type: "reset", reason }));
    if (!this.res.writableEnded) this.res.end();
    this.onClose();
  }

  private queue(e: ClusterEvent): void {
    if (this.closed) return;
    if (e.type === "changes") {
      for (const d of e.deletes) this.changes.set(clusterKeyString(d), { remove: d });
      for (const o of e.upserts) this.changes.set(clusterKeyString(clusterObjectKey(o)), { upsert: o });
    } else if (e.type === "kinds") this.kinds = e.kinds;
    else if (e.type === "connection") this.connection = e.connection;
    else return;
    this.timer ??= setTimeout(() => this.flush(), this.options.flushMs);
  }

  private flush(): void {
    this.timer = null;
    if (this.closed) return;
    if (this.changes.size > 0) {
      const upserts: ClusterObject[] = [];
      const deletes: ClusterObjectKey[] = [];
      for (const c of this.changes.values()) {
        if (c.upsert) upserts.push(c.upsert);
        else if (c.remove) deletes.push(c.remove);
      }
      this.changes.clear();
      this.send({ type: "changes", upserts, deletes });
    }
    if (this.kinds) this.send({ type: "kinds", kinds: this.kinds });
    if (this.connection) this.send({ type: "connection", connection: this.connection });
    this.kinds = null;
    this.connection = null;
  }

  private send(e: ClusterEvent): void {
    this.write(frame(e));
  }

  private write(text: string): void {
    if (this.closed || this.res.writableEnded) return;
    this.res.write(text);
    if (this.res.writableLength > this.options.maxBacklogBytes) this.close("overflow");
  }
}

/** One SSE message: the event name, then the JSON on one `data:` line (JSON has no raw newlines). */
export function frame(e: ClusterEvent): string {
  return `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}
