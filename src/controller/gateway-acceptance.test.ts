import { describe, expect, it } from "vitest";
import { CLASS, gateway, sim, status, show } from "./testing/fixture";

const G = "Gateway/infra/gw";
const L = ["{name: http, port: 80, protocol: HTTP}"];

describe("Gateway acceptance: infrastructure.parametersRef and addresses", () => {
  it.each<[string, string, string[], string[]]>([
    ["no extras", "", [], ["Accepted=True/Accepted", "Programmed=True/Programmed"]],
    ["parametersRef to a missing object", "  infrastructure:\n    parametersRef: {group: invalid.io, kind: InvalidParameters, name: invalid}\n", [], ["Accepted=False/InvalidParameters", "Programmed=False/Invalid"]],
    ["parametersRef to a ConfigMap in the input", "  infrastructure:\n    parametersRef: {group: '', kind: ConfigMap, name: params}\n", ["apiVersion: v1\nkind: ConfigMap\nmetadata: {name: params, namespace: infra}\ndata: {}"], ["Accepted=True/Accepted"]],
    ["unsupported address type", "  addresses:\n  - {type: test/fake-invalid-type, value: x}\n", [], ["Accepted=False/UnsupportedAddress"]],
    ["IP address", "  addresses:\n  - {value: 10.0.0.1}\n", [], ["Accepted=True/Accepted", "Programmed=True/Programmed"]],
    ["Hostname address", "  addresses:\n  - {type: Hostname, value: gw.example.com}\n", [], ["Accepted=True/Accepted"]],
    ["IPAddress that is not an IP", "  addresses:\n  - {value: PLACEHOLDER}\n", [], ["Accepted=True/Accepted", "Programmed=False/AddressNotUsable"]],
  ])("%s", (_label, extra, objects, want) => {
    const m = sim(CLASS, gateway("gw", L, extra), ...objects);
    expect(show(status(m, G).conditions)).toEqual(expect.arrayContaining(want));
    const gv = m.gateways[0];
    expect(gv.accepted).toBe(want.includes("Accepted=True/Accepted"));
  });

  it("a Gateway of a class that is not in the input is assumed accepted, and says so", () => {
    const m = sim(gateway("gw", L));
    expect(show(status(m, G).conditions)).toContain("Accepted=True/Accepted");
    expect(m.assumptions).toEqual([expect.objectContaining({ code: "gatewayclass-accepted", refs: ["GatewayClass/gc", G] })]);
    expect(m.relations.find((r) => r.type === "gatewayClass")).toMatchObject({ from: G, to: "GatewayClass/gc", reason: "Assumed" });
  });

  it("a GatewayClass parametersRef to an object not in the input is assumed to exist", () => {
    const cls = "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: x/y, parametersRef: {group: gateway.envoyproxy.io, kind: EnvoyProxy, name: p, namespace: eg}}";
    const m = sim(cls, gateway("gw", L));
    expect(show(status(m, "GatewayClass/gc").conditions)).toContain("Accepted=True/Accepted");
    expect(m.assumptions).toEqual([expect.objectContaining({ code: "parameters-exist", refs: ["EnvoyProxy/eg/p", "GatewayClass/gc"] })]);
  });

  it("a Gateway of a class that is not accepted is Pending", () => {
    const cls = "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: x/y, parametersRef: {group: x.io, name: p}}";
    const m = sim(cls, gateway("gw", L));
    expect(show(status(m, "GatewayClass/gc").conditions)).toEqual(["Accepted=False/InvalidParameters", "SupportedVersion=True/SupportedVersion"]);
    expect(show(status(m, G).conditions)).toEqual(expect.arrayContaining(["Accepted=Unknown/Pending", "Programmed=False/Pending"]));
    expect(m.diagnostics.map((d) => d.code)).toContain("InvalidParameters");
  });
});

describe("GatewayClass", () => {
  it("is accepted whatever its controllerName, with observedGeneration from metadata.generation", () => {
    const m = sim("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: other, generation: 3}\nspec: {controllerName: somebody.else/controller}");
    const s = status(m, "GatewayClass/other");
    expect(show(s.conditions)).toEqual(["Accepted=True/Accepted", "SupportedVersion=True/SupportedVersion"]);
    expect(s.conditions.map((c) => c.observedGeneration)).toEqual([3, 3]);
  });
});
