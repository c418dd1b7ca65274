/** Disagreements per canvas node: objects by id, listeners from their Gateway's rows; computed once per pair. */
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../worker/protocol";
import type { Reported } from "../store/cluster";
import { cond } from "../../src/model/status";
import { driftByNode } from "./drift";

const T = (t: string) => cond(t, true, t);
const snapshot = {
  graph: {
    nodes: [
      { id: "Gateway/infra/edge", kind: "Gateway", name: "edge", namespace: "infra", data: {} },
      { id: "Listener/infra/edge/http", kind: "Listener", name: "http", namespace: "infra", data: { origin: "Gateway/infra/edge" } },
      { id: "Listener/infra/edge/https", kind: "Listener", name: "https", namespace: "infra", data: { origin: "Gateway/infra/edge" } },
      { id: "Service/apps/web", kind: "Service", name: "web", namespace: "apps", data: {} },
    ],
    edges: [],
  },
  status: [
    {
      kind: "Gateway",
      namespace: "infra",
      name: "edge",
      conditions: [T("Accepted")],
      listeners: [
        { name: "http", attachedRoutes: 1, supportedKinds: [], conditions: [T("Accepted")] },
        { name: "https", attachedRoutes: 0, supportedKinds: [], conditions: [T("Accepted")] },
      ],
    },
    // Referenced but not in the cluster: nothing to compare.
    { kind: "GatewayClass", namespace: "", name: "missing", conditions: [T("Accepted")] },
  ],
} as unknown as Snapshot;

const ok = (t: string) => ({ type: t, status: "True", reason: t });
const reported = new Map<string, Reported>([
  ["Gateway/infra/edge", { status: { conditions: [ok("Accepted")], listeners: [{ name: "http", attachedRoutes: 3, conditions: [ok("Accepted")] }, { name: "https", attachedRoutes: 0, conditions: [ok("Accepted")] }] } }],
  ["Service/apps/web", { status: {} }],
]);

describe("driftByNode", () => {
  it("counts each node's disagreements; a listener's come from its Gateway's rows", () => {
    const d = driftByNode(snapshot, reported);
    expect([...d.keys()].sort()).toEqual(["Gateway/infra/edge", "Listener/infra/edge/http"]);
    expect(d.get("Gateway/infra/edge")!.count).toBe(1);
    expect(d.get("Listener/infra/edge/http")).toEqual({ count: 1, summary: "listener http: attachedRoutes — Switchyard: 1; cluster: 3" });
  });

  it("is computed once per snapshot and reported map", () => {
    expect(driftByNode(snapshot, reported)).toBe(driftByNode(snapshot, reported));
    expect(driftByNode(snapshot, new Map(reported))).not.toBe(driftByNode(snapshot, reported));
    expect(driftByNode(null, reported).size).toBe(0);
  });
});
