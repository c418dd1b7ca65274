/**
 * ListenerSet status (ListenerSetConditionType Accepted/Programmed with their reasons; per-listener
 * conditions as a Gateway's) and the parent's attachedListenerSets. Each row: the Gateway (or none),
 * the ListenerSet's parentRef and listeners, then the set's conditions and its listeners' Accepted
 * and Programmed conditions.
 */
import { describe, expect, it } from "vitest";
import { CLASS, gateway, grant, namespace, show, sim, status, tlsSecret } from "./testing/fixture";
import { allowed, listenerSet } from "./testing/listenerset-fixture";

const OK_GW = gateway("gw", ["{name: gw-l, port: 80, protocol: HTTP, hostname: gw.example.com}"], allowed("{from: All}"));
const HTTP = "{name: l, port: 80, protocol: HTTP, hostname: ls.example.com}";

describe("ListenerSet conditions", () => {
  it.each<[string, string[], string | undefined, string[], string[], string[]]>([
    ["attached, every listener valid", [OK_GW], undefined, [HTTP], ["Accepted=True/Accepted", "Programmed=True/Programmed"], ["Accepted=True/Accepted", "Programmed=True/Programmed"]],
    ["parentRef to a Gateway not in the input", [], undefined, [HTTP], ["Accepted=False/ParentNotAccepted", "Programmed=False/ParentNotAccepted"], ["Accepted=False/ParentNotAccepted", "Programmed=False/ParentNotAccepted"]],
    ["parentRef of another kind (ParentGatewayReference names a Gateway)", [OK_GW], "{kind: Service, group: '', name: gw}", [HTTP], ["Accepted=False/Invalid", "Programmed=False/Invalid"], ["Accepted=False/Invalid", "Programmed=False/Invalid"]],
    ["parent Gateway not accepted (unsupported address)", [gateway("gw", ["{name: gw-l, port: 80, protocol: HTTP}"], allowed("{from: All}") + "  addresses: [{type: example.com/odd, value: x}]\n")], undefined, [HTTP], ["Accepted=False/ParentNotAccepted", "Programmed=False/ParentNotProgrammed"], ["Accepted=True/Accepted", "Programmed=False/Invalid"]],
    ["parent Gateway accepted but not programmed (address not usable)", [gateway("gw", ["{name: gw-l, port: 80, protocol: HTTP}"], allowed("{from: All}") + "  addresses: [{type: IPAddress, value: not-an-ip}]\n")], undefined, [HTTP], ["Accepted=True/Accepted", "Programmed=False/ParentNotProgrammed"], ["Accepted=True/Accepted", "Programmed=True/Programmed"]],
    ["every listener invalid", [OK_GW], undefined, ["{name: l, port: 80, protocol: SCTP}"], ["Accepted=False/ListenersNotValid", "Programmed=False/ListenersNotValid"], ["Accepted=False/UnsupportedProtocol", "Programmed=False/Invalid"]],
    ["a listener with unresolved references makes the set not valid (conformance ListenerSetReferenceGrant)", [OK_GW], undefined, ["{name: l, port: 443, protocol: HTTPS, hostname: ls.example.com, tls: {certificateRefs: [{name: missing}]}}"], ["Accepted=False/ListenersNotValid", "Programmed=False/ListenersNotValid"], ["Accepted=True/Accepted", "Programmed=False/Invalid"]],
    ["some listeners invalid: accepted with ListenersNotValid", [OK_GW], undefined, [HTTP, "{name: bad, port: 81, protocol: SCTP}"], ["Accepted=True/ListenersNotValid", "Programmed=True/Programmed"], ["Accepted=True/Accepted", "Programmed=True/Programmed"]],
  ])("%s", (_label, gws, parent, listeners, want, wantListener) => {
    const m = sim(CLASS, ...gws, listenerSet("infra", "ls", listeners, { parent }));
    const st = status(m, "ListenerSet/infra/ls");
    expect(show(st.conditions)).toEqual(want);
    expect(show(st.listeners![0].conditions).filter((c) => c.startsWith("Accepted=") || c.startsWith("Programmed="))).toEqual(wantListener);
    expect(st.listeners!.map((l) => l.name)).toEqual(listeners.map((l) => /name: ([^,]+)/.exec(l)![1]));
  });

  it("attachedListenerSets counts the accepted sets the Gateway allows, not the others", () => {
    const m = sim(
      CLASS,
      gateway("gw", ["{name: gw-l, port: 80, protocol: HTTP, hostname: gw.example.com}"], allowed("{from: Same}")),
      namespace("apps"),
      listenerSet("infra", "ok", [HTTP]),
      listenerSet("infra", "invalid", ["{name: l, port: 80, protocol: SCTP}"]),
      listenerSet("apps", "elsewhere", [HTTP]),
    );
    expect(status(m, "Gateway/infra/gw").attachedListenerSets).toBe(1);
    // The Gateway's own listeners and status are unchanged by its ListenerSets.
    expect(status(m, "Gateway/infra/gw").listeners!.map((l) => l.name)).toEqual(["gw-l"]);
  });

  it("conditions carry the ListenerSet's generation", () => {
    const m = sim(CLASS, OK_GW, listenerSet("infra", "ls", [HTTP]).replace("metadata: {", "metadata: {generation: 4, "));
    const st = status(m, "ListenerSet/infra/ls");
    expect([...st.conditions, ...st.listeners!.flatMap((l) => l.conditions)].map((c) => c.observedGeneration)).toEqual(Array(6).fill(4));
  });

  it("the experimental XListenerSet (gateway.networking.x-k8s.io/v1alpha1) behaves the same", () => {
    const m = sim(CLASS, OK_GW, listenerSet("infra", "ls", [HTTP], { kind: "XListenerSet" }));
    expect(show(status(m, "XListenerSet/infra/ls").conditions)).toEqual(["Accepted=True/Accepted", "Programmed=True/Programmed"]);
    expect(status(m, "Gateway/infra/gw").attachedListenerSets).toBe(1);
  });
});

/**
 * ListenerSet CRD, "ReferenceGrant Semantics": "ReferenceGrants applied to a Gateway are not inherited
 * by child ListenerSets; ReferenceGrants applied to a ListenerSet do not grant permission to the
 * parent Gateway's listeners; a ListenerSet can reference secrets … in its own namespace without a
 * ReferenceGrant." Rows: the grants in namespace certs, then ResolvedRefs of the Gateway's and the
 * ListenerSet's HTTPS listeners (both refer to Secret certs/cert).
 */
describe("certificateRefs of ListenerSet listeners and ReferenceGrants", () => {
  const G = "gateway.networking.k8s.io";
  const https = (name: string, ns = "certs") => `{name: ${name}, port: 443, protocol: HTTPS, hostname: ${name}.example.com, tls: {certificateRefs: [{name: cert, namespace: ${ns}}]}}`;
  it.each<[string, string[], string, string]>([
    ["no grant", [], "ResolvedRefs=False/RefNotPermitted", "ResolvedRefs=False/RefNotPermitted"],
    ["a grant from Gateways only", [grant("certs", "g", { group: G, kind: "Gateway", namespace: "infra" }, { group: "", kind: "Secret" })], "ResolvedRefs=True/ResolvedRefs", "ResolvedRefs=False/RefNotPermitted"],
    ["a grant from ListenerSets only", [grant("certs", "g", { group: G, kind: "ListenerSet", namespace: "apps" }, { group: "", kind: "Secret" })], "ResolvedRefs=False/RefNotPermitted", "ResolvedRefs=True/ResolvedRefs"],
    ["a grant from ListenerSets of another namespace", [grant("certs", "g", { group: G, kind: "ListenerSet", namespace: "infra" }, { group: "", kind: "Secret" })], "ResolvedRefs=False/RefNotPermitted", "ResolvedRefs=False/RefNotPermitted"],
  ])("%s", (_label, grants, wantGw, wantLs) => {
    const m = sim(CLASS, tlsSecret("certs", "cert"), namespace("apps"), gateway("gw", [https("gw-l")], allowed("{from: All}")), listenerSet("apps", "ls", [https("ls-l")]), ...grants);
    expect(show(status(m, "Gateway/infra/gw").listeners![0].conditions)).toContain(wantGw);
    expect(show(status(m, "ListenerSet/apps/ls").listeners![0].conditions)).toContain(wantLs);
  });

  it("a Secret in the ListenerSet's own namespace needs no grant; the certificateRef edge starts at the ListenerSet", () => {
    const m = sim(CLASS, tlsSecret("apps", "cert"), namespace("apps"), gateway("gw", ["{name: gw-l, port: 80, protocol: HTTP}"], allowed("{from: All}")), listenerSet("apps", "ls", [https("ls-l", "apps")]));
    expect(show(status(m, "ListenerSet/apps/ls").listeners![0].conditions)).toContain("ResolvedRefs=True/ResolvedRefs");
    expect(m.relations.filter((r) => r.type === "certificateRef")).toEqual([expect.objectContaining({ from: "ListenerSet/apps/ls", to: "Secret/apps/cert", ok: true, path: ["spec", "listeners", 0, "tls", "certificateRefs", 0] })]);
  });
});

/**
 * GatewayTLSConfig: "TLS specifies frontend and backend tls configuration for entire gateway";
 * frontend.default applies "for all Listeners handling HTTPS traffic" — with ListenerSets, the merged
 * list, so the HTTPS listeners a set adds are validated with the Gateway's CA references. Rows: the
 * Gateway's CA references (resolved against the Gateway's namespace), then the set listener's
 * ResolvedRefs and Accepted.
 */
describe("the Gateway's client certificate validation covers ListenerSet listeners", () => {
  const CA = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\ndata: {ca.crt: x}";
  const frontend = (refs: string) => `  tls:\n    frontend:\n      default:\n        validation: {caCertificateRefs: ${refs}}\n`;
  const https = "{name: l, port: 443, protocol: HTTPS, hostname: ls.example.com, tls: {certificateRefs: [{name: cert}]}}";
  it.each<[string, string, string[]]>([
    ["a valid CA ConfigMap", "[{name: ca}]", ["ResolvedRefs=True/ResolvedRefs", "Accepted=True/Accepted"]],
    ["a missing CA ConfigMap", "[{name: nope}]", ["ResolvedRefs=False/InvalidCACertificateRef", "Accepted=False/NoValidCACertificate"]],
  ])("%s", (_label, refs, want) => {
    const m = sim(CLASS, CA, tlsSecret("infra", "cert"), gateway("gw", ["{name: gw-l, port: 80, protocol: HTTP}"], allowed("{from: Same}") + frontend(refs)), listenerSet("infra", "ls", [https]));
    const conds = show(status(m, "ListenerSet/infra/ls").listeners![0].conditions);
    for (const w of want) expect(conds).toContain(w);
  });

  it("a set the Gateway does not take is not validated against the Gateway's configuration", () => {
    const m = sim(CLASS, CA, tlsSecret("infra", "cert"), gateway("gw", ["{name: gw-l, port: 80, protocol: HTTP}"], frontend("[{name: nope}]")), listenerSet("infra", "ls", [https]));
    expect(show(status(m, "ListenerSet/infra/ls").listeners![0].conditions)).toContain("ResolvedRefs=True/ResolvedRefs");
  });
});
