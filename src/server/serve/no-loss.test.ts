/**
 * End to end over HTTP: a browser-side mirror fed by the event stream ends up equal to the cluster
 * after changes, a restart of the API server mid-watch, and a restart that compacted history (410).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FakeApiServer } from "../testing/fake-apiserver";
import { FAST_LIMITS, directTarget, sample, tempDir, waitFor } from "../testing/cluster-fixtures";
import { openEvents, type EventStream } from "../testing/http-client";
import { ClusterMirror } from "../cluster/mirror";
import { ClusterSession } from "../cluster/session";
import { createReadOnlyClient } from "../cluster/transport";
import { startServe, type ServeHandle } from "./server";

const G = "gateway.networking.k8s.io";
let tmp: ReturnType<typeof tempDir>;
let fake: FakeApiServer;
let session: ClusterSession;
let srv: ServeHandle;
let stream: EventStream;
const mirror = new ClusterMirror();

beforeAll(async () => {
  tmp = tempDir();
  mkdirSync(join(tmp.dir, "app"));
  writeFileSync(join(tmp.dir, "app", "index.html"), "<!doctype html>");
  fake = new FakeApiServer();
  for (let i = 0; i < 6; i++) fake.store.apply(sample.route(`r${i}`));
  await fake.start();
  session = new ClusterSession(createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), { limits: FAST_LIMITS });
  session.start();
  srv = await startServe({ host: "127.0.0.1", port: 0, appDir: join(tmp.dir, "app"), session, sse: { flushMs: 10 } });
  stream = await openEvents(srv.port, "/api/cluster/events", { Host: `127.0.0.1:${srv.port}`, Authorization: `Bearer ${srv.token}` });
});
afterAll(async () => {
  stream.close();
  await srv.close();
  await session.stop();
  await fake.stop();
  tmp.cleanup();
});

/** Routes as `namespace/name@resourceVersion`, from the cluster and from the mirror. */
const clusterRoutes = () => fake.store.list(`${G}/HTTPRoute`).map((o) => `${String(o.metadata.namespace)}/${String(o.metadata.name)}@${String(o.metadata.resourceVersion)}`).sort();
const mirrorRoutes = () => {
  let applied = 0;
  return () => {
    for (; applied < stream.events.length; applied++) mirror.apply(stream.events[applied]);
    return [...mirror.objects.values()].filter((o) => o.kind === "HTTPRoute").map((o) => `${o.metadata.namespace}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
  };
};
const read = mirrorRoutes();
const converged = (what: string) => waitFor(() => JSON.stringify(read()) === JSON.stringify(clusterRoutes()), 4000, what);

describe("no event lost, end to end", () => {
  it("follows changes", async () => {
    await converged("the first snapshot");
    fake.store.apply(sample.route("added"));
    fake.store.delete(G, "HTTPRoute", "apps", "r0");
    fake.store.apply({ ...sample.route("r1"), spec: {} });
    await converged("changes");
  });

  it("across an API server restart mid-watch", async () => {
    await fake.stop();
    fake.store.apply(sample.route("while-down"));
    fake.store.delete(G, "HTTPRoute", "apps", "r2");
    await fake.start();
    fake.store.apply(sample.route("after-restart"));
    await converged("after the restart");
  });

  it("across a restart that compacted history (410 Gone, relist)", async () => {
    await fake.stop();
    fake.store.apply({ ...sample.route("r3"), spec: { hostnames: ["x.example.com"] } });
    fake.store.delete(G, "HTTPRoute", "apps", "r4");
    fake.store.delete(G, "HTTPRoute", "apps", "while-down");
    fake.store.compact();
    await fake.start();
    await converged("after the relist");
    expect(read()).toContain(`apps/r3@${String(fake.store.get(`${G}/HTTPRoute`, "apps", "r3")!.metadata.resourceVersion)}`);
    expect(stream.events.filter((e) => e.type === "snapshot")).toHaveLength(1); // one stream throughout
  });
});
