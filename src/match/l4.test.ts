/**
 * TCP and UDP traffic, table-driven: the listener of the request's protocol on the port, the
 * route the controller attached (sectionName or port parentRefs), the oldest of several routes on
 * one listener (then namespace/name), weights with invalid backends (rejected / dropped share),
 * and refusals (no listener, other protocol, conflicted listeners, no route, only invalid backends).
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { modelOf } from "./testing/fixture";
import type { Outcome } from "../model/outcome";
import type { Protocol } from "../model/request";

const SERVICES = ["primary", "never", "r1", "r2", "tie-a", "tie-b", "coredns", "u1", "u2", "x"];

function route(kind: string, name: string, parent: string, backends: string, created?: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: l4${created ? `, creationTimestamp: "${created}"` : ""}}
spec:
  parentRefs: [${parent}]
  rules: [{backendRefs: ${backends}}]`;
}

const YAML = [
  `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: l4}
spec:
  gatewayClassName: gc
  listeners:
  - {name: tcp-a, port: 5432, protocol: TCP}
  - {name: tcp-b, port: 5433, protocol: TCP}
  - {name: tcp-c, port: 5434, protocol: TCP}
  - {name: udp-a, port: 5432, protocol: UDP}
  - {name: udp-dns, port: 53, protocol: UDP}
  - {name: udp-broken, port: 54, protocol: UDP}
  - {name: tcp-empty, port: 6000, protocol: TCP}
  - {name: tcp-x, port: 7000, protocol: TCP}
  - {name: tcp-y, port: 7000, protocol: TCP}
  - {name: http, port: 8080, protocol: HTTP}`,
  route("TCPRoute", "db", "{name: gw, sectionName: tcp-a}", "[{name: primary, port: 5432}]", "2024-01-01T00:00:00Z"),
  route("TCPRoute", "a-db-newer", "{name: gw, sectionName: tcp-a}", "[{name: never, port: 5432}]", "2024-02-01T00:00:00Z"),
  route("TCPRoute", "split", "{name: gw, port: 5433}", "[{name: r1, port: 5432, weight: 2}, {name: r2, port: 5432, weight: 1}, {name: missing, port: 5432, weight: 1}]"),
  route("TCPRoute", "tie-b", "{name: gw, sectionName: tcp-c}", "[{name: tie-b, port: 5432}]"),
  route("TCPRoute", "tie-a", "{name: gw, sectionName: tcp-c}", "[{name: tie-a, port: 5432}]"),
  route("TCPRoute", "conflicted", "{name: gw, sectionName: tcp-x}", "[{name: x, port: 5432}]"),
  route("UDPRoute", "dns", "{name: gw, sectionName: udp-dns}", "[{name: coredns, port: 53}]"),
  route("UDPRoute", "udp-split", "{name: gw, sectionName: udp-a}", "[{name: u1, port: 5432, weight: 1}, {name: u2, port: 5432, weight: 0}]"),
  route("UDPRoute", "udp-broken", "{name: gw, sectionName: udp-broken}", "[{name: missing, port: 53}]"),
  ...SERVICES.map((s) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${s}, namespace: l4}\nspec: {ports: [{port: 5432}, {port: 53, protocol: UDP}]}`),
].join("\n---\n");

const model = modelOf(YAML);

interface Row {
  name: string;
  protocol: Protocol;
  port: number;
  gateway?: string;
  expect: Partial<Outcome>;
  refused?: boolean;
}

const rows: Row[] = [
  { name: "TCP by port: the listener's route", protocol: "TCP", port: 5432, expect: { statusCode: 200, backend: "l4/primary", route: "TCPRoute/l4/db", rule: 0, match: null, listener: "l4/gw/tcp-a" } },
  { name: "UDP on the same port number is another listener", protocol: "UDP", port: 5432, expect: { backend: "l4/u1", route: "UDPRoute/l4/udp-split", listener: "l4/gw/udp-a" } },
  { name: "attached by parentRef port; weights with an invalid share", protocol: "TCP", port: 5433, expect: { statusCode: 200, backend: null, route: "TCPRoute/l4/split" } },
  { name: "two routes without timestamps: the first by namespace/name", protocol: "TCP", port: 5434, expect: { backend: "l4/tie-a", route: "TCPRoute/l4/tie-a" } },
  { name: "UDP to a DNS backend", protocol: "UDP", port: 53, expect: { backend: "l4/coredns", route: "UDPRoute/l4/dns" } },
  { name: "UDP route with only an invalid backend: datagrams are dropped", protocol: "UDP", port: 54, refused: true, expect: { route: "UDPRoute/l4/udp-broken", backend: null } },
  { name: "a listener without route refuses", protocol: "TCP", port: 6000, refused: true, expect: { listener: "l4/gw/tcp-empty", route: null } },
  { name: "conflicted listeners take nothing", protocol: "TCP", port: 7000, refused: true, expect: { listener: null } },
  { name: "an HTTP listener is no TCP listener", protocol: "TCP", port: 8080, refused: true, expect: { listener: null } },
  { name: "no UDP listener on a TCP port", protocol: "UDP", port: 5433, refused: true, expect: { listener: null } },
  { name: "nothing listens on the port", protocol: "TCP", port: 9999, refused: true, expect: { listener: null } },
  { name: "unknown Gateway", protocol: "UDP", port: 53, gateway: "l4/nope", refused: true, expect: { listener: null } },
];

function send(r: Pick<Row, "protocol" | "port" | "gateway">, trace = true): Outcome {
  return match(model, { gateway: r.gateway ?? "l4/gw", request: { protocol: r.protocol, host: "", port: r.port } }, { trace });
}

describe("TCPRoute and UDPRoute matching", () => {
  it("the fixture is accepted as written (but for the missing Service and the conflicted listeners)", () => {
    const errors = model.diagnostics.filter((d) => d.severity === "error" && !d.message.includes("missing") && !/tcp-[xy]|conflict/i.test(d.message));
    expect(errors.map((d) => d.message)).toEqual([]);
  });

  it.each(rows)("$name", (r) => {
    const o = send(r);
    const why = o.trace.map((s) => `${s.step}: ${s.detail}`).join("\n");
    expect(o, why).toMatchObject(r.expect);
    if (r.refused) expect({ statusCode: o.statusCode, error: typeof o.connectionError }, why).toEqual({ statusCode: 0, error: "string" });
    else expect(o.connectionError, why).toBeUndefined();
    const quiet = send(r, false);
    expect({ ...quiet, trace: [] }).toEqual({ ...o, trace: [] });
  });

  it("weights: 2:1:1 with the invalid quarter rejected", () => {
    const o = send({ protocol: "TCP", port: 5433 });
    expect(o.backends.map((b) => [b.name, b.probability, b.invalid ?? null])).toEqual([
      ["r1", 0.5, null],
      ["r2", 0.25, null],
      ["missing", 0.25, "BackendNotFound"],
    ]);
  });

  it("weight 0 receives nothing", () => {
    const o = send({ protocol: "UDP", port: 5432 });
    expect(o.backends.map((b) => [b.name, b.probability])).toEqual([
      ["u1", 1],
      ["u2", 0],
    ]);
  });

  it("the trace says why the newer route on the listener takes nothing", () => {
    const o = send({ protocol: "TCP", port: 5432 });
    const step = o.trace.find((s) => s.step === "precedence");
    expect(step?.detail).toMatch(/^TCPRoute\/l4\/a-db-newer is attached too, but only one TCPRoute can take the listener's connections: it loses to TCPRoute\/l4\/db, older route/);
    expect(step?.refs).toEqual(["TCPRoute/l4/a-db-newer", "TCPRoute/l4/db"]);
    expect(o.trace.filter((s) => s.step === "listener").map((s) => [s.detail.split(";")[0], s.refs])).toEqual([
      ["listener udp-a (UDP) does not take TCP traffic", ["Listener/l4/gw/udp-a"]],
      ["listener tcp-a (port 5432, TCP) takes the connections", ["Gateway/l4/gw", "Listener/l4/gw/tcp-a"]],
    ]);
  });

  it("conflicted listeners are named as skipped", () => {
    const details = send({ protocol: "TCP", port: 7000 }).trace.map((s) => s.detail);
    expect(details.filter((d) => /^listener tcp-[xy] is skipped: it is Conflicted/.test(d)).length).toBe(2);
  });
});
