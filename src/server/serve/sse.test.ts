/** One client's event stream: snapshot first, coalesced changes, capped backlog, clean close. */
import { afterEach, describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import type { ClusterSession } from "../cluster/session";
import type { ClusterEvent, ClusterObject, SnapshotEvent } from "../cluster/types";
import { SseStream, frame } from "./sse";

/** Just enough of a ServerResponse: records what is written; `stuck` makes output pile up unsent. */
class FakeResponse extends EventEmitter {
  status = 0;
  chunks: string[] = [];
  writableEnded = false;
  stuck = false;
  get writableLength(): number {
    return this.stuck ? this.chunks.join("").length : 0;
  }
  writeHead(status: number): this {
    this.status = status;
    return this;
  }
  write(s: string): boolean {
    this.chunks.push(s);
    return true;
  }
  end(): void {
    this.writableEnded = true;
  }
  events(): ClusterEvent[] {
    return this.chunks.filter((c) => c.startsWith("event:")).map((c) => JSON.parse(c.split("\n")[1].slice(6)) as ClusterEvent);
  }
}

/** A session stand-in: a snapshot and a way to push events. */
function fakeSession() {
  const listeners = new Set<(e: ClusterEvent) => void>();
  const snap: SnapshotEvent = { type: "snapshot", version: 1, connection: { state: "synced" }, kinds: [], objects: [] };
  return {
    session: { snapshot: () => snap, subscribe: (fn: (e: ClusterEvent) => void) => (listeners.add(fn), () => listeners.delete(fn)) } as unknown as ClusterSession,
    push: (e: ClusterEvent) => listeners.forEach((fn) => fn(e)),
    count: () => listeners.size,
  };
}

const route = (name: string, rv: string): ClusterObject => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name, namespace: "a", resourceVersion: rv } });
const del = (name: string) => ({ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "a", name });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stream: SseStream | null = null;
afterEach(() => stream?.close());

describe("SseStream", () => {
  it("frames one JSON object per event", () => {
    expect(frame({ type: "reset", reason: "shutdown" })).toBe('event: reset\ndata: {"type":"reset","reason":"shutdown"}\n\n');
  });

  it("sends the snapshot first, then one coalesced changes event per window", async () => {
    const res = new FakeResponse();
    const s = fakeSession();
    stream = new SseStream(res as unknown as ServerResponse, s.session, { flushMs: 20, maxBacklogBytes: 1e6, heartbeatMs: 60_000 });
    stream.start();
    expect(res.status).toBe(200);
    for (let i = 0; i < 50; i++) s.push({ type: "changes", upserts: [route("busy", String(i))], deletes: [] });
    s.push({ type: "changes", upserts: [route("gone", "1")], deletes: [] });
    s.push({ type: "changes", upserts: [], deletes: [del("gone")] });
    s.push({ type: "changes", upserts: [], deletes: [del("back")] });
    s.push({ type: "changes", upserts: [route("back", "9")], deletes: [] });
    s.push({ type: "kinds", kinds: [] });
    s.push({ type: "connection", connection: { state: "reconnecting", problem: "unreachable" } });
    s.push({ type: "connection", connection: { state: "synced" } });
    await tick(60);
    const types = res.events().map((e) => e.type);
    expect(types).toEqual(["snapshot", "changes", "kinds", "connection"]);
    const changes = res.events()[1] as Extract<ClusterEvent, { type: "changes" }>;
    expect(changes.upserts.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`)).toEqual(["busy@49", "back@9"]);
    expect(changes.deletes.map((d) => d.name)).toEqual(["gone"]);
    expect(res.events()[3]).toEqual({ type: "connection", connection: { state: "synced" } });
  });

  it("drops a client that does not read, telling it why", () => {
    const res = new FakeResponse();
    res.stuck = true;
    const s = fakeSession();
    let closed = 0;
    stream = new SseStream(res as unknown as ServerResponse, s.session, { flushMs: 5, maxBacklogBytes: 50, heartbeatMs: 60_000 });
    stream.onClose = () => closed++;
    stream.start();
    expect(res.events().map((e) => e.type)).toEqual(["snapshot", "reset"]);
    expect(res.events()[1]).toEqual({ type: "reset", reason: "overflow" });
    expect(res.writableEnded).toBe(true);
    expect([closed, s.count()]).toEqual([1, 0]);
  });

  it("unsubscribes when the client goes away", () => {
    const res = new FakeResponse();
    const s = fakeSession();
    stream = new SseStream(res as unknown as ServerResponse, s.session);
    stream.start();
    expect(s.count()).toBe(1);
    res.emit("close");
    expect(s.count()).toBe(0);
  });
});
