/**
 * Metadata-only Secrets (cluster mode: `switchyard serve` never sends Secret data): "present,
 * contents unknown". A Secret marked with METADATA_ONLY_ANNOTATION and holding no data is assumed to
 * hold what its reference needs — listener certificates (ListenerTLSConfig.certificateRefs), the
 * Gateway's backend client certificate (GatewayBackendTLS.clientCertificateRef), a BackendTLSPolicy
 * CA Secret — and the assumption is recorded; the marker never hides data that is there, nor a
 * missing Secret or a refused cross-namespace reference.
 */
import { describe, expect, it } from "vitest";
import { METADATA_ONLY_ANNOTATION } from "../model/annotations";
import { refKey } from "../model/ids";
import { CLASS, gateway, listenerConds, sim, status } from "./testing/fixture";
import { isMetadataOnly } from "./secrets";
import { parse } from "../parse/index";

const G = "Gateway/infra/gw";
const metaOnly = (ns: string, name: string) => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  namespace: ${ns}
  annotations: {${METADATA_ONLY_ANNOTATION}: "contents not read from the cluster"}`;
const markedWithBadData = `apiVersion: v1
kind: Secret
metadata:
  name: cert
  namespace: infra
  annotations: {${METADATA_ONLY_ANNOTATION}: "yes"}
data: {tls.crt: SGVsbG8K, tls.key: SGVsbG8K}`;
const unmarkedEmpty = `apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: infra}`;
const https = gateway("gw", ["{name: l, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}"]);
const crossNs = gateway("gw", ["{name: l, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert, namespace: certs}]}}"]);

describe("isMetadataOnly", () => {
  it.each<[string, string, boolean]>([
    ["marked, no data", metaOnly("infra", "cert"), true],
    ["marked, with data", markedWithBadData, false],
    ["not marked, no data", unmarkedEmpty, false],
  ])("%s", (_label, doc, want) => {
    expect(isMetadataOnly(parse(doc).resources[0])).toBe(want);
  });
});

describe("listener certificateRefs to metadata-only Secrets", () => {
  it.each<[string, string[], string, string, boolean]>([
    ["metadata-only Secret: assumed valid", [https, metaOnly("infra", "cert")], "ResolvedRefs=True/ResolvedRefs", "Programmed=True/Programmed", true],
    ["marker with malformed data: judged by the data", [https, markedWithBadData], "ResolvedRefs=False/InvalidCertificateRef", "Programmed=False/Invalid", false],
    ["no marker, no data: lacks tls.crt", [https, unmarkedEmpty], "ResolvedRefs=False/InvalidCertificateRef", "Programmed=False/Invalid", false],
    ["missing Secret: still not found", [https], "ResolvedRefs=False/InvalidCertificateRef", "Programmed=False/Invalid", false],
    ["cross-namespace without grant: still refused", [crossNs, metaOnly("certs", "cert")], "ResolvedRefs=False/RefNotPermitted", "Programmed=False/Invalid", false],
  ])("%s", (_label, docs, resolved, programmed, assumed) => {
    const m = sim(CLASS, ...docs);
    const conds = listenerConds(m, G, "l");
    expect(conds).toContain(resolved);
    expect(conds).toContain(programmed);
    const a = m.assumptions.filter((x) => x.code === "secret-contents");
    expect(a.length).toBe(assumed ? 1 : 0);
    if (assumed) {
      expect(a[0].refs).toEqual([refKey({ kind: "Secret", namespace: "infra", name: "cert" }), G]);
      expect(a[0].message).toMatch(/metadata only.*assumed to hold a valid certificate and key/);
    }
  });
});

describe("other Secret references", () => {
  it("the Gateway's backend client certificate", () => {
    const gw = gateway("gw", ["{name: http, port: 80, protocol: HTTP}"], "  tls:\n    backend:\n      clientCertificateRef: {name: cert}\n");
    const m = sim(CLASS, gw, metaOnly("infra", "cert"));
    const rr = status(m, G).conditions.find((c) => c.type === "ResolvedRefs")!;
    expect(`${rr.status}/${rr.reason}`).toBe("True/ResolvedRefs");
    expect(m.assumptions.find((x) => x.code === "secret-contents")?.message).toMatch(/client certificate/);
  });

  it("a BackendTLSPolicy's CA certificate in a Secret", () => {
    const policy = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: apps}
spec:
  targetRefs: [{group: "", kind: Service, name: web}]
  validation:
    hostname: web.example.com
    caCertificateRefs: [{group: "", kind: Secret, name: ca}]`;
    const service = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: apps}
spec: {ports: [{port: 443}]}`;
    const m = sim(policy, service, metaOnly("apps", "ca"));
    expect(m.diagnostics.filter((d) => d.code === "InvalidCACertificateRef")).toEqual([]);
    expect(m.assumptions.find((x) => x.code === "secret-contents")?.refs).toEqual(["Secret/apps/ca", "BackendTLSPolicy/apps/p"]);
    const without = sim(policy, service, `apiVersion: v1\nkind: Secret\nmetadata: {name: ca, namespace: apps}`);
    expect(without.diagnostics.filter((d) => d.code === "InvalidCACertificateRef")).toHaveLength(1);
  });
});
