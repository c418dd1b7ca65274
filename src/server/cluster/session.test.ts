/**
 * The session: discovery, one informer per served kind, per-kind availability, the connection
 * state, and referenced Secrets as metadata only.
 */
import { afterEach, describe, expect, it } from "vitest";
import { FakeApiServer, type FakeApiServerOptions } from "../testing/fake-apiserver";
import { OPTIONAL_KINDS } from "../testing/fake-store";
import { FAST_LIMITS, SECRET_MARKER, directTarget, sample, waitFor } from "../testing/cluster-fixtures";
import { ClusterSession } from "./session";
import { PARTIAL_METADATA_ACCEPT } from "./secrets";
import { createReadOnlyClient } from "./transport";
import type { ClusterLimits } from "./limits";
import type { ClusterEvent } from "./types";

const G = "gateway.networking.k8s.io";
let fake: FakeApiServer;
let session: ClusterSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
  await fake.stop();
});

async function setup(options: FakeApiServerOptions = {}, limits: Partial<ClusterLimits> = {}) {
  fake = new FakeApiServer(options);
  fake.store.apply(sample.gatewayClass());
  fake.store.apply(sample.gateway());
  fake.store.apply(sample.route("r1"));
  fake.store.apply(sample.secret());
  fake.store.apply(sample.secret("unreferenced"));
  fake.store.apply(sample.service());
  fake.store.apply(sample.namespace("apps"));
  await fake.start();
  const all = { ...FAST_LIMITS, ...limits };
  session = new ClusterSession(createReadOnlyClient(directTarget(fake.url), all), { limits: all });
  const events: ClusterEvent[] = [];
  session.subscribe((e) => events.push(e));
  session.start();
  return { s: session, events };
}

const synced = (s: ClusterSession) => waitFor(() => s.connection().state === "synced", 3000, "synced");
const kind = (s: ClusterSession, k: string) => s.kinds().find((x) => x.kind === k)!;

describe("ClusterSession", () => {
  it("syncs every served kind, reports absent ones as not installed, and snapshots the objects", async () => {
    const { s } = await setup();
    await synced(s);
    await waitFor(() => kind(s, "Secret").count === 1, 3000, "the referenced Secret");
    const snap = s.snapshot();
    expect(snap).toMatchObject({ type: "snapshot", version: 1, connection: { state: "synced" } });
    expect(snap.objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(["Gateway/gw", "GatewayClass/gc", "HTTPRoute/r1", "Namespace/apps", "Secret/tls-cert", "Service/web"]);
    expect(kind(s, "HTTPRoute")).toMatchObject({ state: "synced", version: "v1", count: 1 });
    expect(kind(s, "TCPRoute")).toMatchObject({ state: "not-installed", version: null, count: 0 });
    expect(kind(s, "XListenerSet").state).toBe("not-installed");
    expect(kind(s, "Service")).toMatchObject({ state: "synced", namespaced: true });
  });

  it("fetches only referenced Secrets, as PartialObjectMetadata, and never their data", async () => {
    const { s, events } = await setup();
    await synced(s);
    await waitFor(() => kind(s, "Secret").count === 1);
    const gets = fake.requests.filter((r) => r.path.includes("/secrets"));
    expect(gets.map((r) => [r.path, r.headers.accept])).toEqual([["/api/v1/namespaces/infra/secrets/tls-cert", PARTIAL_METADATA_ACCEPT]]);
    expect(fake.requests.some((r) => r.path === "/api/v1/secrets")).toBe(false); // never listed
    const secret = s.snapshot().objects.find((o) => o.kind === "Secret")!;
    expect(secret).toEqual({ apiVersion: "v1", kind: "Secret", metadata: expect.objectContaining({ name: "tls-cert", namespace: "infra" }) });
    expect(JSON.stringify(s.snapshot())).not.toContain(SECRET_MARKER);
    expect(JSON.stringify(events)).not.toContain(SECRET_MARKER);
  });

  it("keeps Secret data out even when the API server ignores the metadata-only Accept header", async () => {
    const { s, events } = await setup({ ignorePartialMetadata: true });
    await waitFor(() => kind(s, "Secret").count === 1);
    expect(JSON.stringify(s.snapshot())).not.toContain(SECRET_MARKER);
    expect(JSON.stringify(events)).not.toContain(SECRET_MARKER);
  });

  it("follows references: a new certificateRef fetches that Secret, a removed Gateway drops it", async () => {
    const { s, events } = await setup();
    await waitFor(() => kind(s, "Secret").count === 1);
    fake.store.apply(sample.secret("second", "infra"));
    fake.store.apply(sample.gateway("gw2", "infra", "second"));
    await waitFor(() => kind(s, "Secret").count === 2, 3000, "the second Secret");
    fake.store.delete(G, "Gateway", "infra", "gw");
    await waitFor(() => kind(s, "Secret").count === 1, 3000, "the first Secret dropped");
    const dropped = events.some((e) => e.type === "changes" && e.deletes.some((d) => d.kind === "Secret" && d.name === "tls-cert"));
    expect(dropped).toBe(true);
    expect(s.snapshot().objects.filter((o) => o.kind === "Secret").map((o) => o.metadata.name)).toEqual(["second"]);
  });

  it("fetches only ConfigMaps that CA references name, with nothing but their ca.crt, and follows the references", async () => {
    const { s, events } = await setup();
    const cm = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "apps" }, data: { "ca.crt": "-----BEGIN CERTIFICATE-----", other: SECRET_MARKER } });
    fake.store.apply(cm("ca"));
    fake.store.apply(cm("unreferenced"));
    const policy = { apiVersion: `${G}/v1`, kind: "BackendTLSPolicy", metadata: { name: "p", namespace: "apps" }, spec: { targetRefs: [{ group: "", kind: "Service", name: "web" }], validation: { hostname: "web.example.com", caCertificateRefs: [{ group: "", kind: "ConfigMap", name: "ca" }] } } };
    fake.store.apply(policy);
    await waitFor(() => kind(s, "ConfigMap").count === 1, 3000, "the referenced ConfigMap");
    expect(s.snapshot().objects.filter((o) => o.kind === "ConfigMap")).toEqual([{ apiVersion: "v1", kind: "ConfigMap", metadata: expect.objectContaining({ name: "ca", namespace: "apps" }), data: { "ca.crt": "-----BEGIN CERTIFICATE-----" } }]);
    expect(fake.requests.filter((r) => r.path.includes("/configmaps")).map((r) => r.path)).toEqual(["/api/v1/namespaces/apps/configmaps/ca"]); // one get, never a list
    expect(JSON.stringify(s.snapshot())).not.toContain(SECRET_MARKER);
    fake.store.delete(G, "BackendTLSPolicy", "apps", "p");
    await waitFor(() => kind(s, "ConfigMap").count === 0, 3000, "the ConfigMap dropped");
    expect(events.some((e) => e.type === "changes" && e.deletes.some((d) => d.kind === "ConfigMap" && d.name === "ca"))).toBe(true);
    expect(JSON.stringify(events)).not.toContain(SECRET_MARKER);
  });

  it("reports a referenced Secret it may not read as forbidden", async () => {
    fake = new FakeApiServer();
    fake.forbidden.add("secrets");
    fake.store.apply(sample.gateway());
    await fake.start();
    session = new ClusterSession(createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), { limits: FAST_LIMITS });
    session.start();
    await waitFor(() => kind(session!, "Secret").state === "forbidden", 3000, "forbidden");
    expect(kind(session, "Secret").message).toBe("Access denied by the cluster's RBAC (403).");
  });

  it("reports a kind RBAC refuses as forbidden, in generic words only", async () => {
    fake = new FakeApiServer();
    fake.forbidden.add("grpcroutes");
    await fake.start();
    session = new ClusterSession(createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), { limits: FAST_LIMITS });
    session.start();
    await waitFor(() => kind(session!, "GRPCRoute").state === "forbidden", 3000, "forbidden");
    expect(kind(session, "GRPCRoute")).toMatchObject({ problem: "forbidden", message: "Access denied by the cluster's RBAC (403)." });
    expect(kind(session, "HTTPRoute").state).toBe("synced");
    expect(JSON.stringify(session.snapshot())).not.toContain("cannot list"); // the upstream Status text
    expect(JSON.stringify(session.snapshot())).not.toContain(fake.url);
  });

  it("notices a CRD installed later (rediscovery) and starts watching it", async () => {
    const { s } = await setup({}, { rediscoverMs: 30 });
    await synced(s);
    fake.store.install(OPTIONAL_KINDS[0]); // TCPRoute
    fake.store.apply({ apiVersion: `${G}/v1alpha2`, kind: "TCPRoute", metadata: { name: "t", namespace: "apps" }, spec: {} });
    await waitFor(() => kind(s, "TCPRoute").state === "synced" && kind(s, "TCPRoute").count === 1, 3000, "TCPRoute");
    expect(kind(s, "TCPRoute").version).toBe("v1alpha2");
  });

  it("reports a refused discovery as a failed connection, then recovers", async () => {
    fake = new FakeApiServer();
    fake.failNext(/^\/api\/v1$/, 401, 2);
    await fake.start();
    session = new ClusterSession(createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), { limits: FAST_LIMITS });
    const states: string[] = [];
    session.subscribe((e) => e.type === "connection" && states.push(`${e.connection.state}:${e.connection.problem ?? ""}`));
    session.start();
    await synced(session);
    expect(states[0]).toBe("failed:unauthorized");
    expect(states[states.length - 1]).toBe("synced:");
  });

  it("keeps one informer per kind whatever the number of subscribers", async () => {
    const { s } = await setup();
    await synced(s);
    const unsubs = [1, 2, 3].map(() => s.subscribe(() => {}));
    fake.store.apply(sample.route("r2"));
    await waitFor(() => kind(s, "HTTPRoute").count === 2);
    expect(fake.openWatches("httproutes")).toBe(1);
    expect(s.subscribers).toBe(4);
    unsubs.forEach((u) => u());
    expect(s.subscribers).toBe(1);
  });
});
