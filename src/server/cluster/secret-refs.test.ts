/** Which Secrets listeners and policies reference (only those are fetched, as metadata). */
import { describe, expect, it } from "vitest";
import { configMapRefs, secretRefs } from "./secret-refs";

describe("secretRefs", () => {
  const rows: { name: string; spec: unknown; expect: string[] }[] = [
    { name: "listener certificateRefs default to core Secrets in the object's namespace", spec: { listeners: [{ tls: { certificateRefs: [{ name: "a" }, { name: "b", namespace: "other" }] } }] }, expect: ["infra/a", "other/b"] },
    { name: "explicit kind Secret and group core", spec: { listeners: [{ tls: { certificateRefs: [{ kind: "Secret", group: "core", name: "c" }] } }] }, expect: ["infra/c"] },
    { name: "certificateRefs of another kind are not Secrets", spec: { listeners: [{ tls: { certificateRefs: [{ kind: "ConfigMap", name: "x" }, { group: "example.com", kind: "Secret", name: "y" }] } }] }, expect: [] },
    { name: "Gateway backend clientCertificateRef", spec: { tls: { backend: { clientCertificateRef: { name: "client" } } } }, expect: ["infra/client"] },
    { name: "a policy's reference naming kind Secret", spec: { targetRefs: [{ kind: "Service", name: "web" }], auth: { secretRef: { kind: "Secret", name: "creds" } } }, expect: ["infra/creds"] },
    { name: "ConfigMap CA refs are not Secrets", spec: { validation: { caCertificateRefs: [{ group: "", kind: "ConfigMap", name: "ca" }] } }, expect: [] },
    { name: "names that are not DNS-1123 are ignored", spec: { listeners: [{ tls: { certificateRefs: [{ name: "../etc" }, { name: "ok", namespace: "Bad_NS" }] } }] }, expect: [] },
    { name: "no spec", spec: undefined, expect: [] },
  ];
  it.each(rows)("$name", (r) => {
    expect([...secretRefs(r.spec, "infra")].sort()).toEqual(r.expect);
  });
});

describe("configMapRefs (caCertificateRefs naming core ConfigMaps; nothing else)", () => {
  const rows: { name: string; spec: unknown; expect: string[] }[] = [
    { name: "BackendTLSPolicy validation (local reference)", spec: { validation: { caCertificateRefs: [{ group: "", kind: "ConfigMap", name: "ca" }] } }, expect: ["infra/ca"] },
    { name: "Gateway frontend validation, default and per port, with a namespace", spec: { tls: { frontend: { default: { validation: { caCertificateRefs: [{ group: "", kind: "ConfigMap", name: "a" }] } }, perPort: [{ port: 443, tls: { validation: { caCertificateRefs: [{ group: "core", kind: "ConfigMap", name: "b", namespace: "certs" }] } } }] } } }, expect: ["certs/b", "infra/a"] },
    { name: "CA refs to Secrets or other groups are not ConfigMaps", spec: { validation: { caCertificateRefs: [{ group: "", kind: "Secret", name: "s" }, { group: "example.com", kind: "ConfigMap", name: "x" }] } }, expect: [] },
    { name: "a ConfigMap named anywhere else is not read", spec: { listeners: [{ tls: { certificateRefs: [{ kind: "ConfigMap", name: "x" }] } }], options: { ref: { kind: "ConfigMap", name: "y" } } }, expect: [] },
    { name: "names that are not DNS-1123 are ignored", spec: { validation: { caCertificateRefs: [{ group: "", kind: "ConfigMap", name: "../x" }] } }, expect: [] },
    { name: "no spec", spec: undefined, expect: [] },
  ];
  it.each(rows)("$name", (r) => {
    expect([...configMapRefs(r.spec, "infra")].sort()).toEqual(r.expect);
  });
});
