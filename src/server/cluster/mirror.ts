/**
 * The browser's side of the cluster stream, as plain data: parse the SSE text (for clients that read
 * the stream with fetch()) and keep a copy of the cluster by applying events in order. Pure: it only
 * imports the shared types, so the web app can use it as is.
 */
import { CLUSTER_STREAM_VERSION, clusterKeyString, clusterObjectKey, type ClusterEvent, type ClusterObject, type ConnectionStatus, type KindStatus } from "./types";

/** Splits Server-Sent Events text into parsed events; feed it chunks as they arrive. */
export class SseParser {
  private buffer = "";

  /** The complete events in `chunk` (and what was buffered before). Malformed data lines are skipped. */
  push(chunk: string): ClusterEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, "\n");
    const out: ClusterEvent[] = [];
    for (let i = this.buffer.indexOf("\n\n"); i !== -1; i = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 2);
      const data = block
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(l.startsWith("data: ") ? 6 : 5))
        .join("\n");
      if (!data) continue; // a heartbeat comment or an empty block
      try {
        out.push(JSON.parse(data) as ClusterEvent);
      } catch {
        // not ours: ignore rather than break the stream
      }
    }
    return out;
  }
}

/** A copy of the cluster built from the stream's events. */
export class ClusterMirror {
  /** Objects by `group/Kind/namespace/name`. */
  readonly objects = new Map<string, ClusterObject>();
  kinds: KindStatus[] = [];
  connection: ConnectionStatus = { state: "connecting" };

  /**
   * Apply one event. A snapshot replaces everything. Returns false when the event cannot be used
   * (a snapshot of another format version): the client should stop and say so.
   */
  apply(e: ClusterEvent): boolean {
    switch (e.type) {
      case "snapshot":
        if (e.version !== CLUSTER_STREAM_VERSION) return false;
        this.objects.clear();
        for (const o of e.objects) this.objects.set(clusterKeyString(clusterObjectKey(o)), o);
        this.kinds = e.kinds;
        this.connection = e.connection;
        return true;
      case "changes":
        for (const d of e.deletes) this.objects.delete(clusterKeyString(d));
        for (const o of e.upserts) this.objects.set(clusterKeyString(clusterObjectKey(o)), o);
        return true;
      case "kinds":
        this.kinds = e.kinds;
        return true;
      case "connection":
        this.connection = e.connection;
        return true;
      case "reset":
        return true; // the server closes the stream next; reconnecting brings a fresh snapshot
    }
  }
}
