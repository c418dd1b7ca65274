/**
 * Client certificate validation on HTTPS requests (Gateway.spec.tls.frontend): which block applies
 * to the listener's port (perPort overrides default, an entry without validation turns it off), and
 * what the mode does with a request with or without a client certificate.
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { modelOf } from "./testing/fixture";

const B64 = (s: string) => Buffer.from(s).toString("base64");
const DOCS = (frontend: string) =>
  [
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  tls:
    frontend:
${frontend}
  listeners:
  - {name: a, port: 443, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: cert}]}}
  - {name: b, port: 8443, protocol: HTTPS, hostname: b.example.com, tls: {certificateRefs: [{name: cert}]}}
  - {name: c, port: 9443, protocol: HTTPS, hostname: c.example.com, tls: {certificateRefs: [{name: cert}]}}`,
    `apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: infra}
type: kubernetes.io/tls
data: {tls.crt: ${B64("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n")}, tls.key: ${B64("-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n")}}`,
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\ndata: {ca.crt: pem}",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca2, namespace: infra}\ndata: {ca.crt: pem}",
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: svc, port: 80}]}]`,
  ].join("\n---\n");

const FRONTEND = `      default: {validation: {caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]}}
      perPort:
      - {port: 8443, tls: {validation: {caCertificateRefs: [{group: '', kind: ConfigMap, name: ca2}], mode: AllowInsecureFallback}}}
      - {port: 9443, tls: {}}`;

const model = modelOf(DOCS(FRONTEND));
const req = (host: string, port: number, clientCertificate?: string) => ({ gateway: "infra/gw", request: { protocol: "HTTPS" as const, host, sni: host, port, path: "/", ...(clientCertificate ? { clientCertificate } : {}) } });

describe("HTTPS client certificate validation (FrontendTLSConfig default / perPort)", () => {
  it.each<[string, number, string | undefined, boolean, string]>([
    ["default, AllowValidOnly, no certificate: handshake fails", 443, undefined, false, "requires a client certificate (mode AllowValidOnly) and the client presents none"],
    ["default, AllowValidOnly, a certificate: accepted, signature not checked", 443, "infra/client", true, "is not checked (certificates are not parsed): assumed valid"],
    ["perPort 8443 overrides the default: AllowInsecureFallback without certificate", 8443, undefined, true, "AllowInsecureFallback accepts the connection anyway"],
    ["perPort 8443 names its own CA", 8443, "infra/client", true, "Gateway spec.tls.frontend perPort entry for port 8443): trusted CA ConfigMap infra/ca2, mode AllowInsecureFallback"],
    ["perPort 9443 without validation turns validation off", 9443, undefined, true, ""],
  ])("%s", (_label, port, cert, ok, traced) => {
    const host = port === 443 ? "a.example.com" : port === 8443 ? "b.example.com" : "c.example.com";
    const o = match(model, req(host, port, cert));
    expect(o.connectionError === undefined, JSON.stringify(o.trace, null, 1)).toBe(ok);
    expect(o.backend).toBe(ok ? "infra/svc" : null);
    const tls = o.trace.filter((s) => s.step === "tls");
    if (traced) expect(tls.map((s) => s.detail).join("\n")).toContain(traced);
    else expect(tls).toEqual([]);
  });

  it("HTTP requests are not subject to client certificate validation", () => {
    const m = modelOf(DOCS(FRONTEND).replace("- {name: c, port: 9443, protocol: HTTPS, hostname: c.example.com, tls: {certificateRefs: [{name: cert}]}}", "- {name: c, port: 80, protocol: HTTP}"));
    const o = match(m, { gateway: "infra/gw", request: { host: "x", path: "/" } });
    expect([o.statusCode, o.trace.some((s) => s.step === "tls")]).toEqual([200, false]);
  });
});
