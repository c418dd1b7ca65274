import { describe, expect, it } from "vitest";
import { CLASS, gateway, sim, tlsSecret } from "./testing/fixture";

const LISTENERS = ["{name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}", "{name: http, port: 80, protocol: HTTP}"];
const CA = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\ndata: {ca.crt: pem}";
const V = "{caCertificateRefs: [{kind: ConfigMap, group: '', name: ca}]}";

describe("Gateway spec.tls.frontend as the API server checks it (FrontendTLSConfig)", () => {
  it.each<[string, string, string[]]>([
    ["default only", `      default: {validation: ${V}}\n`, []],
    ["perPort without default (default is required)", `      perPort: [{port: 443, tls: {validation: ${V}}}]\n`, ["error schema spec.tls.frontend.default is required"]],
    ["a port twice (CEL: unique)", `      default: {validation: ${V}}\n      perPort: [{port: 443, tls: {validation: ${V}}}, {port: 443, tls: {}}]\n`, ["error schema Port for TLS configuration must be unique within the Gateway (port 443 repeats; the first entry applies)"]],
    ["a port without HTTPS listener", `      default: {validation: ${V}}\n      perPort: [{port: 80, tls: {validation: ${V}}}]\n`, ["warning no-effect no HTTPS listener on port 80, so this client certificate validation has no effect"]],
    ["an unknown mode", `      default: {validation: {caCertificateRefs: [{kind: ConfigMap, group: '', name: ca}], mode: AllowAll}}\n`, ['error schema validation mode "AllowAll" is not AllowValidOnly or AllowInsecureFallback']],
  ])("%s", (_label, frontend, want) => {
    const m = sim(CLASS, gateway("gw", LISTENERS, `  tls:\n    frontend:\n${frontend}`), tlsSecret("infra", "cert"), CA);
    const got = m.diagnostics.filter((d) => d.resource?.kind === "Gateway" && (d.code === "schema" || d.code === "no-effect")).map((d) => `${d.severity} ${d.code} ${d.message.replace("Gateway infra/gw: ", "")}`);
    expect(got).toEqual(want);
  });
});
