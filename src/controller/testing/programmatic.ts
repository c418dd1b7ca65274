/**
 * Test support: upstream's suite creates its TLS Secrets from code with freshly generated
 * certificates; the shared data records only their names and keys, and the loader fills them with a
 * placeholder. The controller checks PEM framing (a malformed Secret is InvalidCertificateRef), so
 * give the programmatic Secrets PEM-framed contents, as the real ones have.
 * TODO(lead): this belongs in src/testing/conformance.ts (programmaticObjects) — then drop it here.
 */
import type { Resource } from "../../model/resource";

const PEM: Record<string, string> = {
  "tls.crt": "-----BEGIN CERTIFICATE-----\nc2ltdWxhdGVk\n-----END CERTIFICATE-----\n",
  "tls.key": "-----BEGIN PRIVATE KEY-----\nc2ltdWxhdGVk\n-----END PRIVATE KEY-----\n",
  "ca.crt": "-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n",
};

/** Base64 of an ASCII string (test code may use Buffer). */
function b64(s: string): string {
  return Buffer.from(s, "ascii").toString("base64");
}

/** Replace placeholder data of the programmatic Secrets (file `conformance/programmatic.json`) by PEM-framed data. */
export function withPemCertificates(resources: Resource[]): Resource[] {
  return resources.map((r) => {
    if (r.kind !== "Secret" || !r.source.file.startsWith("conformance/programmatic")) return r;
    const data = Object.fromEntries(Object.keys(r.obj?.data ?? {}).map((k) => [k, PEM[k] ? b64(PEM[k]) : r.obj.data[k]]));
    return { ...r, obj: { ...r.obj, data } };
  });
}
