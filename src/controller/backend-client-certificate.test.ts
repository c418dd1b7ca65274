import { describe, expect, it } from "vitest";
import { CLASS, gateway, grant, sim, status, tlsSecret } from "./testing/fixture";

const G = "Gateway/infra/gw";
const withRef = (ref: string) => gateway("gw", ["{name: http, port: 80, protocol: HTTP}"], `  tls:\n    backend:\n      clientCertificateRef: ${ref}\n`);

describe("Gateway backend clientCertificateRef → Gateway ResolvedRefs (Accepted unaffected)", () => {
  it.each<[string, string, string[], string]>([
    ["valid Secret", "{name: cert}", [tlsSecret("infra", "cert")], "True/ResolvedRefs"],
    ["missing Secret", "{name: nope}", [], "False/InvalidClientCertificateRef"],
    ["wrong group", "{group: wrong.io, kind: Secret, name: cert}", [tlsSecret("infra", "cert")], "False/InvalidClientCertificateRef"],
    ["wrong kind", "{kind: ConfigMap, name: cert}", [tlsSecret("infra", "cert")], "False/InvalidClientCertificateRef"],
    ["cross-namespace without grant", "{name: cert, namespace: other}", [tlsSecret("other", "cert")], "False/RefNotPermitted"],
    ["cross-namespace with grant", "{name: cert, namespace: other}", [tlsSecret("other", "cert"), grant("other", "g", { group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "infra" }, { group: "", kind: "Secret" })], "True/ResolvedRefs"],
  ])("%s", (_label, ref, objects, want) => {
    const m = sim(CLASS, withRef(ref), ...objects);
    const conds = status(m, G).conditions;
    const rr = conds.find((c) => c.type === "ResolvedRefs")!;
    expect(`${rr.status}/${rr.reason}`).toBe(want);
    expect(conds.find((c) => c.type === "Accepted")!.status).toBe("True");
  });
});
