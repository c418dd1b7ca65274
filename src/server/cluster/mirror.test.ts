/** The browser-side helpers: SSE text parsing in any chunking, and the mirror's event semantics. */
import { describe, expect, it } from "vitest";
import { ClusterMirror, SseParser } from "./mirror";
import type { ClusterEvent, ClusterObject } from "./types";

const route = (name: string, rv: string): ClusterObject => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name, namespace: "a", resourceVersion: rv } });
const frame = (e: ClusterEvent) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;

describe("SseParser", () => {
  const events: ClusterEvent[] = [
    { type: "snapshot", version: 1, connection: { state: "synced" }, kinds: [], objects: [route("r", "1")] },
    { type: "changes", upserts: [route("é→", "2")], deletes: [] },
    { type: "reset", reason: "shutdown" },
  ];
  const text = frame(events[0]) + ": ping\n\n" + frame(events[1]).replace(/\n/g, "\r\n") + "data: not json\n\n" + frame(events[2]);

  it("finds every event whatever the chunking, skipping heartbeats and junk", () => {
    for (let cut = 1; cut < text.length; cut += 7) {
      const p = new SseParser();
      expect([...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))], `cut at ${cut}`).toEqual(events);
    }
  });
});

describe("ClusterMirror", () => {
  it("replaces everything on a snapshot, applies deletes then upserts, keeps the latest status", () => {
    const m = new ClusterMirror();
    expect(m.apply({ type: "snapshot", version: 1, connection: { state: "connecting" }, kinds: [], objects: [route("a", "1"), route("b", "1")] })).toBe(true);
    m.apply({ type: "changes", upserts: [route("c", "2"), route("a", "3")], deletes: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "a", name: "b" }] });
    m.apply({ type: "connection", connection: { state: "synced" } });
    expect([...m.objects.values()].map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort()).toEqual(["a@3", "c@2"]);
    expect(m.connection.state).toBe("synced");
    m.apply({ type: "snapshot", version: 1, connection: { state: "synced" }, kinds: [], objects: [route("z", "9")] });
    expect([...m.objects.keys()]).toEqual(["gateway.networking.k8s.io/HTTPRoute/a/z"]);
  });

  it("refuses a snapshot of another format version", () => {
    const m = new ClusterMirror();
    expect(m.apply({ type: "snapshot", version: 2, connection: { state: "synced" }, kinds: [], objects: [] } as unknown as ClusterEvent)).toBe(false);
  });
});
