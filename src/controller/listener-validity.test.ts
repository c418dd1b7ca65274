import { describe, expect, it } from "vitest";
import { CLASS, gateway, listenerConds, listenerView, sim, status, tlsSecret } from "./testing/fixture";
import { listenerKinds } from "./listener-validity";

describe("listenerKinds (AllowedRoutes.kinds, defaulting from the protocol)", () => {
  it.each<[string, unknown, string[], string[]]>([
    ["HTTP", undefined, ["HTTPRoute", "GRPCRoute"], []],
    ["HTTPS", [], ["HTTPRoute", "GRPCRoute"], []],
    ["TLS", undefined, ["TLSRoute"], []],
    ["TCP", undefined, ["TCPRoute"], []],
    ["UDP", undefined, ["UDPRoute"], []],
    ["HTTP", [{ kind: "HTTPRoute" }], ["HTTPRoute"], []],
    ["HTTP", [{ kind: "InvalidRoute" }], [], ["InvalidRoute"]],
    ["HTTP", [{ kind: "InvalidRoute" }, { kind: "HTTPRoute" }], ["HTTPRoute"], ["InvalidRoute"]],
    ["HTTP", [{ kind: "TLSRoute" }], [], ["TLSRoute"]],
    ["HTTP", [{ group: "example.com", kind: "HTTPRoute" }], [], ["example.com/HTTPRoute"]],
  ])("%s %j", (protocol, kinds, want, invalid) => {
    const r = listenerKinds(protocol, kinds);
    expect(r.kinds.map((k) => k.split("/")[1])).toEqual(want);
    expect(r.invalid.map((i) => i.kind)).toEqual(invalid);
  });
});

const G = "Gateway/infra/gw";

describe("listener validity through simulate", () => {
  it.each<[string, string, string[], string[]]>([
    ["HTTP listener", "{name: l, port: 80, protocol: HTTP}", ["Accepted=True/Accepted", "Programmed=True/Programmed", "ResolvedRefs=True/ResolvedRefs", "Conflicted=False/NoConflicts"], ["HTTPRoute", "GRPCRoute"]],
    ["unknown protocol", "{name: l, port: 1111, protocol: INVALID}", ["Accepted=False/UnsupportedProtocol", "Programmed=False/Invalid"], []],
    ["domain-prefixed protocol", "{name: l, port: 1111, protocol: example.com/proto}", ["Accepted=False/UnsupportedProtocol"], []],
    ["invalid route kind", "{name: l, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{kind: Foo}]}}", ["Accepted=True/Accepted", "Programmed=False/Invalid", "ResolvedRefs=False/InvalidRouteKinds"], []],
    ["HTTPS without tls", "{name: l, port: 443, protocol: HTTPS}", ["ResolvedRefs=False/InvalidCertificateRef", "Programmed=False/Invalid"], ["HTTPRoute", "GRPCRoute"]],
    ["HTTPS Passthrough", "{name: l, port: 443, protocol: HTTPS, tls: {mode: Passthrough}}", ["Accepted=False/UnsupportedValue"], []],
    ["TLS Passthrough", "{name: l, port: 443, protocol: TLS, tls: {mode: Passthrough}}", ["Accepted=True/Accepted", "Programmed=True/Programmed", "ResolvedRefs=True/ResolvedRefs"], ["TLSRoute"]],
    ["TLS Terminate without certificates", "{name: l, port: 443, protocol: TLS, tls: {mode: Terminate}}", ["ResolvedRefs=False/InvalidCertificateRef"], ["TLSRoute"]],
    ["HTTPS with a valid certificate", "{name: l, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}", ["Accepted=True/Accepted", "Programmed=True/Programmed", "ResolvedRefs=True/ResolvedRefs"], ["HTTPRoute", "GRPCRoute"]],
  ])("%s", (_label, listener, conds, kinds) => {
    const m = sim(CLASS, gateway("gw", [listener]), tlsSecret("infra", "cert"));
    expect(listenerConds(m, G, "l")).toEqual(expect.arrayContaining(conds));
    expect(status(m, G).listeners![0].supportedKinds.map((k) => k.kind)).toEqual(kinds);
    expect(listenerView(m, "infra/gw/l").supportedKinds).toEqual(kinds);
  });

  it("reports each False listener condition as a diagnostic on the listener's field", () => {
    const m = sim(CLASS, gateway("gw", ["{name: ok, port: 80, protocol: HTTP}", "{name: bad, port: 1111, protocol: INVALID}"]));
    const d = m.diagnostics.find((x) => x.code === "UnsupportedProtocol")!;
    expect(d.path).toEqual(["spec", "listeners", 1, "protocol"]);
    expect([d.line, d.column]).toEqual([14, 39]);
    expect(d.message).toContain("listener bad");
    expect(d.severity).toBe("error");
  });

  it("warns about tls on a plain HTTP listener but keeps it valid", () => {
    const m = sim(CLASS, gateway("gw", ["{name: l, port: 80, protocol: HTTP, tls: {certificateRefs: [{name: x}]}}"]));
    expect(listenerConds(m, G, "l")).toContain("Accepted=True/Accepted");
    expect(m.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(["warning:schema"]);
  });

  it("a Gateway without valid listeners is reported once on spec.listeners", () => {
    const none = sim(CLASS, "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\nspec: {gatewayClassName: gc, listeners: []}");
    expect(none.diagnostics.map((d) => [d.code, d.path])).toEqual([["ListenersNotValid", ["spec", "listeners"]]]);
    expect(status(none, G).conditions[0]).toMatchObject({ type: "Accepted", status: "False", reason: "ListenersNotValid" });
    const bad = sim(CLASS, gateway("gw", ["{name: l, port: 1, protocol: FOO}"]));
    expect(bad.diagnostics.map((d) => d.code).sort()).toEqual(["ListenersNotValid", "UnsupportedProtocol"]);
  });
});
