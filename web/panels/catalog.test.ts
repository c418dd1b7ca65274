/**
 * The simulator's suggestions and the Inspector's objects, read from real engine snapshots of the
 * gallery examples: gRPC services and methods, mesh Services and ports, objects by node id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../worker/engine";
import { GALLERY } from "../gallery";
import { grpcCatalogOf, grpcServices, meshServices, portsOfService, servicePorts } from "./catalog";
import { loadParser, noteSnapshotText, objectOf, snapshotText } from "./resourceObjects";

function snapshot(text: string) {
  const s = new Engine().load(text, "x.yaml");
  noteSnapshotText(s, text);
  return s;
}
const yamlOf = (id: string) => GALLERY.find((e) => e.id === id)!.yaml;

beforeAll(() => loadParser());

describe("grpc catalog", () => {
  it("lists the services and exact methods of the GRPCRoutes in view", () => {
    expect(grpcServices(snapshot(yamlOf("grpc-methods")))).toEqual([{ service: "catalog.v1.Catalog", methods: ["GetProduct", "ListProducts", "UpdateProduct"] }]);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["service-only match", { spec: { rules: [{ matches: [{ method: { service: "a.A" } }] }] } }, { "a.A": [] }],
    ["regular expressions are not offered", { spec: { rules: [{ matches: [{ method: { type: "RegularExpression", service: "b\\..*", method: "Get.*" } }] }] } }, {}],
    ["method without service", { spec: { rules: [{ matches: [{ method: { method: "Get" } }] }] } }, {}],
    ["no matches, junk", { spec: { rules: [{}, null, { matches: "x" }] } }, {}],
    ["explicit Exact", { spec: { rules: [{ matches: [{ method: { type: "Exact", service: "c.C", method: "Put" } }, { headers: [] }] }] } }, { "c.C": ["Put"] }],
  ])("%s", (_name, obj, want) => {
    const into = new Map<string, Set<string>>();
    grpcCatalogOf(obj as Record<string, unknown>, into);
    expect(Object.fromEntries([...into].map(([k, v]) => [k, [...v]]))).toEqual(want);
  });
});

describe("mesh services", () => {
  it("puts Services with mesh routes first, with their ports", () => {
    const s = snapshot(yamlOf("gamma-canary"));
    const list = meshServices(s);
    expect(list[0]).toEqual({ ref: "ratings/ratings", ports: [8080], routes: 2 });
    expect(list.slice(1).map((x) => x.ref)).toEqual(["ratings/ratings-v1", "ratings/ratings-v2"]);
    // A Service without mesh routes: its ports are read on demand.
    expect(portsOfService(s, "ratings/ratings-v2", list)).toEqual([8080]);
    expect(portsOfService(s, "nowhere/none", list)).toEqual([]);
  });

  it("reads spec.ports defensively", () => {
    expect(servicePorts({ spec: { ports: [{ port: 80 }, { port: "x" }, null, { port: 80 }, { port: 9090 }] } })).toEqual([80, 9090]);
    expect(servicePorts(null)).toEqual([]);
  });
});

describe("objects by node id", () => {
  it("parses the object a node stands for from its span", () => {
    const s = snapshot(yamlOf("backend-tls"));
    const policy = objectOf(s, "BackendTLSPolicy/finance/billing-tls");
    expect(policy).toMatchObject({ spec: { validation: { hostname: "billing.finance.internal" } } });
    expect(objectOf(s, "Listener/finance/web/http")).toBeNull();
    expect(objectOf(s, "Service/none/none")).toBeNull();
  });

  it("knows a snapshot's text only when the store shows them in step", () => {
    const s = new Engine().load("kind: Service\napiVersion: v1\nmetadata: {name: a}\n", "x.yaml");
    const base = { good: s, text: "newer text", loadedRevision: 3, textRevision: 4, stale: false };
    expect(snapshotText(base)).toBeNull();
    expect(objectOf(s, "Service/default/a")).toBeNull();
    expect(snapshotText({ ...base, text: "kind: Service\napiVersion: v1\nmetadata: {name: a}\n", textRevision: 3 })).toContain("kind: Service");
    expect(objectOf(s, "Service/default/a")).toEqual({ kind: "Service", apiVersion: "v1", metadata: { name: "a" } });
    // Once known, a newer text being typed does not change what the snapshot was computed from.
    expect(snapshotText({ ...base, text: "typing", textRevision: 9 })).toContain("kind: Service");
  });

  it("keeps an object whose text did not change across snapshots (typing elsewhere re-renders nothing)", () => {
    const text = yamlOf("backend-tls");
    const a = snapshot(text);
    // An edit in another document: the policy's slice is the same text at another offset.
    const b = snapshot("# a comment added at the top\n" + text);
    const id = "BackendTLSPolicy/finance/billing-tls";
    const pa = objectOf(a, id);
    expect(pa).not.toBeNull();
    expect(objectOf(b, id)).toBe(pa);
    // The policy itself edited: a new object.
    const c = snapshot(text.replace("billing.finance.internal", "billing2.finance.internal"));
    expect(objectOf(c, id)).toMatchObject({ spec: { validation: { hostname: "billing2.finance.internal" } } });
  });
});
