import { describe, expect, it } from "vitest";
import { CLASS, gateway, httpRoute, service, show, sim, status } from "./testing/fixture";

const GW = gateway("gw", ["{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"]);
const ROUTE = httpRoute("infra", "r", "  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: svc, port: 443}]}]");
const CA = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\ndata: {ca.crt: pem}";
const policy = (name: string, validation: string, target = "{group: '', kind: Service, name: svc}", created = "2026-01-01T00:00:00Z") => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: ${name}, namespace: infra, creationTimestamp: "${created}"}
spec:
  targetRefs: [${target}]
  validation: ${validation}`;

describe("BackendTLSPolicy status per ancestor Gateway", () => {
  it.each<[string, string, string[]]>([
    ["valid CA ConfigMap", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}], hostname: a.example.com}", ["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]],
    ["missing ConfigMap", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: nope}], hostname: a.example.com}", ["Accepted=False/NoValidCACertificate", "ResolvedRefs=False/InvalidCACertificateRef"]],
    ["unsupported kind", "{caCertificateRefs: [{group: '', kind: Secret, name: ca}], hostname: a.example.com}", ["Accepted=False/NoValidCACertificate", "ResolvedRefs=False/InvalidKind"]],
    ["well-known System CAs", "{wellKnownCACertificates: System, hostname: a.example.com}", ["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]],
    ["unknown well-known set", "{wellKnownCACertificates: Mine, hostname: a.example.com}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
  ])("%s", (_label, validation, want) => {
    const m = sim(CLASS, GW, ROUTE, service("infra", "svc", 443), CA, policy("p", validation));
    const s = status(m, "BackendTLSPolicy/infra/p");
    expect(s.ancestors!.map((a) => a.parentRef)).toEqual(["infra/gw"]);
    expect(show(s.ancestors![0].conditions)).toEqual(want);
  });

  it("the older of two policies on the same target wins; the other is Conflicted; a sectionName makes a different target", () => {
    const v = "{caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}], hostname: a.example.com}";
    const m = sim(CLASS, GW, ROUTE, service("infra", "svc", 443), CA, policy("b-old", v, undefined, "2026-01-01T00:00:00Z"), policy("a-new", v, undefined, "2026-01-02T00:00:00Z"), policy("section", v, "{group: '', kind: Service, name: svc, sectionName: https}"));
    const accepted = (n: string) => show(status(m, `BackendTLSPolicy/infra/${n}`).ancestors![0].conditions)[0];
    expect([accepted("b-old"), accepted("a-new"), accepted("section")]).toEqual(["Accepted=True/Accepted", "Accepted=False/Conflicted", "Accepted=True/Accepted"]);
  });

  it("has no ancestors when no attached route uses the Service", () => {
    const m = sim(CLASS, GW, service("infra", "svc", 443), CA, policy("p", "{wellKnownCACertificates: System, hostname: a}"));
    expect(status(m, "BackendTLSPolicy/infra/p").ancestors).toEqual([]);
  });
});
