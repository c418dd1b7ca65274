/** Discovery: which kinds the cluster serves, at which version; the rest is "not installed". */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeApiServer } from "../testing/fake-apiserver";
import { OPTIONAL_KINDS } from "../testing/fake-store";
import { FAST_LIMITS, directTarget } from "../testing/cluster-fixtures";
import { WATCHED_KINDS } from "./catalog";
import { collectionPath, discover } from "./discovery";
import { createReadOnlyClient } from "./transport";

const G = "gateway.networking.k8s.io";
const X = "gateway.networking.x-k8s.io";
let fake: FakeApiServer;
beforeEach(async () => {
  fake = new FakeApiServer();
  await fake.start();
});
afterEach(() => fake.stop());

const run = () => discover(createReadOnlyClient(directTarget(fake.url), FAST_LIMITS), WATCHED_KINDS);

describe("discover", () => {
  it("finds the served kinds at their best version, with plural resource names and scope", async () => {
    const d = await run();
    const rows = [...d.served.values()].map((s) => [s.kind, s.version, s.resource, s.namespaced]);
    expect(rows).toEqual([
      ["GatewayClass", "v1", "gatewayclasses", false],
      ["Gateway", "v1", "gateways", true],
      ["HTTPRoute", "v1", "httproutes", true],
      ["GRPCRoute", "v1", "grpcroutes", true],
      ["TLSRoute", "v1alpha2", "tlsroutes", true],
      ["ReferenceGrant", "v1beta1", "referencegrants", true],
      ["ListenerSet", "v1", "listenersets", true],
      ["BackendTLSPolicy", "v1", "backendtlspolicies", true],
      ["Service", "v1", "services", true],
      ["Namespace", "v1", "namespaces", false],
    ]);
  });

  it("reports kinds whose CRDs are absent as not served, and finds them once installed", async () => {
    const absent = ["TCPRoute", "UDPRoute", "XListenerSet", "XBackend", "XBackendTrafficPolicy", "BackendLBPolicy", "XMesh"];
    let d = await run();
    for (const k of absent) expect([...d.served.values()].some((s) => s.kind === k), k).toBe(false);
    for (const k of OPTIONAL_KINDS) fake.store.install(k);
    d = await run();
    expect(d.served.get(`${G}/TCPRoute`)?.version).toBe("v1alpha2");
    expect(d.served.get(`${X}/XListenerSet`)).toMatchObject({ version: "v1alpha1", resource: "xlistenersets" });
  });

  it("prefers the group's preferred version, else the best version that serves the kind", async () => {
    fake.store.install({ group: G, kind: "TLSRoute", versions: ["v1alpha3", "v1alpha2"], plural: "tlsroutes", namespaced: true });
    const d = await run();
    expect(d.served.get(`${G}/TLSRoute`)?.version).toBe("v1alpha3");
    expect(d.served.get(`${G}/Gateway`)?.version).toBe("v1");
  });

  it("skips resource names that could break out of a path", async () => {
    fake.store.install({ group: G, kind: "TCPRoute", versions: ["v1"], plural: "..", namespaced: true });
    fake.store.install({ group: G, kind: "UDPRoute", versions: ["v1"], plural: "UDP_Routes", namespaced: true });
    const d = await run();
    expect(d.served.has(`${G}/TCPRoute`)).toBe(false);
    expect(d.served.has(`${G}/UDPRoute`)).toBe(false);
  });

  it("treats one unreadable group-version as absent, but a refused discovery as an error", async () => {
    fake.store.install({ group: G, kind: "TCPRoute", versions: ["v1alpha2"], plural: "tcproutes", namespaced: true });
    fake.failNext(new RegExp(`^/apis/${G}/v1alpha2$`), 503);
    const d = await run();
    expect(d.served.has(`${G}/TCPRoute`)).toBe(false);
    expect(d.served.has(`${G}/HTTPRoute`)).toBe(true);
    fake.failNext(/^\/apis$/, 401);
    await expect(run()).rejects.toMatchObject({ problem: "unauthorized" });
    fake.failNext(/^\/api\/v1$/, 403);
    await expect(run()).rejects.toMatchObject({ problem: "forbidden" });
  });

  it("builds collection paths for core and grouped kinds", async () => {
    const d = await run();
    expect(collectionPath(d.served.get("/Service")!)).toBe("/api/v1/services");
    expect(collectionPath(d.served.get(`${G}/HTTPRoute`)!)).toBe(`/apis/${G}/v1/httproutes`);
  });
});
