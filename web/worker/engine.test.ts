import { describe, expect, it } from "vitest";
import { Engine } from "./engine";

const YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: infra }
spec:
  gatewayClassName: demo
  listeners:
  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: app }
spec:
  parentRefs: [{ name: gw, namespace: infra }]
  rules:
  - backendRefs: [{ name: web, port: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: app }
spec: { ports: [{ port: 8080 }] }
`;

describe("worker engine", () => {
  it("turns text into a snapshot: graph, positions, spans, status, gateways", () => {
    const e = new Engine();
    const s = e.load(YAML, "w.yaml");
    expect(s.syntaxErrors).toBe(false);
    const ids = s.graph.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["Gateway/infra/gw", "HTTPRoute/app/web", "Service/app/web"]));
    for (const id of ids) expect(s.positions[id]).toBeDefined();
    const route = s.spans.find((x) => x.id === "HTTPRoute/app/web")!;
    expect([route.startLine, route.endLine]).toEqual([9, 15]);
    expect(s.gateways).toEqual([expect.objectContaining({ ref: "infra/gw", listeners: [expect.objectContaining({ name: "http", port: 80 })] })]);
    expect(s.status.find((x) => x.kind === "HTTPRoute")?.parents?.[0].conditions.find((c) => c.type === "Accepted")?.status).toBe("True");
  });

  it("flags syntax errors and keeps counting versions", () => {
    const e = new Engine();
    const a = e.load(YAML, "w.yaml");
    const b = e.load(YAML.replace("kind: HTTPRoute", "kind: [HTTPRoute"), "w.yaml");
    expect(b.syntaxErrors).toBe(true);
    expect(b.version).toBe(a.version + 1);
    expect(b.diagnostics.some((d) => d.code === "yaml-syntax" && d.line > 1)).toBe(true);
  });

  it("simulates requests on the loaded configuration", () => {
    const e = new Engine();
    expect(e.simulate([{ gateway: "infra/gw", request: { host: "x", path: "/" } }], false)).toEqual([]);
    e.load(YAML, "w.yaml");
    const [o] = e.simulate([{ gateway: "infra/gw", request: { host: "x", path: "/" } }], true);
    expect(o.statusCode).toBe(200);
    expect(o.backend).toBe("app/web");
    expect(o.trace.length).toBeGreaterThan(0);
  });

  it.each([
    ["a weight: the list is kept", (t: string) => t.replace("{ name: web, port: 8080 }]", "{ name: web, port: 8080, weight: 3 }]"), ["a.example.com"]],
    ["a route's hostname: the list follows", (t: string) => t.replace("hostnames: [a.example.com]", "hostnames: [b.example.com]"), ["b.example.com"]],
    ["a hostname added", (t: string) => t.replace("hostnames: [a.example.com]", "hostnames: [a.example.com, c.example.com]"), ["a.example.com", "c.example.com"]],
  ])("the simulator's gateway list after an edit inside a route (%s)", (_name, change, hostnames) => {
    const text = YAML.replace("  rules:", "  hostnames: [a.example.com]\n  rules:");
    const e = new Engine();
    const a = e.load(text, "w.yaml");
    expect(a.gateways[0].hostnames).toEqual(["a.example.com"]);
    const b = e.load(change(text), "w.yaml");
    expect(b.gateways[0].hostnames).toEqual(hostnames);
    // Compared with a fresh engine's list for the edited text.
    expect(b.gateways).toEqual(new Engine().load(change(text), "w.yaml").gateways);
    if (hostnames.length === 1 && hostnames[0] === "a.example.com") expect(b.gateways).toBe(a.gateways);
  });
});
