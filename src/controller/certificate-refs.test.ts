import { describe, expect, it } from "vitest";
import { CLASS, gateway, grant, listenerConds, listenerView, sim, tlsSecret } from "./testing/fixture";

const G = "Gateway/infra/gw";
const https = (ref: string) => gateway("gw", [`{name: l, port: 443, protocol: HTTPS, tls: {certificateRefs: [${ref}]}}`]);
const GW_FROM = { group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "infra" };
const MALFORMED = `apiVersion: v1
kind: Secret
metadata: {name: bad, namespace: infra}
data: {tls.crt: SGVsbG8gd29ybGQK, tls.key: SGVsbG8gd29ybGQK}`;
const NO_KEYS = `apiVersion: v1
kind: Secret
metadata: {name: empty, namespace: infra}
data: {}`;
const STRING_DATA = `apiVersion: v1
kind: Secret
metadata: {name: plain, namespace: infra}
stringData:
  tls.crt: "-----BEGIN CERTIFICATE-----\\nAA==\\n-----END CERTIFICATE-----"
  tls.key: "-----BEGIN EC PRIVATE KEY-----\\nAA==\\n-----END EC PRIVATE KEY-----"`;

describe("listener certificateRefs → ResolvedRefs (ListenerTLSConfig.certificateRefs)", () => {
  it.each<[string, string[], string, boolean]>([
    ["same-namespace Secret", [tlsSecret("infra", "cert")], "{name: cert}", true],
    ["missing Secret", [], "{name: nope}", false],
    ["unsupported group", [tlsSecret("infra", "cert")], "{group: wrong.example.com, kind: Secret, name: cert}", false],
    ["unsupported kind", [tlsSecret("infra", "cert")], "{kind: WrongKind, name: cert}", false],
    ["malformed PEM", [MALFORMED], "{name: bad}", false],
    ["Secret without keys", [NO_KEYS], "{name: empty}", false],
    ["stringData Secret", [STRING_DATA], "{name: plain}", true],
    ["cross-namespace without grant", [tlsSecret("certs", "cert")], "{name: cert, namespace: certs}", false],
    ["cross-namespace with a grant for all Secrets", [tlsSecret("certs", "cert"), grant("certs", "g", GW_FROM, { group: "", kind: "Secret" })], "{name: cert, namespace: certs}", true],
    ["cross-namespace with a grant for another name", [tlsSecret("certs", "cert"), grant("certs", "g", GW_FROM, { group: "", kind: "Secret", name: "other" })], "{name: cert, namespace: certs}", false],
    ["cross-namespace missing Secret, granted", [grant("certs", "g", GW_FROM, { group: "", kind: "Secret" })], "{name: cert, namespace: certs}", false],
  ])("%s", (label, objects, ref, ok) => {
    const m = sim(CLASS, https(ref), ...objects);
    const conds = listenerConds(m, G, "l");
    const reason = label.includes("without grant") || label.includes("another name") ? "RefNotPermitted" : "InvalidCertificateRef";
    expect(conds).toContain(ok ? "ResolvedRefs=True/ResolvedRefs" : `ResolvedRefs=False/${reason}`);
    expect(conds).toContain(ok ? "Programmed=True/Programmed" : "Programmed=False/Invalid");
    // An unresolved certificate does not un-accept the listener (routes still attach).
    expect(conds).toContain("Accepted=True/Accepted");
    expect(listenerView(m, "infra/gw/l").tls!.certificateRefs[0].resolved).toBe(ok);
    const rel = m.relations.find((r) => r.type === "certificateRef")!;
    expect(rel.ok).toBe(ok);
    expect(rel.path).toEqual(["spec", "listeners", 0, "tls", "certificateRefs", 0]);
    if (!ok) expect(m.diagnostics.find((d) => d.code === rel.reason)?.path).toEqual(rel.path);
    if (ok && label.includes("grant")) expect(m.relations.some((r) => r.type === "referenceGrant" && r.from === "ReferenceGrant/certs/g" && r.to === G)).toBe(true);
  });

  it("Passthrough TLS listeners ignore certificateRefs", () => {
    const m = sim(CLASS, gateway("gw", ["{name: l, port: 443, protocol: TLS, tls: {mode: Passthrough, certificateRefs: [{name: nope}]}}"]));
    expect(listenerConds(m, G, "l")).toContain("ResolvedRefs=True/ResolvedRefs");
  });
});
