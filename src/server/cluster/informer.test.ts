/**
 * One kind kept in sync: paged lists, watch events, bookmarks, the end of a stream, a server restart
 * mid-watch, 410 Gone (event and status), 401/403/404 and retries. After each scenario the consumer's
 * copy must equal the server's objects: no event lost.
 */
import { afterEach, describe, expect, it } from "vitest";
import { FakeApiServer, type FakeApiServerOptions } from "../testing/fake-apiserver";
import { FAST_LIMITS, directTarget, sample, waitFor } from "../testing/cluster-fixtures";
import type { ServedKind } from "./discovery";
import { Informer } from "./informer";
import { createReadOnlyClient } from "./transport";
import type { KindState } from "./types";

const G = "gateway.networking.k8s.io";
const ROUTES: ServedKind = { group: G, kind: "HTTPRoute", version: "v1", resource: "httproutes", namespaced: true };
const KEY = `${G}/HTTPRoute`;

let fake: FakeApiServer;
let informer: Informer | null = null;
afterEach(async () => {
  await informer?.stop();
  informer = null;
  await fake.stop();
});

async function setup(options: FakeApiServerOptions = {}, routes = 5) {
  fake = new FakeApiServer(options);
  for (let i = 0; i < routes; i++) fake.store.apply(sample.route(`r${i}`, i % 2 ? "apps" : "web"));
  await fake.start();
  const mirror = new Map<string, string>();
  const states: KindState[] = [];
  const log: string[] = [];
  let vanished = false;
  informer = new Informer(ROUTES, createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), FAST_LIMITS, {
    changed: (_k, upserts, deletes) => {
      for (const d of deletes) {
        mirror.delete(`${d.namespace}/${d.name}`);
        log.push(`-${d.name}`);
      }
      for (const o of upserts) {
        mirror.set(`${o.metadata.namespace}/${o.metadata.name}`, String(o.metadata.resourceVersion));
        log.push(`+${o.metadata.name}`);
      }
    },
    state: (_k, s) => states.push(s),
    vanished: () => void (vanished = true),
  });
  informer.start();
  const h = { mirror, states, log, vanished: () => vanished, inf: informer };
  await waitFor(() => fake.openWatches("httproutes") === 1, 3000, "the watch");
  return h;
}

/** The server's objects as `ns/name → resourceVersion`. */
const serverState = () => new Map(fake.store.list(KEY).map((o) => [`${String(o.metadata.namespace)}/${String(o.metadata.name)}`, String(o.metadata.resourceVersion)]));
const lists = () => fake.requests.filter((r) => r.path.endsWith("/httproutes") && r.query.watch === undefined);
const watches = () => fake.requests.filter((r) => r.path.endsWith("/httproutes") && r.query.watch === "1");
const inSync = (h: { mirror: Map<string, string> }) => waitFor(() => JSON.stringify([...h.mirror].sort()) === JSON.stringify([...serverState()].sort()), 3000, "the copy to match the server");

describe("informer", () => {
  it("lists in pages (limit/continue) and watches from the list's resourceVersion", async () => {
    const h = await setup();
    expect(lists().map((r) => [r.query.limit, r.query.continue !== undefined])).toEqual([
      ["2", false],
      ["2", true],
      ["2", true],
    ]);
    const w = watches()[0].query;
    expect(w).toMatchObject({ watch: "1", resourceVersion: String(fake.store.rv), allowWatchBookmarks: "true" });
    expect(h.mirror).toEqual(serverState());
    expect(h.states).toEqual(["synced"]);
  });

  it("applies ADDED, MODIFIED and DELETED in order, and moves on with BOOKMARKs", async () => {
    const h = await setup();
    h.log.length = 0;
    fake.store.apply(sample.route("new", "apps"));
    fake.store.apply({ ...sample.route("r1", "apps"), spec: { hostnames: ["changed.example.com"] } });
    fake.store.delete(G, "HTTPRoute", "web", "r0");
    await inSync(h);
    expect(h.log).toEqual(["+new", "+r1", "-r0"]);
    expect(h.inf.objects.get("apps/r1")?.spec).toEqual({ hostnames: ["changed.example.com"] });
    fake.store.apply(sample.service("unrelated")); // moves the global resourceVersion, not this kind
    fake.bookmark();
    await waitFor(() => h.inf.resourceVersion === String(fake.store.rv), 3000, "the bookmark");
  });

  it("resumes from the last resourceVersion when the server ends the stream, without listing again", async () => {
    const h = await setup();
    fake.endWatches();
    fake.store.apply(sample.route("after-end", "apps"));
    await inSync(h);
    expect(lists()).toHaveLength(3);
    expect(watches().length).toBeGreaterThanOrEqual(2);
  });

  it("loses no event across a server restart mid-watch (resumed from its resourceVersion)", async () => {
    const h = await setup();
    const port = new URL(fake.url).port;
    await fake.stop();
    fake.store.apply(sample.route("while-down", "apps"));
    fake.store.delete(G, "HTTPRoute", "web", "r2");
    fake.store.apply({ ...sample.route("r3", "apps"), spec: {} });
    await fake.start();
    expect(new URL(fake.url).port).toBe(port);
    await inSync(h);
    expect(lists()).toHaveLength(3); // history was kept: no relist needed
    expect(h.states).toContain("reconnecting");
    await waitFor(() => h.states[h.states.length - 1] === "synced", 3000, "synced again");
  });

  it.each([
    ["as a watch ERROR event", {}],
    ["as an HTTP status", { goneAsHttpStatus: true }],
  ])("relists on 410 Gone (%s) and reports what changed meanwhile", async (_name, options) => {
    const h = await setup(options);
    await fake.stop();
    fake.store.apply(sample.route("while-down", "apps"));
    fake.store.delete(G, "HTTPRoute", "web", "r0");
    fake.store.compact();
    await fake.start();
    await inSync(h);
    expect(lists().length).toBeGreaterThan(3);
    expect(h.log).toContain("-r0");
    expect(h.log).toContain("+while-down");
    // Unchanged objects are not reported again by the relist.
    expect(h.log.filter((l) => l === "+r4")).toHaveLength(1);
  });

  it("starts the list over when its continue token has expired", async () => {
    fake = new FakeApiServer();
    for (let i = 0; i < 5; i++) fake.store.apply(sample.route(`r${i}`));
    await fake.start();
    // The second page answers 410 once: the list must restart from the first page.
    fake.failNext(/continue=/, 410);
    const seen = new Map<string, string>();
    informer = new Informer(ROUTES, createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), FAST_LIMITS, {
      changed: (_k, up) => up.forEach((o) => seen.set(o.metadata.name, String(o.metadata.resourceVersion))),
      state: () => {},
      vanished: () => {},
    });
    informer.start();
    await waitFor(() => fake.openWatches("httproutes") === 1);
    expect(seen.size).toBe(5);
    expect(lists().filter((r) => r.query.continue === undefined)).toHaveLength(2);
  });

  it("reports 403 as forbidden and recovers once allowed", async () => {
    const h = await setup();
    fake.forbidden.add("httproutes");
    fake.endWatches();
    await waitFor(() => h.states.includes("forbidden"), 3000, "forbidden");
    fake.forbidden.delete("httproutes");
    fake.store.apply(sample.route("later", "apps"));
    await inSync(h);
    await waitFor(() => h.states[h.states.length - 1] === "synced");
  });

  it("reports 401 before the first list as failed, then retries with backoff until it works", async () => {
    fake = new FakeApiServer();
    await fake.start();
    fake.failNext(/httproutes/, 401, 3);
    const states: KindState[] = [];
    informer = new Informer(ROUTES, createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), FAST_LIMITS, { changed: () => {}, state: (_k, s) => states.push(s), vanished: () => {} });
    informer.start();
    await waitFor(() => states.includes("synced"), 3000, "synced");
    expect(states[0]).toBe("failed");
    expect(lists()).toHaveLength(4);
  });

  it("retries a failing watch and relists nothing when it resumes", async () => {
    const h = await setup();
    fake.failNext(/watch=1/, 500, 3);
    fake.endWatches();
    fake.store.apply(sample.route("during-errors", "apps"));
    await inSync(h);
    expect(lists()).toHaveLength(3);
    expect(watches().length).toBeGreaterThanOrEqual(5);
  });

  it("relists with backoff, not in a busy loop, when every watch answers 410", async () => {
    const h = await setup();
    fake.failNext(/watch=1/, 410, 4);
    fake.endWatches();
    fake.store.apply(sample.route("after-gone", "apps"));
    await inSync(h);
    await waitFor(() => fake.openWatches("httproutes") === 1, 3000, "watching again");
    // Four 410s: at most one relist (three pages) per 410, and backoff in between.
    expect(lists().length).toBeLessThanOrEqual(3 + 4 * 3);
    expect(lists().length).toBeGreaterThan(3);
  });

  it("refuses more objects of a kind than the cap, as too large", async () => {
    fake = new FakeApiServer();
    for (let i = 0; i < 5; i++) fake.store.apply(sample.route(`r${i}`));
    await fake.start();
    const limits = { ...FAST_LIMITS, maxObjectsPerKind: 3 };
    const errors: string[] = [];
    informer = new Informer(ROUTES, createReadOnlyClient(directTarget(fake.url), limits), limits, { changed: () => {}, state: (_k, s, e) => errors.push(`${s}:${e?.problem}`), vanished: () => {} });
    informer.start();
    await waitFor(() => errors.length > 0);
    expect(errors[0]).toBe("failed:too-large");
  });

  it("stops and removes its objects when the kind is uninstalled (404)", async () => {
    const h = await setup();
    fake.store.uninstall(G, "HTTPRoute");
    fake.endWatches();
    await waitFor(() => h.vanished(), 3000, "vanished");
    expect(h.mirror.size).toBe(0);
    expect(h.states[h.states.length - 1]).toBe("not-installed");
  });

  it("sanitizes listed and watched objects", async () => {
    const h = await setup({}, 1);
    fake.store.apply(sample.route("watched", "apps"));
    await inSync(h);
    for (const o of h.inf.objects.values()) {
      expect(o.metadata.managedFields).toBeUndefined();
      expect(o.metadata.annotations).toEqual({ keep: "yes" });
    }
  });
});
