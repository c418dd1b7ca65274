/**
 * Table tests for route kinds competing for one Service port (mesh-conflicts.ts, GEP-1294 "Route
 * types": "only a single route type should be applied [...] (first one wins): GRPCRoute, HTTPRoute,
 * TLSRoute, TCPRoute").
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache } from "./index";
import { parentConds, sim, status } from "./testing/fixture";
import { coversPort, meshKindRank } from "./mesh-conflicts";

const SVC = `apiVersion: v1
kind: Service
metadata: {name: svc, namespace: mesh}
spec: {ports: [{name: http, port: 80}, {name: grpc, port: 7070}]}`;

/** A route of `kind` named `name` in `ns` with one Service parentRef (extra fields after `name: svc`). */
function route(kind: string, ns: string, name: string, parent = ""): string {
  const v = kind === "HTTPRoute" || kind === "GRPCRoute" ? "v1" : "v1alpha2";
  const target = ns === "mesh" ? "" : ", namespace: mesh";
  return `apiVersion: gateway.networking.k8s.io/${v}
kind: ${kind}
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: [{group: '', kind: Service, name: svc${target}${parent}}]
  rules: [{backendRefs: [{name: svc, namespace: mesh, port: 80}]}]`;
}

interface Row {
  label: string;
  routes: string[];
  /** `Kind/ns/name` → Accepted condition on its Service parent. */
  want: Record<string, string>;
  /** Diagnostic codes per route name. */
  notes?: Record<string, string>;
}

const ROWS: Row[] = [
  { label: "one kind: no conflict", routes: [route("HTTPRoute", "mesh", "a"), route("HTTPRoute", "mesh", "b")], want: { "HTTPRoute/mesh/a": "Accepted=True/Accepted", "HTTPRoute/mesh/b": "Accepted=True/Accepted" } },
  { label: "GRPCRoute beats HTTPRoute on every port", routes: [route("HTTPRoute", "mesh", "h"), route("GRPCRoute", "mesh", "g")], want: { "HTTPRoute/mesh/h": "Accepted=False/Conflicted", "GRPCRoute/mesh/g": "Accepted=True/Accepted" }, notes: { h: "Conflicted" } },
  { label: "HTTPRoute beats TCPRoute", routes: [route("TCPRoute", "mesh", "t"), route("HTTPRoute", "mesh", "h")], want: { "TCPRoute/mesh/t": "Accepted=False/Conflicted", "HTTPRoute/mesh/h": "Accepted=True/Accepted" }, notes: { t: "Conflicted" } },
  { label: "TLSRoute beats TCPRoute", routes: [route("TCPRoute", "mesh", "t"), route("TLSRoute", "mesh", "s")], want: { "TCPRoute/mesh/t": "Accepted=False/Conflicted", "TLSRoute/mesh/s": "Accepted=True/Accepted" } },
  // "Because UDP is its own protocol, it is orthogonal to these precedence order."
  { label: "UDPRoute competes with nothing", routes: [route("UDPRoute", "mesh", "u"), route("GRPCRoute", "mesh", "g")], want: { "UDPRoute/mesh/u": "Accepted=True/Accepted", "GRPCRoute/mesh/g": "Accepted=True/Accepted" } },
  // "these conflicts only occur when multiple different route types apply to the same Service+Port pair"
  { label: "different ports: no conflict", routes: [route("HTTPRoute", "mesh", "h", ", port: 80"), route("GRPCRoute", "mesh", "g", ", port: 7070")], want: { "HTTPRoute/mesh/h": "Accepted=True/Accepted", "GRPCRoute/mesh/g": "Accepted=True/Accepted" } },
  // Partial loss: the attachment still holds where no better kind binds.
  { label: "HTTPRoute on all ports, GRPCRoute on 7070: the HTTPRoute keeps port 80", routes: [route("HTTPRoute", "mesh", "h"), route("GRPCRoute", "mesh", "g", ", port: 7070")], want: { "HTTPRoute/mesh/h": "Accepted=True/Accepted", "GRPCRoute/mesh/g": "Accepted=True/Accepted" }, notes: { h: "mesh-port-conflict" } },
  { label: "HTTPRoute on 7070, GRPCRoute on all ports", routes: [route("HTTPRoute", "mesh", "h", ", port: 7070"), route("GRPCRoute", "mesh", "g")], want: { "HTTPRoute/mesh/h": "Accepted=False/Conflicted", "GRPCRoute/mesh/g": "Accepted=True/Accepted" } },
  // "The merging of routes occurs only within groups of the same type of routes (Gateway bound, producer, or consumer)."
  { label: "a consumer GRPCRoute does not conflict with a producer HTTPRoute", routes: [route("HTTPRoute", "mesh", "h"), route("GRPCRoute", "client", "g")], want: { "HTTPRoute/mesh/h": "Accepted=True/Accepted", "GRPCRoute/client/g": "Accepted=True/Accepted" } },
  { label: "consumer routes of one namespace conflict among themselves", routes: [route("HTTPRoute", "client", "h"), route("GRPCRoute", "client", "g")], want: { "HTTPRoute/client/h": "Accepted=False/Conflicted", "GRPCRoute/client/g": "Accepted=True/Accepted" } },
  { label: "a rejected parent takes no part", routes: [route("HTTPRoute", "mesh", "h"), route("GRPCRoute", "mesh", "g", ", port: 9")], want: { "HTTPRoute/mesh/h": "Accepted=True/Accepted", "GRPCRoute/mesh/g": "Accepted=False/NoMatchingParent" } },
];

function ref(key: string, m: ReturnType<typeof sim>): string {
  return status(m, key).parents!.find((p) => p.parentKind === "Service")!.parentRef;
}

describe("mesh route kinds on one Service port", () => {
  it.each(ROWS)("$label", (row) => {
    const m = sim(SVC, ...row.routes);
    for (const [key, want] of Object.entries(row.want)) {
      expect(parentConds(m, key, ref(key, m))[0], key).toBe(want);
      const view = m.routes.find((r) => r.key === key)!.parents[0];
      expect(view.accepted).toBe(want.startsWith("Accepted=True"));
      const rel = m.relations.find((r) => r.type === "meshParent" && r.from === key)!;
      expect(rel.ok).toBe(view.accepted);
      if (want.endsWith("/Conflicted")) expect(rel.reason).toBe("Conflicted");
    }
    const codes: Record<string, string> = {};
    for (const d of m.diagnostics) if (d.code === "Conflicted" || d.code === "mesh-port-conflict") codes[d.resource!.name] = d.code;
    expect(codes).toEqual(row.notes ?? Object.fromEntries(Object.entries(row.want).filter(([, w]) => w.endsWith("/Conflicted")).map(([k]) => [k.split("/")[2], "Conflicted"])));
  });

  it("a conflicted status carries the route's generation", () => {
    const m = sim(SVC, route("HTTPRoute", "mesh", "h").replace("namespace: mesh}", "namespace: mesh, generation: 4}"), route("GRPCRoute", "mesh", "g"));
    const c = status(m, "HTTPRoute/mesh/h").parents![0].conditions[0];
    expect(c).toMatchObject({ type: "Accepted", status: "False", reason: "Conflicted", observedGeneration: 4 });
    expect(c.message).toMatch(/GRPCRoute mesh\/g/);
  });

  it("with a ControllerCache: the same answer, and the cached route's results are not changed", () => {
    const pc = new ParseCache();
    const cc = new ControllerCache();
    const text = [SVC, route("HTTPRoute", "mesh", "h"), route("GRPCRoute", "mesh", "g")].join("\n---\n") + "\n";
    const run = (t: string) => {
      const p = parse({ name: "m.yaml", text: t }, pc);
      return { cached: simulate(p.resources, { cache: cc }), fresh: simulate(p.resources) };
    };
    const one = run(text);
    expect(parentConds(one.cached, "HTTPRoute/mesh/h", "mesh/svc")[0]).toBe("Accepted=False/Conflicted");
    // The GRPCRoute removed: the HTTPRoute (found in the cache) is accepted again.
    const two = run([SVC, route("HTTPRoute", "mesh", "h")].join("\n---\n") + "\n");
    expect(cc.lastMisses).toBe(0);
    expect(parentConds(two.cached, "HTTPRoute/mesh/h", "mesh/svc")[0]).toBe("Accepted=True/Accepted");
    expect(two.cached.routes[0].parents[0].accepted).toBe(true);
    expect(two.cached.relations.find((r) => r.type === "meshParent")!.ok).toBe(true);
    expect([...two.cached.status.entries()]).toEqual([...two.fresh.status.entries()]);
  });

  it.each([
    ["GRPCRoute", 0],
    ["HTTPRoute", 1],
    ["TLSRoute", 2],
    ["TCPRoute", 3],
    ["UDPRoute", -1],
  ])("meshKindRank(%s) = %i", (kind, rank) => {
    expect(meshKindRank(kind)).toBe(rank);
  });

  it.each<[number[] | null, number, boolean]>([
    [null, 80, true],
    [[80], 80, true],
    [[80, 7070], 8080, false],
  ])("coversPort(%j, %i) = %s", (ports, port, want) => {
    expect(coversPort(ports, port)).toBe(want);
  });
});
