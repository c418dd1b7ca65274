/**
 * The standalone fake cluster (what the e2e test starts): a kubeconfig that `switchyard serve` can
 * use, and a control endpoint whose changes reach the browser's event stream.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadKubeconfig } from "../cluster/kubeconfig";
import { ClusterSession } from "../cluster/session";
import { createReadOnlyClient } from "../cluster/transport";
import { startServe, type ServeHandle } from "../serve/server";
import { FAST_LIMITS, tempDir, waitFor } from "./cluster-fixtures";
import { startFakeCluster, objectsOf, readyLine, type FakeCluster } from "./fake-control";
import { openEvents } from "./http-client";
import { mkdirSync, writeFileSync } from "node:fs";

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: from-control, namespace: apps}
spec:
  parentRefs: [{name: gw}]
`;

let tmp: ReturnType<typeof tempDir>;
let cluster: FakeCluster;
let session: ClusterSession;
let srv: ServeHandle;
beforeAll(async () => {
  tmp = tempDir();
  mkdirSync(join(tmp.dir, "app"));
  writeFileSync(join(tmp.dir, "app", "index.html"), "<!doctype html>");
  cluster = await startFakeCluster({ kubeconfigOut: join(tmp.dir, "kubeconfig.yaml"), https: true, token: "e2e-token", seed: ["apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n"] });
  session = new ClusterSession(createReadOnlyClient(await loadKubeconfig(cluster.kubeconfig), FAST_LIMITS), { limits: FAST_LIMITS });
  session.start();
  srv = await startServe({ host: "127.0.0.1", port: 0, appDir: join(tmp.dir, "app"), session, sse: { flushMs: 10 } });
});
afterAll(async () => {
  await srv.close();
  await session.stop();
  await cluster.close();
  tmp.cleanup();
});

const post = (route: string, body = "") => fetch(cluster.control + route, { method: "POST", body }).then((r) => r.json() as Promise<Record<string, unknown>>);

describe("fake cluster with a control endpoint", () => {
  it("announces itself in one JSON line", () => {
    expect(JSON.parse(readyLine(cluster))).toEqual({ apiserver: cluster.apiserver, control: cluster.control, kubeconfig: cluster.kubeconfig });
    expect(cluster.apiserver).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("reads YAML, JSON and List documents", () => {
    expect(objectsOf(ROUTE + "---\n" + JSON.stringify({ kind: "ServiceList", items: [{ kind: "Service", metadata: { name: "a" } }] })).map((o) => o.kind)).toEqual(["HTTPRoute", "Service"]);
  });

  it("changes made through the control endpoint reach the event stream", async () => {
    const s = await openEvents(srv.port, "/api/cluster/events", { Host: `127.0.0.1:${srv.port}`, Authorization: `Bearer ${srv.token}` });
    await waitFor(() => session.connection().state === "synced", 3000, "synced");
    const applied = await post("/apply", ROUTE);
    expect(applied).toMatchObject({ applied: [{ kind: "HTTPRoute", namespace: "apps", name: "from-control" }] });
    await s.waitFor((e) => e.some((x) => (x.type === "changes" && x.upserts.some((o) => o.metadata.name === "from-control")) || (x.type === "snapshot" && x.objects.some((o) => o.metadata.name === "from-control"))));
    expect(await post("/delete", JSON.stringify({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", namespace: "apps", name: "from-control" }))).toEqual({ deleted: true });
    await s.waitFor((e) => e.some((x) => x.type === "changes" && x.deletes.some((d) => d.name === "from-control")));
    await post("/restart", JSON.stringify({ compact: true }));
    await post("/apply", ROUTE.replace("from-control", "after-restart"));
    await s.waitFor((e) => e.some((x) => x.type === "changes" && x.upserts.some((o) => o.metadata.name === "after-restart")));
    const requests = (await fetch(cluster.control + "/requests").then((r) => r.json())) as { method: string }[];
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.method === "GET")).toBe(true);
    s.close();
  });

  it("answers unknown control routes with 404", async () => {
    const r = await fetch(cluster.control + "/nope", { method: "POST" });
    expect(r.status).toBe(404);
  });
});
