import { describe, expect, it } from "vitest";
import { CLASS, gateway, grant, listenerConds, sim, status, tlsSecret } from "./testing/fixture";

const G = "Gateway/infra/gw";
const CA = (ns: string, name: string, data = "{ca.crt: pem}") => `apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: ${ns}}
data: ${data}`;
const frontend = (refs: string, mode = "") => `  tls:
    frontend:
      default:
        validation:
          caCertificateRefs: [${refs}]
${mode ? `          mode: ${mode}\n` : ""}`;
const LISTENERS = ["{name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}", "{name: http, port: 80, protocol: HTTP}"];

describe("frontend client certificate validation (FrontendTLSValidation.caCertificateRefs)", () => {
  it.each<[string, string, string[], string[]]>([
    ["valid ConfigMap", "{kind: ConfigMap, group: '', name: ca}", [CA("infra", "ca")], ["ResolvedRefs=True/ResolvedRefs", "Accepted=True/Accepted"]],
    ["missing ConfigMap", "{kind: ConfigMap, group: '', name: nope}", [], ["ResolvedRefs=False/InvalidCACertificateRef", "Accepted=False/NoValidCACertificate", "Programmed=False/Invalid"]],
    ["ConfigMap without ca.crt", "{kind: ConfigMap, group: '', name: ca}", [CA("infra", "ca", "{other: x}")], ["ResolvedRefs=False/InvalidCACertificateRef", "Accepted=False/NoValidCACertificate"]],
    ["wrong kind", "{kind: Service, group: '', name: ca}", [], ["ResolvedRefs=False/InvalidCACertificateKind", "Accepted=False/NoValidCACertificate"]],
    ["cross-namespace without grant", "{kind: ConfigMap, group: '', name: ca, namespace: other}", [CA("other", "ca")], ["ResolvedRefs=False/RefNotPermitted", "Accepted=False/NoValidCACertificate"]],
    ["cross-namespace with grant", "{kind: ConfigMap, group: '', name: ca, namespace: other}", [CA("other", "ca"), grant("other", "g", { group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "infra" }, { group: "", kind: "ConfigMap" })], ["ResolvedRefs=True/ResolvedRefs", "Accepted=True/Accepted"]],
    ["one valid of two", "{kind: ConfigMap, group: '', name: ca}, {kind: ConfigMap, group: '', name: nope}", [CA("infra", "ca")], ["ResolvedRefs=False/InvalidCACertificateRef", "Accepted=True/Accepted"]],
  ])("%s", (_label, refs, objects, want) => {
    const m = sim(CLASS, gateway("gw", LISTENERS, frontend(refs)), tlsSecret("infra", "cert"), ...objects);
    expect(listenerConds(m, G, "https")).toEqual(expect.arrayContaining(want));
    // Validation applies to HTTPS listeners only.
    expect(listenerConds(m, G, "http")).toEqual(expect.arrayContaining(["ResolvedRefs=True/ResolvedRefs", "Accepted=True/Accepted"]));
  });

  it("perPort overrides the default for its port only", () => {
    const extra = `  tls:
    frontend:
      default: {validation: {caCertificateRefs: [{kind: ConfigMap, group: '', name: ca}]}}
      perPort:
      - {port: 8443, tls: {validation: {caCertificateRefs: [{kind: ConfigMap, group: '', name: nope}]}}}
`;
    const m = sim(CLASS, gateway("gw", ["{name: a, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}", "{name: b, port: 8443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}"], extra), tlsSecret("infra", "cert"), CA("infra", "ca"));
    expect(listenerConds(m, G, "a")).toContain("Accepted=True/Accepted");
    expect(listenerConds(m, G, "b")).toContain("Accepted=False/NoValidCACertificate");
  });

  it.each([
    ["AllowInsecureFallback", true],
    ["AllowValidOnly", false],
  ])("mode %s → InsecureFrontendValidationMode %s", (mode, set) => {
    const m = sim(CLASS, gateway("gw", LISTENERS, frontend("{kind: ConfigMap, group: '', name: ca}", mode)), tlsSecret("infra", "cert"), CA("infra", "ca"));
    const c = status(m, G).conditions.find((x) => x.type === "InsecureFrontendValidationMode");
    expect(c ? `${c.status}/${c.reason}` : null).toBe(set ? "True/ConfigurationChanged" : null);
  });
});
