/**
 * The stream client against a scripted fetch: the token in the Authorization header (never in the
 * URL), events parsed across chunk boundaries, reconnects with growing delays that a snapshot
 * resets, a refused token and an unknown server ending the loop, a silent stream dropped.
 */
import { describe, expect, it } from "vitest";
import { CLUSTER_EVENTS_PATH, type ClusterEvent } from "../../src/server/cluster/types";
import { frame } from "../../src/server/serve/sse";
import type { StreamState } from "../store/cluster";
import { ClusterStream } from "./stream";

const TOKEN = "t".repeat(43);
const snapshot: ClusterEvent = { type: "snapshot", version: 1, connection: { state: "synced" }, kinds: [], objects: [] };
const changes: ClusterEvent = { type: "changes", upserts: [], deletes: [{ group: "", kind: "Service", namespace: "a", name: "b" }] };

/** A response whose body yields `chunks` and then ends (or stays open when `hang`). */
function body(chunks: string[], hang = false): Response {
  const enc = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(enc.encode(ch));
        if (!hang) c.close();
      },
    }),
    { status: 200, headers: { "Content-Type": "text/event-stream" } },
  );
}

function run(responses: (() => Response | Promise<Response>)[], extra: { idleMs?: number; stopAfterEvents?: number } = {}) {
  const requests: { url: string; init?: RequestInit }[] = [];
  const events: ClusterEvent[] = [];
  const states: StreamState[] = [];
  let i = 0;
  const s: ClusterStream = new ClusterStream({
    token: TOKEN,
    initialDelayMs: 5,
    maxDelayMs: 20,
    idleMs: extra.idleMs,
    fetch: (async (url: string, init?: RequestInit) => {
      requests.push({ url, init });
      const next = responses[Math.min(i++, responses.length - 1)];
      return next();
    }) as typeof fetch,
    onEvent: (e) => {
      events.push(e);
      if (extra.stopAfterEvents !== undefined && events.length >= extra.stopAfterEvents) s.stop();
      return !(e.type === "snapshot" && (e as { version: number }).version !== 1);
    },
    onState: (st) => states.push(st),
  });
  return { s, done: s.run(), requests, events, states };
}

describe("ClusterStream", () => {
  it("sends the token as a Bearer header to the events path, and parses events split across chunks", async () => {
    const text = frame(snapshot) + ": ping\n\n" + frame(changes);
    const r = run([() => body([text.slice(0, 7), text.slice(7, 40), text.slice(40)], true)], { stopAfterEvents: 2 });
    await r.done;
    expect(r.requests[0].url).toBe(CLUSTER_EVENTS_PATH);
    expect(r.requests[0].url).not.toContain(TOKEN);
    expect((r.requests[0].init!.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
    expect(r.requests[0].init?.credentials).toBe("omit");
    expect(r.events).toEqual([snapshot, changes]);
    expect(r.states.map((s) => s.state)).toEqual(["connecting", "open"]);
  });

  it("reconnects with doubling delays after failures, reset by a snapshot", async () => {
    const r = run([() => new Response("busy", { status: 503 }), () => new Response("busy", { status: 503 }), () => body([frame(snapshot)]), () => new Response("", { status: 503 }), () => body([frame(snapshot)], true)], { stopAfterEvents: 2 });
    await r.done;
    const waits = r.states.filter((s) => s.retryInMs !== undefined).map((s) => s.retryInMs);
    // 5, 10 (doubling); the snapshot resets: the stream's end waits 5 again, then 10.
    expect(waits).toEqual([5, 10, 5, 10]);
    expect(r.events.map((e) => e.type)).toEqual(["snapshot", "snapshot"]);
    expect(r.requests).toHaveLength(5);
  });

  it.each<[string, number, RegExp]>([
    ["a refused token", 401, /refused the token/],
    ["a server without a cluster", 404, /no cluster/],
  ])("stops for good on %s", async (_label, status, message) => {
    const r = run([() => new Response("", { status })]);
    await r.done;
    expect(r.requests).toHaveLength(1);
    expect(r.states.at(-1)).toMatchObject({ state: "failed" });
    expect(r.states.at(-1)!.message).toMatch(message);
  });

  it("stops on a snapshot of another format version", async () => {
    const r = run([() => body([frame({ ...snapshot, version: 2 } as unknown as ClusterEvent)], true)]);
    await r.done;
    expect(r.states.at(-1)).toMatchObject({ state: "failed" });
  });

  it("drops a stream that goes silent and opens a new one", async () => {
    const r = run([() => body([frame(snapshot)], true), () => body([frame(snapshot)], true)], { idleMs: 30, stopAfterEvents: 2 });
    await r.done;
    expect(r.requests).toHaveLength(2);
    expect(r.states.some((s) => s.state === "retrying" && /silent/.test(s.message ?? ""))).toBe(true);
  });
});
