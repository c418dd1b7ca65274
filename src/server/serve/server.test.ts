/**
 * The serve HTTP server against a fake cluster: the token URL, GET-only on a fixed set of routes,
 * Host and Origin checks (streams included), the event stream (snapshot, coalesced changes, one
 * watch per kind for any number of clients), and nothing secret in any response.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FakeApiServer } from "../testing/fake-apiserver";
import { FAST_LIMITS, SECRET_MARKER, directTarget, sample, tempDir, waitFor } from "../testing/cluster-fixtures";
import { openEvents, rawRequest, type EventStream, type RawResponse } from "../testing/http-client";
import { ClusterSession } from "../cluster/session";
import { createReadOnlyClient } from "../cluster/transport";
import type { ChangesEvent, SnapshotEvent } from "../cluster/types";
import { startServe, type ServeHandle } from "./server";

const G = "gateway.networking.k8s.io";
const VERBS = ["POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "CONNECT"];
const ROUTES = ["/", "/index.html", "/assets/app.js", "/api/cluster/events", "/api/cluster/snapshot", "/api/cluster/other", "/api", "/missing"];

let fake: FakeApiServer;
let session: ClusterSession;
let srv: ServeHandle;
let tmp: ReturnType<typeof tempDir>;
/** Everything any test received from the server, to search for secrets at the end. */
const received: string[] = [];

beforeAll(async () => {
  tmp = tempDir();
  const app = join(tmp.dir, "app");
  mkdirSync(join(app, "assets"), { recursive: true });
  writeFileSync(join(app, "index.html"), "<!doctype html><title>Switchyard</title>");
  writeFileSync(join(app, "assets", "app.js"), "console.log('app')");
  writeFileSync(join(app, ".env"), "SECRET=1");
  writeFileSync(join(tmp.dir, "outside.txt"), "outside");
  symlinkSync(join(tmp.dir, "outside.txt"), join(app, "escape.txt"));
  fake = new FakeApiServer({ token: "cluster-bearer-token" });
  fake.store.apply(sample.gatewayClass());
  fake.store.apply(sample.gateway());
  fake.store.apply(sample.route("r1"));
  fake.store.apply(sample.secret());
  fake.store.apply(sample.service());
  await fake.start();
  session = new ClusterSession(createReadOnlyClient(directTarget(fake.url, { token: "cluster-bearer-token" }), FAST_LIMITS), { limits: FAST_LIMITS });
  session.start();
  srv = await startServe({ host: "127.0.0.1", port: 0, appDir: app, session, sse: { flushMs: 20 }, maxStreams: 6 });
  await waitFor(() => session.connection().state === "synced" && session.kinds().find((k) => k.kind === "Secret")!.count === 1, 3000, "synced");
});

afterAll(async () => {
  await srv.close();
  await session.stop();
  await fake.stop();
  tmp.cleanup();
});

const host = () => `127.0.0.1:${srv.port}`;
const auth = () => ({ Host: host(), Authorization: `Bearer ${srv.token}` });
async function get(path: string, headers: Record<string, string> = auth(), method = "GET"): Promise<RawResponse> {
  const r = await rawRequest(srv.port, method, path, headers);
  received.push(r.body);
  return r;
}
async function events(path = "/api/cluster/events", headers: Record<string, string> = auth()): Promise<EventStream> {
  const s = await openEvents(srv.port, path, headers);
  return s;
}

describe("serve: URL and static app", () => {
  it("prints a URL with the token in the fragment", () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/#token=${srv.token}`);
  });

  it("serves the app with headers that keep the URL out of Referer and forbid framing", async () => {
    const r = await get("/", { Host: host() });
    expect([r.status, r.body]).toEqual([200, "<!doctype html><title>Switchyard</title>"]);
    expect(r.headers["referrer-policy"]).toBe("no-referrer");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await get("/assets/app.js", { Host: host() })).headers["content-type"]).toMatch(/^text\/javascript/);
  });

  it.each(["/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../outside.txt", "/.env", "/escape.txt", "/assets", "/assets/", "/%00", "/%E0%A4%A"])("does not serve %s", async (path) => {
    const r = await get(path, { Host: host() });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain("outside");
    expect(r.body).not.toContain("SECRET");
  });
});

describe("serve: only GET, on a fixed set of routes", () => {
  it.each(VERBS.flatMap((v) => ROUTES.map((r) => [v, r])))("%s %s is refused", async (verb, route) => {
    const r = await get(route, auth(), verb);
    expect(r.status).toBe(405);
    // CONNECT never reaches the request handler: its socket is answered 405 and closed.
    if (verb !== "CONNECT") expect(r.headers.allow).toBe("GET");
  });

  it("answers 404 for any other API path, even with the token", async () => {
    expect((await get("/api/cluster/other")).status).toBe(404);
    expect((await get("/api/cluster/events/../snapshot")).status).toBe(200); // normalized by the URL parser to a known route
  });

  it("never sent anything but GET to the cluster", () => {
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(fake.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });
});

describe("serve: the token", () => {
  it.each([
    ["no token", {}],
    ["a wrong token", { Authorization: "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }],
    ["the cluster's token", { Authorization: "Bearer cluster-bearer-token" }],
    ["a Basic header", { Authorization: "Basic dXNlcjpwYXNz" }],
  ])("refuses API calls with %s", async (_n, h: Record<string, string>) => {
    const headers = { Host: host(), ...h };
    expect((await get("/api/cluster/snapshot", headers)).status).toBe(401);
    const s = await events("/api/cluster/events", headers);
    expect(s.status).toBe(401);
    s.close();
  });

  it("takes the token from the query on the events route only (EventSource)", async () => {
    expect((await get(`/api/cluster/snapshot?token=${srv.token}`, { Host: host() })).status).toBe(401);
    const s = await events(`/api/cluster/events?token=${srv.token}`, { Host: host() });
    expect(s.status).toBe(200);
    await s.waitFor((e) => e.length > 0);
    s.close();
  });
});

describe("serve: Host and Origin", () => {
  const foreign: [string, Record<string, string>][] = [
    ["a rebinding Host", { Host: "evil.example.com:" }],
    ["a Host on another port", { Host: "127.0.0.1:1" }],
    ["a foreign Origin", { Origin: "http://evil.example.com" }],
    ["a null Origin", { Origin: "null" }],
    ["an https Origin", { Origin: "https://127.0.0.1:PORT" }],
  ];
  it.each(foreign.flatMap(([n, h]) => ["/", "/api/cluster/snapshot", "/api/cluster/events"].map((p) => [n, h, p] as const)))("refuses %s on %s", async (_n, h, path) => {
    const headers: Record<string, string> = { ...auth() };
    for (const [k, v] of Object.entries(h)) headers[k] = v.replace("PORT", String(srv.port)).replace(/:$/, `:${srv.port}`);
    const s = await events(path, headers);
    expect(s.status).toBe(403);
    s.close();
  });

  it("accepts its own Origin and localhost, and refuses cross-site fetches of the API", async () => {
    expect((await get("/api/cluster/snapshot", { ...auth(), Origin: `http://${host()}` })).status).toBe(200);
    expect((await get("/api/cluster/snapshot", { ...auth(), Host: `localhost:${srv.port}` })).status).toBe(200);
    expect((await get("/api/cluster/snapshot", { ...auth(), "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
  });
});

describe("serve: the event stream", () => {
  it("starts with a snapshot, then sends coalesced changes", async () => {
    const s = await events();
    expect(s.headers["content-type"]).toMatch(/^text\/event-stream/);
    await s.waitFor((e) => e.length > 0);
    const snap = s.events[0] as SnapshotEvent;
    expect(snap.type).toBe("snapshot");
    expect(snap.objects.map((o) => o.kind).sort()).toEqual(["Gateway", "GatewayClass", "HTTPRoute", "Secret", "Service"]);
    for (let i = 0; i < 40; i++) fake.store.apply({ ...sample.route("busy"), spec: { hostnames: [`h${i}.example.com`] } });
    fake.store.delete(G, "HTTPRoute", "apps", "r1");
    const last = (e: typeof s.events) => e.some((x) => x.type === "changes" && x.upserts.some((o) => JSON.stringify(o.spec).includes("h39.example.com")));
    await s.waitFor((e) => last(e) && e.some((x) => x.type === "changes" && x.deletes.some((d) => d.name === "r1")));
    const changes = s.events.filter((e): e is ChangesEvent => e.type === "changes");
    expect(changes.length).toBeLessThan(20); // 41 cluster events, coalesced
    received.push(s.raw());
    s.close();
  });

  it("shares one watch per kind among all clients", async () => {
    const watchesBefore = fake.requests.filter((r) => r.path.endsWith("/httproutes") && r.query.watch === "1").length;
    const streams = await Promise.all([1, 2, 3].map(() => events()));
    await Promise.all(streams.map((s) => s.waitFor((e) => e.length > 0)));
    fake.store.apply(sample.route("shared"));
    await Promise.all(streams.map((s) => s.waitFor((e) => e.some((x) => x.type === "changes" && x.upserts.some((o) => o.metadata.name === "shared")))));
    expect(fake.openWatches("httproutes")).toBe(1);
    expect(fake.requests.filter((r) => r.path.endsWith("/httproutes") && r.query.watch === "1").length).toBe(watchesBefore);
    for (const s of streams) {
      received.push(s.raw());
      s.close();
    }
  });

  it("limits the number of concurrent streams", async () => {
    await waitFor(() => session.subscribers === 0, 2000, "earlier streams closed");
    const streams = await Promise.all(Array.from({ length: 6 }, () => events()));
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const extra = await events();
    expect(extra.status).toBe(503);
    [...streams, extra].forEach((s) => s.close());
  });

  it("never sends Secret data, the cluster's token or its address", async () => {
    const snap = await get("/api/cluster/snapshot");
    const all = received.join("\n") + snap.body;
    expect(all.length).toBeGreaterThan(1000);
    expect(all).toContain('"kind":"Secret"');
    expect(all).not.toContain(SECRET_MARKER);
    expect(all).not.toContain("cluster-bearer-token");
    expect(all).not.toContain(fake.url);
    expect(all).not.toContain("managedFields");
    expect(all).not.toContain("last-applied-configuration");
  });
});

describe("serve without a cluster", () => {
  it("serves the app only: no token in the URL, no API", async () => {
    const plain = await startServe({ host: "127.0.0.1", port: 0, appDir: join(tmp.dir, "app") });
    try {
      expect(plain.url).toBe(`http://127.0.0.1:${plain.port}/`);
      const h = { Host: `127.0.0.1:${plain.port}`, Authorization: `Bearer ${plain.token}` };
      expect((await rawRequest(plain.port, "GET", "/", h)).status).toBe(200);
      expect((await rawRequest(plain.port, "GET", "/api/cluster/snapshot", h)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
