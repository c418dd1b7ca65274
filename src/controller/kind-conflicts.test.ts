/**
 * HTTPRoute and GRPCRoute sharing hostnames on a listener (GRPCRoute.spec.hostnames): exactly one
 * is accepted — the older, then the first by "{namespace}/{name}" — and the other's parent gets
 * Accepted=False; it does not count in attachedRoutes. Each row: the two routes (kind, name,
 * creationTimestamp, hostnames, parentRef) and the expected Accepted of each, with the listeners'
 * attachedRoutes. Also: the same answers with a ControllerCache across edits, and the matcher's
 * choice agreeing with the status.
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache } from "./index";
import { CLASS, gateway, parentConds, service, sim, status } from "./testing/fixture";
import { plainModel } from "./testing/edits";
import { match } from "../match";

const GW = gateway("gw", ["{name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}", "{name: alt, port: 8080, protocol: HTTP, hostname: alt.example.com, allowedRoutes: {namespaces: {from: All}}}"]);

interface R {
  kind: "HTTPRoute" | "GRPCRoute";
  name: string;
  created?: string;
  hostnames?: string[];
  /** parentRef flow mapping; default the Gateway's `web` listener. */
  parent?: string;
}

function route(r: R): string {
  const created = r.created ? `, creationTimestamp: "${r.created}"` : "";
  const hosts = r.hostnames ? `  hostnames: [${r.hostnames.map((h) => `"${h}"`).join(", ")}]\n` : "";
  return `apiVersion: gateway.networking.k8s.io/v1
kind: ${r.kind}
metadata: {name: ${r.name}, namespace: apps${created}}
spec:
  parentRefs: [${r.parent ?? "{name: gw, namespace: infra, sectionName: web}"}]
${hosts}  rules: [{backendRefs: [{name: svc, port: 80}]}]`;
}

const OLD = "2024-01-01T00:00:00Z";
const NEW = "2025-01-01T00:00:00Z";
const ALL = "{name: gw, namespace: infra}";

const rows: { name: string; a: R; b: R; want: { a: string; b: string }; attached: Record<string, number>; aParent?: string; bParent?: string }[] = [
  { name: "the older HTTPRoute is kept", a: { kind: "HTTPRoute", name: "h", created: OLD, hostnames: ["shop.example.com"] }, b: { kind: "GRPCRoute", name: "g", created: NEW, hostnames: ["shop.example.com"] }, want: { a: "Accepted=True/Accepted", b: "Accepted=False/Conflicted" }, attached: { web: 1, alt: 0 } },
  { name: "the older GRPCRoute is kept", a: { kind: "HTTPRoute", name: "h", created: NEW, hostnames: ["shop.example.com"] }, b: { kind: "GRPCRoute", name: "g", created: OLD, hostnames: ["shop.example.com"] }, want: { a: "Accepted=False/Conflicted", b: "Accepted=True/Accepted" }, attached: { web: 1, alt: 0 } },
  { name: "same age: the first by namespace/name", a: { kind: "HTTPRoute", name: "b-http", created: OLD, hostnames: ["shop.example.com"] }, b: { kind: "GRPCRoute", name: "a-grpc", created: OLD, hostnames: ["shop.example.com"] }, want: { a: "Accepted=False/Conflicted", b: "Accepted=True/Accepted" }, attached: { web: 1, alt: 0 } },
  { name: "no timestamps: by name", a: { kind: "HTTPRoute", name: "a-http", hostnames: ["shop.example.com"] }, b: { kind: "GRPCRoute", name: "b-grpc", hostnames: ["shop.example.com"] }, want: { a: "Accepted=True/Accepted", b: "Accepted=False/Conflicted" }, attached: { web: 1, alt: 0 } },
  { name: "a wildcard that covers the other's hostname", a: { kind: "HTTPRoute", name: "h", created: OLD, hostnames: ["*.example.com"] }, b: { kind: "GRPCRoute", name: "g", created: NEW, hostnames: ["api.example.com"] }, want: { a: "Accepted=True/Accepted", b: "Accepted=False/Conflicted" }, attached: { web: 1, alt: 0 } },
  { name: "no hostnames on either (any hostname)", a: { kind: "HTTPRoute", name: "h", created: OLD }, b: { kind: "GRPCRoute", name: "g", created: NEW }, want: { a: "Accepted=True/Accepted", b: "Accepted=False/Conflicted" }, attached: { web: 1, alt: 0 } },
  { name: "no hostname in common: both accepted", a: { kind: "HTTPRoute", name: "h", created: OLD, hostnames: ["shop.example.com"] }, b: { kind: "GRPCRoute", name: "g", created: NEW, hostnames: ["api.example.com"] }, want: { a: "Accepted=True/Accepted", b: "Accepted=True/Accepted" }, attached: { web: 2, alt: 0 } },
  { name: "on different listeners: both accepted", a: { kind: "HTTPRoute", name: "h", created: OLD }, b: { kind: "GRPCRoute", name: "g", created: NEW, parent: "{name: gw, namespace: infra, sectionName: alt}" }, bParent: "infra/gw/alt", want: { a: "Accepted=True/Accepted", b: "Accepted=True/Accepted" }, attached: { web: 1, alt: 1 } },
  {
    name: "rejected on one of its listeners only: the parentRef stays accepted",
    a: { kind: "HTTPRoute", name: "h", created: OLD, hostnames: ["shop.example.com"] },
    b: { kind: "GRPCRoute", name: "g", created: NEW, parent: ALL },
    bParent: "infra/gw",
    want: { a: "Accepted=True/Accepted", b: "Accepted=True/Accepted" },
    attached: { web: 1, alt: 1 },
  },
];

function attachedRoutes(m: ReturnType<typeof sim>): Record<string, number> {
  return Object.fromEntries(status(m, "Gateway/infra/gw").listeners!.map((l) => [l.name, l.attachedRoutes]));
}

describe("HTTPRoute and GRPCRoute on one listener", () => {
  it.each(rows)("$name", ({ a, b, want, attached, aParent, bParent }) => {
    const m = sim(CLASS, GW, service("apps", "svc"), route(a), route(b));
    expect(parentConds(m, `${a.kind}/apps/${a.name}`, aParent ?? "infra/gw/web")).toContain(want.a);
    expect(parentConds(m, `${b.kind}/apps/${b.name}`, bParent ?? "infra/gw/web")).toContain(want.b);
    expect(attachedRoutes(m)).toEqual(attached);
    const rejected = want.a.includes("False") ? a : want.b.includes("False") ? b : null;
    const rels = m.relations.filter((r) => r.type === "parentRef");
    for (const r of [a, b]) {
      const rel = rels.find((x) => x.from === `${r.kind}/apps/${r.name}`)!;
      expect([rel.ok, rel.reason]).toEqual(r === rejected ? [false, "Conflicted"] : [true, undefined]);
      expect(m.routes.find((x) => x.key === `${r.kind}/apps/${r.name}`)!.parents[0].accepted).toBe(r !== rejected);
    }
    if (rejected) {
      const d = m.diagnostics.find((x) => x.code === "Conflicted" && x.resource?.name === rejected.name);
      expect(d?.message).toMatch(/only one of two such routes is accepted \(GRPCRoute\.spec\.hostnames\)/);
    }
    if (bParent === "infra/gw") expect(m.diagnostics.some((x) => x.code === "route-kind-conflict" && x.resource?.name === b.name && /listener infra\/gw\/web/.test(x.message))).toBe(true);
  });

  it("the matcher sends the shared hostname's HTTP requests to the accepted route only", () => {
    const m = sim(CLASS, GW, service("apps", "svc"), route(rows[1].a), route(rows[1].b));
    // The GRPCRoute is older: an HTTP request to its hostname finds no HTTPRoute there.
    const o = match(m, { gateway: "infra/gw", request: { protocol: "HTTP", host: "shop.example.com", path: "/" } });
    expect(o.statusCode).toBe(404);
    expect(o.trace.map((t) => t.detail).join("\n")).toMatch(/GRPCRoute\/apps\/g/);
  });

  it("with a ControllerCache, edits give the Model a fresh run gives", () => {
    const docs = [CLASS, GW, service("apps", "svc"), route(rows[0].a), route(rows[0].b)];
    const edits = [
      docs,
      // The accepted HTTPRoute's own metadata: it becomes the newer one, and the GRPCRoute is accepted instead.
      docs.map((d, i) => (i === 3 ? d.replace(`creationTimestamp: "${OLD}"`, `creationTimestamp: "2026-01-01T00:00:00Z"`) : d)),
      // A weight inside the now accepted GRPCRoute, then inside the rejected HTTPRoute.
      docs.map((d, i) => (i === 3 ? d.replace(`creationTimestamp: "${OLD}"`, `creationTimestamp: "2026-01-01T00:00:00Z"`) : i === 4 ? d.replace("{name: svc, port: 80}", "{name: svc, port: 80, weight: 3}") : d)),
      docs.map((d, i) => (i === 3 ? d.replace(`creationTimestamp: "${OLD}"`, `creationTimestamp: "2026-01-01T00:00:00Z"`).replace("{name: svc, port: 80}", "{name: svc, port: 80, weight: 5}") : i === 4 ? d.replace("{name: svc, port: 80}", "{name: svc, port: 80, weight: 3}") : d)),
      docs,
    ];
    const pc = new ParseCache();
    const cc = new ControllerCache();
    for (const ds of edits) {
      const text = ds.join("\n---\n");
      const p = parse({ name: "f.yaml", text }, pc);
      const cached = simulate(p.resources, { lines: p.lines, cache: cc });
      const q = parse({ name: "f.yaml", text });
      expect(plainModel(cached)).toEqual(plainModel(simulate(q.resources, { lines: q.lines })));
    }
  });
});
