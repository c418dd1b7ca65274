/**
 * Cluster events → the store: a snapshot becomes the workspace text (origin "cluster") and the
 * cluster slice; a status-only change updates the reported status without touching the text (no
 * engine reload); a spec change re-renders; the read-only workspace refuses every other origin.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ClusterMirror } from "../../src/server/cluster/mirror";
import type { ClusterObject, KindStatus } from "../../src/server/cluster/types";
import { useStore } from "../store";
import { applyClusterEvent, CLUSTER_FILE } from "./mode";
import * as render from "./render";
import { renderCluster } from "./render";

const route = (rv: string, weight: number, status: unknown = { parents: [] }): ClusterObject => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name: "web", namespace: "apps", resourceVersion: rv, generation: weight },
  spec: { rules: [{ backendRefs: [{ name: "web", port: 80, weight }] }] },
  status,
});
const kinds: KindStatus[] = [{ group: "gateway.networking.k8s.io", kind: "TCPRoute", version: null, namespaced: true, state: "not-installed", count: 0 }];

beforeEach(() => {
  const st = useStore.getState();
  st.setReadOnly(false);
  st.setText("", "load", "workspace.yaml");
  st.clearCluster();
  st.setCluster({});
  st.setReadOnly(true);
});

describe("applyClusterEvent", () => {
  it("a snapshot sets the text, the context, the kinds and the reported status", () => {
    const mirror = new ClusterMirror();
    expect(applyClusterEvent(mirror, { type: "snapshot", version: 1, connection: { state: "synced" }, kinds, objects: [route("1", 1)], context: "prod" }, render)).toBe(true);
    const st = useStore.getState();
    expect(st.text).toBe(renderCluster([route("1", 1)]));
    expect(st.textOrigin).toBe("cluster");
    expect(st.fileName).toBe(CLUSTER_FILE);
    expect(st.cluster).toMatchObject({ context: "prod", connection: { state: "synced" }, kinds, objects: 1 });
    expect(st.cluster!.reported.get("HTTPRoute/apps/web")).toEqual({ status: { parents: [] }, generation: 1 });
  });

  it("a status-only change updates the reported status and leaves the text alone; a spec change re-renders", () => {
    const mirror = new ClusterMirror();
    applyClusterEvent(mirror, { type: "snapshot", version: 1, connection: { state: "synced" }, kinds, objects: [route("1", 1)] }, render);
    const revision = useStore.getState().textRevision;
    const reported = { parents: [{ parentRef: { name: "edge" }, conditions: [] }] };
    applyClusterEvent(mirror, { type: "changes", upserts: [route("2", 1, reported)], deletes: [] }, render);
    expect(useStore.getState().textRevision).toBe(revision);
    expect(useStore.getState().cluster!.reported.get("HTTPRoute/apps/web")!.status).toEqual(reported);
    applyClusterEvent(mirror, { type: "changes", upserts: [route("3", 5, reported)], deletes: [] }, render);
    expect(useStore.getState().textRevision).toBe(revision + 1);
    expect(useStore.getState().text).toContain("weight: 5");
    applyClusterEvent(mirror, { type: "changes", upserts: [], deletes: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "apps", name: "web" }] }, render);
    expect(useStore.getState().text).toBe("");
    expect(useStore.getState().cluster!.objects).toBe(0);
  });

  it("kinds and connection events update the slice only", () => {
    const mirror = new ClusterMirror();
    const revision = useStore.getState().textRevision;
    applyClusterEvent(mirror, { type: "connection", connection: { state: "reconnecting", problem: "unreachable" } }, render);
    applyClusterEvent(mirror, { type: "kinds", kinds }, render);
    expect(useStore.getState().cluster).toMatchObject({ connection: { state: "reconnecting" }, kinds });
    expect(useStore.getState().textRevision).toBe(revision);
  });

  it("refuses a snapshot of another format version", () => {
    expect(applyClusterEvent(new ClusterMirror(), { type: "snapshot", version: 2 as 1, connection: { state: "synced" }, kinds: [], objects: [] }, render)).toBe(false);
  });

  it("the read-only workspace takes no text but the cluster's", () => {
    const st = useStore.getState();
    const before = st.textRevision;
    for (const origin of ["editor", "load", "visual", "history", "api"] as const) st.setText("kind: X", origin);
    expect(useStore.getState().textRevision).toBe(before);
    st.setText("kind: Y", "cluster");
    expect(useStore.getState().text).toBe("kind: Y");
  });
});

describe("detachCluster", () => {
  it("leaves cluster mode: the text stays and becomes editable, the Cluster tab closes", async () => {
    const { detachCluster } = await import("./mode");
    const st = useStore.getState();
    st.setText("kind: Kept", "cluster");
    st.setPanel("cluster");
    detachCluster();
    const after = useStore.getState();
    expect(after.cluster).toBeNull();
    expect(after.readOnly).toBe(false);
    expect(after.panel).toBe("inspector");
    expect(after.text).toBe("kind: Kept");
    after.setText("kind: Edited", "editor");
    expect(useStore.getState().text).toBe("kind: Edited");
  });
});
