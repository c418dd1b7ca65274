/**
 * The mirror as configuration text: one document per object in a stable order, status and
 * bookkeeping metadata left out, Secrets marked metadata-only; the engine's parse of it gives the
 * same objects (DESIGN principle 10) with spans inside the text.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parse/index";
import { simulate } from "../../src/controller/index";
import { METADATA_ONLY_ANNOTATION } from "../../src/model/annotations";
import type { ClusterObject } from "../../src/server/cluster/types";
import { configurationOf, objectYaml, renderCluster, reportedOf } from "./render";

const G = "gateway.networking.k8s.io/v1";
const meta = (name: string, namespace?: string, extra: Record<string, unknown> = {}) => ({ name, ...(namespace ? { namespace } : {}), uid: "u-" + name, resourceVersion: "17", creationTimestamp: "2026-01-01T00:00:00Z", generation: 3, ...extra });
const objects: ClusterObject[] = [
  { apiVersion: "v1", kind: "Service", metadata: meta("web", "apps"), spec: { ports: [{ port: 80 }] } },
  { apiVersion: G, kind: "HTTPRoute", metadata: meta("web", "apps"), spec: { parentRefs: [{ name: "edge", namespace: "infra" }], rules: [{ backendRefs: [{ name: "web", port: 80 }] }] }, status: { parents: [] } },
  { apiVersion: "v1", kind: "Secret", metadata: { name: "cert", namespace: "infra", uid: "s" } },
  { apiVersion: G, kind: "Gateway", metadata: meta("edge", "infra", { labels: { team: "net" } }), spec: { gatewayClassName: "eg", listeners: [{ name: "https", port: 443, protocol: "HTTPS", tls: { certificateRefs: [{ name: "cert" }] } }] }, status: { conditions: [] } },
  { apiVersion: G, kind: "GatewayClass", metadata: meta("eg"), spec: { controllerName: "example.com/c" } },
  { apiVersion: G, kind: "HTTPRoute", metadata: meta("api", "apps"), spec: { parentRefs: [{ name: "edge", namespace: "infra" }] } },
  { apiVersion: "example.com/v1", kind: "Widget", metadata: meta("w", "apps") },
];

describe("renderCluster", () => {
  it("orders documents by kind (registry order, unknown kinds last), namespace, name — whatever the input order", () => {
    const text = renderCluster(objects);
    const order = [...text.matchAll(/^kind: (\w+)\nmetadata:\n {2}name: ([\w-]+)/gm)].map((m) => `${m[1]}/${m[2]}`);
    expect(order).toEqual(["GatewayClass/eg", "Gateway/edge", "HTTPRoute/api", "HTTPRoute/web", "Service/web", "Secret/cert", "Widget/w"]);
    expect(renderCluster([...objects].reverse())).toBe(text);
    expect(renderCluster([])).toBe("");
  });

  it("leaves out status and bookkeeping metadata, keeps labels and generation", () => {
    const c = configurationOf(objects[3]);
    expect(c).not.toHaveProperty("status");
    expect(c.metadata).toEqual({ name: "edge", namespace: "infra", generation: 3, labels: { team: "net" } });
    expect(Object.keys(c)).toEqual(["apiVersion", "kind", "metadata", "spec"]);
  });

  it("marks Secrets metadata-only (they never carry data in cluster mode)", () => {
    expect(configurationOf(objects[2]).metadata).toEqual({ name: "cert", namespace: "infra", annotations: { [METADATA_ONLY_ANNOTATION]: "contents not read from the cluster" } });
    // A Secret that somehow carries data is shown as is, unmarked: the engine judges the data.
    expect(configurationOf({ ...objects[2], data: { "tls.crt": "eA==" } }).metadata).not.toHaveProperty("annotations");
  });

  it("caches each object's YAML by identity; a replaced object is dumped again", () => {
    const o = objects[0];
    expect(objectYaml(o)).toBe(objectYaml(o));
    const changed = { ...o, spec: { ports: [{ port: 81 }] } };
    expect(objectYaml(changed)).toContain("port: 81");
  });

  it("parses back to the same objects, with spans in the text, and the engine accepts the listener", () => {
    const text = renderCluster(objects);
    const { resources, diagnostics } = parse({ name: "cluster.yaml", text });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(resources.map((r) => `${r.kind}/${r.namespace}/${r.name}`)).toEqual(["GatewayClass//eg", "Gateway/infra/edge", "HTTPRoute/apps/api", "HTTPRoute/apps/web", "Service/apps/web", "Secret/infra/cert", "Widget/apps/w"]);
    // Each object is its own document: the Gateway's runs from its offset to the next object's.
    const gwDoc = text.slice(resources[1].source.offset, resources[2].source.offset);
    expect(gwDoc).toMatch(/^---\napiVersion: gateway.networking.k8s.io\/v1\nkind: Gateway\n/);
    expect(gwDoc).toContain("gatewayClassName: eg");
    expect(gwDoc).not.toContain("HTTPRoute");
    expect(new Set(resources.map((r) => r.source.docIndex)).size).toBe(resources.length);
    const m = simulate(resources);
    const listener = m.status.get("Gateway/infra/edge")!.listeners!.find((l) => l.name === "https")!;
    expect(listener.conditions.find((c) => c.type === "ResolvedRefs")?.status).toBe("True");
    expect(m.assumptions.some((a) => a.code === "secret-contents")).toBe(true);
  });
});

describe("reportedOf", () => {
  it("keys each object's status by graph id, with its generation", () => {
    const r = reportedOf(objects);
    expect(r.get("Gateway/infra/edge")).toEqual({ status: { conditions: [] }, generation: 3 });
    expect(r.get("GatewayClass/eg")).toEqual({ status: undefined, generation: 3 });
    expect(r.get("Secret/infra/cert")).toEqual({ status: undefined });
  });
});
