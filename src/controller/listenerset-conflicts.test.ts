/**
 * Conflicts of the merged listener list (ListenerSetSpec.listeners precedence: the Gateway, then
 * ListenerSets by creation time, then by namespace/name; GEP-1713 "Listener and ListenerSet
 * conflicts": the first listener in precedence wins, the later one is Conflicted). Each row: the
 * Gateway's listeners, the ListenerSets (all in namespace infra, allowed), and the expected
 * Conflicted reason per `owner/listener` ("" = not conflicted).
 */
import { describe, expect, it } from "vitest";
import { CLASS, gateway, show, sim, status, tlsSecret } from "./testing/fixture";
import { allowed, listenerSet } from "./testing/listenerset-fixture";

interface Set {
  name: string;
  created?: string;
  listeners: string[];
}

const http = (name: string, host?: string, port = 80) => `{name: ${name}, port: ${port}, protocol: HTTP${host ? `, hostname: ${host}` : ""}}`;
const tcp = (name: string, port = 80) => `{name: ${name}, port: ${port}, protocol: TCP}`;
const https = (name: string, host: string) => `{name: ${name}, port: 443, protocol: HTTPS, hostname: ${host}, tls: {certificateRefs: [{name: cert}]}}`;

/** `gw/<name>` or `<set>/<name>` → the listener's conditions. */
function conflicts(gwListeners: string[], sets: Set[]): Record<string, string> {
  const m = sim(CLASS, tlsSecret("infra", "cert"), gateway("gw", gwListeners, allowed("{from: Same}")), ...sets.map((s) => listenerSet("infra", s.name, s.listeners, { created: s.created })));
  const out: Record<string, string> = {};
  const read = (owner: string, key: string) => {
    for (const l of status(m, key).listeners ?? []) {
      const c = l.conditions.find((x) => x.type === "Conflicted");
      out[`${owner}/${l.name}`] = c?.status === "True" ? c.reason : "";
    }
  };
  read("gw", "Gateway/infra/gw");
  for (const s of sets) read(s.name, `ListenerSet/infra/${s.name}`);
  return out;
}

describe("ListenerSet listener conflicts, by precedence", () => {
  it.each<[string, string[], Set[], Record<string, string>]>([
    ["distinct hostnames on one port", [http("a", "a.com")], [{ name: "s1", listeners: [http("b", "b.com")] }], { "gw/a": "", "s1/b": "" }],
    ["same hostname as the Gateway: the Gateway wins", [http("a", "a.com")], [{ name: "s1", listeners: [http("b", "a.com")] }], { "gw/a": "", "s1/b": "HostnameConflict" }],
    ["same name, different hostname: names may repeat across resources", [http("a", "a.com")], [{ name: "s1", listeners: [http("a", "b.com")] }], { "gw/a": "", "s1/a": "" }],
    ["hostnames compare case-insensitively", [http("a", "a.com")], [{ name: "s1", listeners: [http("b", "A.COM")] }], { "gw/a": "", "s1/b": "HostnameConflict" }],
    ["TCP on the Gateway's HTTP port: ProtocolConflict for the set's listener only", [http("a", "a.com")], [{ name: "s1", listeners: [http("b", "b.com"), tcp("t")] }], { "gw/a": "", "s1/b": "", "s1/t": "ProtocolConflict" }],
    ["two sets, same hostname: the one first by name wins when neither has a creationTimestamp", [http("a", "a.com")], [{ name: "s2", listeners: [http("x", "x.com")] }, { name: "s1", listeners: [http("x", "x.com")] }], { "s1/x": "", "s2/x": "HostnameConflict" }],
    ["two sets, same hostname: the older one wins", [http("a", "a.com")], [{ name: "s1", created: "2024-02-01T00:00:00Z", listeners: [http("x", "x.com")] }, { name: "s2", created: "2024-01-01T00:00:00Z", listeners: [http("x", "x.com")] }], { "s1/x": "HostnameConflict", "s2/x": "" }],
    ["a set with a creationTimestamp is older than one without", [http("a", "a.com")], [{ name: "s1", listeners: [http("x", "x.com")] }, { name: "s2", created: "2024-01-01T00:00:00Z", listeners: [http("x", "x.com")] }], { "s1/x": "HostnameConflict", "s2/x": "" }],
    ["within one set the Gateway's rule holds: every indistinct listener loses", [http("a", "a.com")], [{ name: "s1", listeners: [http("x", "x.com"), http("y", "x.com"), http("z", "z.com")] }], { "s1/x": "HostnameConflict", "s1/y": "HostnameConflict", "s1/z": "" }],
    ["a listener that lost takes nothing: the next set's like listener wins", [http("a", "a.com")], [{ name: "s1", listeners: [tcp("t"), http("x", "x.com"), http("y", "x.com")] }, { name: "s2", listeners: [http("x", "x.com"), http("b", "b.com")] }], { "s1/t": "ProtocolConflict", "s1/x": "HostnameConflict", "s1/y": "HostnameConflict", "s2/x": "", "s2/b": "" }],
    ["Gateway listeners conflicted among themselves take nothing", [http("a", "a.com"), http("b", "a.com")], [{ name: "s1", listeners: [http("x", "a.com")] }], { "gw/a": "HostnameConflict", "gw/b": "HostnameConflict", "s1/x": "" }],
    ["no hostname on both sides conflicts", [http("a")], [{ name: "s1", listeners: [http("b")] }], { "gw/a": "", "s1/b": "HostnameConflict" }],
    ["TCP listeners are distinct by port only", [tcp("a", 9000)], [{ name: "s1", listeners: [tcp("b", 9000), tcp("c", 9001)] }], { "gw/a": "", "s1/b": "HostnameConflict", "s1/c": "" }],
    ["HTTPS of a set beside the Gateway's HTTPS with another hostname", [https("a", "a.com")], [{ name: "s1", listeners: [https("b", "b.com"), https("c", "a.com")] }], { "gw/a": "", "s1/b": "", "s1/c": "HostnameConflict" }],
    ["HTTP of a set on the Gateway's HTTPS port", [https("a", "a.com")], [{ name: "s1", listeners: [http("b", "b.com", 443)] }], { "gw/a": "", "s1/b": "ProtocolConflict" }],
  ])("%s", (_label, gwListeners, sets, want) => {
    const got = conflicts(gwListeners, sets);
    for (const [k, v] of Object.entries(want)) expect(`${k}: ${got[k]}`).toBe(`${k}: ${v}`);
  });

  it("a conflicted listener is not accepted, not programmed and serves no route kinds; its set stays accepted while another listener is valid", () => {
    const m = sim(CLASS, gateway("gw", [http("a", "a.com")], allowed("{from: Same}")), listenerSet("infra", "s1", [http("b", "a.com"), http("c", "c.com")]));
    const ls = status(m, "ListenerSet/infra/s1");
    const b = ls.listeners!.find((l) => l.name === "b")!;
    expect(show(b.conditions)).toEqual(["Accepted=False/HostnameConflict", "Programmed=False/HostnameConflict", "ResolvedRefs=True/ResolvedRefs", "Conflicted=True/HostnameConflict"]);
    expect(b.supportedKinds).toEqual([]);
    expect(show(ls.conditions)).toEqual(["Accepted=True/ListenersNotValid", "Programmed=True/Programmed"]);
    // Reported on the losing listener's port, in the ListenerSet.
    expect(m.diagnostics.filter((d) => d.code === "HostnameConflict").map((d) => `${d.resource?.kind} ${d.path?.join(".")}`)).toEqual(["ListenerSet spec.listeners.0.port"]);
  });

  it("a set the Gateway does not allow takes no part in conflicts", () => {
    const m = sim(CLASS, gateway("gw", [http("a", "a.com")]), listenerSet("infra", "s1", [http("b", "a.com")]));
    expect(status(m, "ListenerSet/infra/s1").listeners![0].conditions.find((c) => c.type === "Conflicted")?.status).toBe("False");
  });
});
