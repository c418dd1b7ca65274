import { describe, expect, it } from "vitest";
import { CLASS, gateway, listenerConds, sim, status, tlsSecret } from "./testing/fixture";

const G = "Gateway/infra/gw";
const TLS = "tls: {certificateRefs: [{name: cert}]}";

/** Each row: listeners, then the expected Conflicted condition per listener name ("" = none). */
describe("distinct listeners (Gateway.spec.listeners: Distinct Listeners)", () => {
  it.each<[string, string[], Record<string, string>]>([
    ["same port, different hostnames", ["{name: a, port: 80, protocol: HTTP, hostname: a.com}", "{name: b, port: 80, protocol: HTTP, hostname: b.com}"], { a: "", b: "" }],
    ["same port, same hostname", ["{name: a, port: 80, protocol: HTTP, hostname: a.com}", "{name: b, port: 80, protocol: HTTP, hostname: a.com}"], { a: "HostnameConflict", b: "HostnameConflict" }],
    ["same port, both without hostname", ["{name: a, port: 80, protocol: HTTP}", "{name: b, port: 80, protocol: HTTP}", "{name: c, port: 80, protocol: HTTP, hostname: c.com}"], { a: "HostnameConflict", b: "HostnameConflict", c: "" }],
    ["HTTP and HTTPS on one port", ["{name: a, port: 8443, protocol: HTTP}", `{name: b, port: 8443, protocol: HTTPS, hostname: b.com, ${TLS}}`], { a: "ProtocolConflict", b: "ProtocolConflict" }],
    ["TCP shares a port with HTTP", ["{name: a, port: 80, protocol: TCP}", "{name: b, port: 80, protocol: HTTP, hostname: b.com}"], { a: "ProtocolConflict", b: "ProtocolConflict" }],
    ["HTTPS and TLS passthrough, different hostnames", [`{name: a, port: 443, protocol: HTTPS, hostname: a.com, ${TLS}}`, "{name: b, port: 443, protocol: TLS, hostname: b.com, tls: {mode: Passthrough}}"], { a: "", b: "" }],
    ["HTTPS and TLS, same hostname", [`{name: a, port: 443, protocol: HTTPS, hostname: a.com, ${TLS}}`, "{name: b, port: 443, protocol: TLS, hostname: a.com, tls: {mode: Passthrough}}"], { a: "HostnameConflict", b: "HostnameConflict" }],
    ["TCP and UDP on one port", ["{name: a, port: 53, protocol: TCP}", "{name: b, port: 53, protocol: UDP}"], { a: "", b: "" }],
    ["two UDP on one port", ["{name: a, port: 53, protocol: UDP}", "{name: b, port: 53, protocol: UDP}"], { a: "HostnameConflict", b: "HostnameConflict" }],
    ["unsupported protocol does not conflict", ["{name: a, port: 80, protocol: HTTP}", "{name: b, port: 80, protocol: FOO}"], { a: "", b: "" }],
  ])("%s", (_label, listeners, want) => {
    const m = sim(CLASS, gateway("gw", listeners), tlsSecret("infra", "cert"));
    for (const [name, reason] of Object.entries(want)) {
      const conds = listenerConds(m, G, name);
      if (reason) {
        // Conflicted listeners are not accepted, not programmed, and serve no kinds.
        expect(conds).toEqual(expect.arrayContaining([`Conflicted=True/${reason}`, `Accepted=False/${reason}`, `Programmed=False/${reason}`]));
        expect(status(m, G).listeners!.find((l) => l.name === name)!.supportedKinds).toEqual([]);
      } else expect(conds.filter((c) => c.startsWith("Conflicted="))).toEqual(["Conflicted=False/NoConflicts"]);
    }
  });

  it("a Gateway whose every listener conflicts is not accepted; with one distinct listener it is, with ListenersNotValid", () => {
    const all = sim(CLASS, gateway("gw", ["{name: a, port: 80, protocol: HTTP}", "{name: b, port: 80, protocol: HTTP}"]));
    expect(status(all, G).conditions.map((c) => `${c.type}=${c.status}/${c.reason}`)).toContain("Accepted=False/ListenersNotValid");
    const some = sim(CLASS, gateway("gw", ["{name: a, port: 80, protocol: HTTP}", "{name: b, port: 80, protocol: HTTP}", "{name: c, port: 81, protocol: HTTP}"]));
    expect(status(some, G).conditions.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual(expect.arrayContaining(["Accepted=True/ListenersNotValid", "Programmed=True/Programmed"]));
  });
});
