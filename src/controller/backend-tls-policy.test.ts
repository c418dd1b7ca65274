import { describe, expect, it } from "vitest";
import { CLASS, gateway, httpRoute, show, sim, status } from "./testing/fixture";
import type { Model } from "../model/model";

const GW = gateway("gw", ["{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"]);
const GW2 = gateway("gw2", ["{name: l, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}"]);
const ROUTE = httpRoute("infra", "r", "  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: svc, port: 443}]}]");
const CA = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\ndata: {ca.crt: pem}";
const SECRETS = "apiVersion: v1\nkind: Secret\nmetadata: {name: ca-secret, namespace: infra}\nstringData: {ca.crt: pem}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls-secret, namespace: infra}\nstringData: {tls.crt: pem}";
/** A Service with named ports https (443) and admin (8443). */
const SVC = `apiVersion: v1
kind: Service
metadata: {name: svc, namespace: infra}
spec: {ports: [{name: https, port: 443}, {name: admin, port: 8443}]}`;
const VALID = "{caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}], hostname: a.example.com}";
const policy = (name: string, validation: string, target = "{group: '', kind: Service, name: svc}", created = "2026-01-01T00:00:00Z", version = "v1") => `apiVersion: gateway.networking.k8s.io/${version}
kind: BackendTLSPolicy
metadata: {name: ${name}, namespace: infra, creationTimestamp: "${created}", generation: 3}
spec:
  targetRefs: [${target}]
  validation: ${validation}`;
const ancestorConds = (m: Model, name: string): string[] => show(status(m, `BackendTLSPolicy/infra/${name}`).ancestors?.[0]?.conditions);

describe("BackendTLSPolicy validation (BackendTLSPolicyValidation)", () => {
  it.each<[string, string, string[]]>([
    ["valid CA ConfigMap", VALID, ["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]],
    ["missing ConfigMap", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: nope}], hostname: a.example.com}", ["Accepted=False/NoValidCACertificate", "ResolvedRefs=False/InvalidCACertificateRef"]],
    ["unsupported kind", "{caCertificateRefs: [{group: '', kind: Service, name: ca}], hostname: a.example.com}", ["Accepted=False/NoValidCACertificate", "ResolvedRefs=False/InvalidKind"]],
    ["a Secret with ca.crt (implementation-specific)", "{caCertificateRefs: [{group: '', kind: Secret, name: ca-secret}], hostname: a.example.com}", ["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]],
    ["a Secret without ca.crt", "{caCertificateRefs: [{group: '', kind: Secret, name: tls-secret}], hostname: a.example.com}", ["Accepted=False/NoValidCACertificate", "ResolvedRefs=False/InvalidCACertificateRef"]],
    ["one valid CA of two: accepted, refs not resolved", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}, {group: '', kind: ConfigMap, name: nope}], hostname: a.example.com}", ["Accepted=True/Accepted", "ResolvedRefs=False/InvalidCACertificateRef"]],
    ["well-known System CAs", "{wellKnownCACertificates: System, hostname: a.example.com}", ["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]],
    ["unknown well-known set", "{wellKnownCACertificates: example.com/mine, hostname: a.example.com}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
    ["neither CA refs nor well-known", "{hostname: a.example.com}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
    ["both CA refs and well-known (CEL)", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}], wellKnownCACertificates: System, hostname: a.example.com}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
    ["no hostname (required)", "{wellKnownCACertificates: System}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
    ["hostname not a DNS name", "{wellKnownCACertificates: System, hostname: 'A_b.example.com'}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
    ["SAN Hostname and URI", "{wellKnownCACertificates: System, hostname: a.example.com, subjectAltNames: [{type: Hostname, hostname: '*.example.com'}, {type: URI, uri: 'spiffe://td/ns/a'}]}", ["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]],
    ["SAN Hostname without hostname (CEL)", "{wellKnownCACertificates: System, hostname: a.example.com, subjectAltNames: [{type: Hostname, uri: 'spiffe://td'}]}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
    ["SAN URI without scheme", "{wellKnownCACertificates: System, hostname: a.example.com, subjectAltNames: [{type: URI, uri: 'no-scheme'}]}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
    ["SAN of unknown type", "{wellKnownCACertificates: System, hostname: a.example.com, subjectAltNames: [{type: IP, hostname: a}]}", ["Accepted=False/Invalid", "ResolvedRefs=True/ResolvedRefs"]],
  ])("%s", (_label, validation, want) => {
    const m = sim(CLASS, GW, ROUTE, SVC, CA, SECRETS, policy("p", validation));
    const s = status(m, "BackendTLSPolicy/infra/p");
    expect(s.ancestors!.map((a) => a.parentRef)).toEqual(["infra/gw"]);
    expect(show(s.ancestors![0].conditions)).toEqual(want);
    // observedGeneration is the policy's generation on every condition.
    expect(s.ancestors![0].conditions.map((c) => c.observedGeneration)).toEqual([3, 3]);
    // Every False condition comes with a diagnostic on the policy.
    const bad = want.some((w) => w.includes("=False"));
    expect(m.diagnostics.some((d) => d.resource?.kind === "BackendTLSPolicy" && d.severity === "error")).toBe(bad);
  });

  it.each([
    ["v1alpha3, same schema", policy("p", VALID, undefined, undefined, "v1alpha3")],
    [
      "v1alpha2: spec.targetRef and spec.tls (caCertRefs, hostname)",
      `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: BackendTLSPolicy
metadata: {name: p, namespace: infra}
spec:
  targetRef: {group: '', kind: Service, name: svc, sectionName: https}
  tls: {caCertRefs: [{group: '', kind: ConfigMap, name: ca}], hostname: a.example.com}`,
    ],
  ])("%s loads and is accepted", (_label, doc) => {
    const m = sim(CLASS, GW, ROUTE, SVC, CA, doc);
    expect(ancestorConds(m, "p")).toEqual(["Accepted=True/Accepted", "ResolvedRefs=True/ResolvedRefs"]);
    expect(m.policies?.[0].tls).toMatchObject({ hostname: "a.example.com", caCertificateRefs: [{ key: "ConfigMap/infra/ca", valid: true }] });
  });
});

describe("BackendTLSPolicy targets (LocalPolicyTargetReferenceWithSectionName)", () => {
  const MISSING_ROUTE = httpRoute("infra", "r", "  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: gone, port: 443}]}]");
  it.each<[string, string, string[], string, string[]]>([
    ["a port name of the Service", "{group: '', kind: Service, name: svc, sectionName: https}", [ROUTE], "Accepted=True/Accepted", ["infra/gw"]],
    ["a port name the Service lacks", "{group: '', kind: Service, name: svc, sectionName: nope}", [ROUTE], "Accepted=False/TargetNotFound", ["infra/gw"]],
    ["a missing Service a route uses", "{group: '', kind: Service, name: gone}", [MISSING_ROUTE], "Accepted=False/TargetNotFound", ["infra/gw"]],
    ["a missing Service no route uses: no ancestors", "{group: '', kind: Service, name: gone}", [ROUTE], "", []],
    ["a kind other than Service", "{group: x.io, kind: Pool, name: svc}", [ROUTE], "", []],
    ["a port no route uses: no ancestors", "{group: '', kind: Service, name: svc, sectionName: admin}", [ROUTE], "", []],
  ])("%s", (_label, target, routes, want, ancestors) => {
    const m = sim(CLASS, GW, SVC, CA, ...routes, policy("p", VALID, target));
    const s = status(m, "BackendTLSPolicy/infra/p");
    expect(s.ancestors!.map((a) => a.parentRef)).toEqual(ancestors);
    if (want) expect(show(s.ancestors![0].conditions)[0]).toBe(want);
    const rel = m.relations.find((r) => r.type === "targetRef" && r.from === "BackendTLSPolicy/infra/p");
    expect(rel?.ok).toBe(want === "Accepted=True/Accepted" || (want === "" && !target.includes("gone") && !target.includes("Pool")));
  });

  it("ancestors are every Gateway whose attached routes reach the Service, sorted", () => {
    const r2 = httpRoute("infra", "r2", "  parentRefs: [{name: gw2}]\n  rules: [{backendRefs: [{name: svc, port: 443}]}]");
    const m = sim(CLASS, GW2, GW, ROUTE, r2, SVC, CA, policy("p", VALID));
    expect(status(m, "BackendTLSPolicy/infra/p").ancestors!.map((a) => a.parentRef)).toEqual(["infra/gw", "infra/gw2"]);
    expect(m.policies?.[0].ancestors).toEqual(["infra/gw", "infra/gw2"]);
  });

  it.each<[string, string, string]>([
    ["the same Service twice without sectionName", "{group: '', kind: Service, name: svc}, {group: '', kind: Service, name: svc}", "Accepted=False/Invalid"],
    ["twice, one without sectionName", "{group: '', kind: Service, name: svc}, {group: '', kind: Service, name: svc, sectionName: https}", "Accepted=False/Invalid"],
    ["twice with one sectionName", "{group: '', kind: Service, name: svc, sectionName: https}, {group: '', kind: Service, name: svc, sectionName: https}", "Accepted=False/Invalid"],
    ["twice with distinct sectionNames", "{group: '', kind: Service, name: svc, sectionName: https}, {group: '', kind: Service, name: svc, sectionName: admin}", "Accepted=True/Accepted"],
  ])("targetRefs distinctness (CEL): %s", (_label, targets, want) => {
    const m = sim(CLASS, GW, ROUTE, SVC, CA, policy("p", VALID, targets));
    expect(ancestorConds(m, "p")[0]).toBe(want);
  });
});

describe("BackendTLSPolicy conflicts (GEP-713 precedence per target and sectionName)", () => {
  const T = "{group: '', kind: Service, name: svc}";
  const TS = "{group: '', kind: Service, name: svc, sectionName: https}";
  it.each<[string, [string, string, string][], Record<string, string>]>([
    ["older wins", [["b", T, "2026-01-01T00:00:00Z"], ["a", T, "2026-01-02T00:00:00Z"]], { b: "Accepted=True/Accepted", a: "Accepted=False/Conflicted" }],
    ["same age: first by namespace/name wins", [["b", T, "2026-01-01T00:00:00Z"], ["a", T, "2026-01-01T00:00:00Z"]], { a: "Accepted=True/Accepted", b: "Accepted=False/Conflicted" }],
    ["with and without sectionName do not conflict", [["whole", T, "2026-01-01T00:00:00Z"], ["port", TS, "2026-01-02T00:00:00Z"]], { whole: "Accepted=True/Accepted", port: "Accepted=True/Accepted" }],
    ["two on one section: the older wins", [["p1", TS, "2026-01-01T00:00:00Z"], ["p2", TS, "2026-01-02T00:00:00Z"], ["whole", T, "2026-01-03T00:00:00Z"]], { p1: "Accepted=True/Accepted", p2: "Accepted=False/Conflicted", whole: "Accepted=True/Accepted" }],
    ["no creationTimestamp counts as newest", [["a", T, ""], ["b", T, "2026-01-01T00:00:00Z"]], { b: "Accepted=True/Accepted", a: "Accepted=False/Conflicted" }],
  ])("%s", (_label, ps, want) => {
    const docs = ps.map(([n, t, c]) => policy(n, VALID, t, c).replace(`, creationTimestamp: ""`, ""));
    const m = sim(CLASS, GW, ROUTE, SVC, CA, ...docs);
    for (const [n, w] of Object.entries(want)) expect([n, ancestorConds(m, n)[0]]).toEqual([n, w]);
    // The views say which policy is in force for each target, and who overrides a loser.
    for (const v of m.policies ?? []) {
      const lost = want[v.name].includes("Conflicted");
      expect(v.targets[0].inForce).toBe(!lost);
      expect(!!v.targets[0].overriddenBy).toBe(lost);
    }
  });

  it("a policy the API server would reject does not take precedence", () => {
    const m = sim(CLASS, GW, ROUTE, SVC, CA, policy("old-bad", "{wellKnownCACertificates: System}", T, "2026-01-01T00:00:00Z"), policy("new", VALID, T, "2026-01-02T00:00:00Z"));
    expect([ancestorConds(m, "old-bad")[0], ancestorConds(m, "new")[0]]).toEqual(["Accepted=False/Invalid", "Accepted=True/Accepted"]);
  });

  it("a policy without valid CA still takes precedence (its connections fail)", () => {
    const m = sim(CLASS, GW, ROUTE, SVC, CA, policy("old", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: nope}], hostname: a}", T, "2026-01-01T00:00:00Z"), policy("new", VALID, T, "2026-01-02T00:00:00Z"));
    expect([ancestorConds(m, "old")[0], ancestorConds(m, "new")[0]]).toEqual(["Accepted=False/NoValidCACertificate", "Accepted=False/Conflicted"]);
    const rel = m.relations.find((r) => r.type === "targetRef" && r.from === "BackendTLSPolicy/infra/new");
    expect(rel).toMatchObject({ ok: false, reason: "Conflicted" });
  });
});

describe("BackendTLSPolicy warnings that do not change status", () => {
  it.each<[string, string, string]>([
    ["an IP literal as hostname (not a valid SNI)", "{wellKnownCACertificates: System, hostname: 10.0.0.1}", "sni-ip-literal"],
    ["an un-prefixed option name", "{wellKnownCACertificates: System, hostname: a.example.com}\n  options: {minVersion: '1.3'}", "reserved-option"],
  ])("%s", (_label, validation, code) => {
    const m = sim(CLASS, GW, ROUTE, SVC, policy("p", validation));
    expect(ancestorConds(m, "p")[0]).toBe("Accepted=True/Accepted");
    expect(m.diagnostics.filter((d) => d.resource?.name === "p").map((d) => `${d.severity}/${d.code}`)).toEqual([`warning/${code}`]);
  });

  it("a domain-prefixed option is fine", () => {
    const m = sim(CLASS, GW, ROUTE, SVC, policy("p", "{wellKnownCACertificates: System, hostname: a.example.com}\n  options: {example.com/min-version: '1.3'}"));
    expect(m.diagnostics.filter((d) => d.resource?.name === "p")).toEqual([]);
  });
});
