/**
 * Shallow checks of TLS Secrets, enough to tell a certificate reference that a controller would load
 * from one it would reject as malformed ("A CertificateRef is considered invalid when it refers to a
 * nonexistent or unsupported resource or kind, or when the data within that resource is malformed").
 * The simulator does not parse X.509; it checks the PEM framing of `tls.crt` and `tls.key`.
 * Spec: GatewayTLSConfig.certificateRefs (Listener.tls), reason InvalidCertificateRef on the
 * listener's ResolvedRefs condition. Table tests: certificate-refs.test.ts.
 */
import type { Resource } from "../model/resource";
import { METADATA_ONLY_ANNOTATION } from "../model/annotations";
import { refKey } from "../model/ids";
import { type Ctx, isRecord } from "./context";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Map<string, number>([...B64].map((c, i) => [c, i]));

/** Decode standard base64 to a latin-1 string; null when the text is not base64 (engine code has no atob). */
export function decodeBase64(text: string): string | null {
  const s = text.replace(/\s+/g, "");
  if (s.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  let out = "";
  let bits = 0;
  let acc = 0;
  for (const ch of s) {
    if (ch === "=") break;
    acc = (acc << 6) | (B64_INDEX.get(ch) ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** The value of a key in `data` (base64) or `stringData` (plain), decoded; undefined when absent. */
export function secretValue(secret: Resource, key: string): string | null | undefined {
  const obj = secret.obj as Record<string, unknown>;
  const sd = obj?.stringData;
  if (isRecord(sd) && typeof sd[key] === "string") return sd[key];
  const d = obj?.data;
  if (isRecord(d) && typeof d[key] === "string") return decodeBase64(d[key]);
  return undefined;
}

/** Why a Secret cannot serve as a TLS keypair, or null when it looks usable. */
export function tlsSecretProblem(secret: Resource): string | null {
  const crt = secretValue(secret, "tls.crt");
  const key = secretValue(secret, "tls.key");
  if (crt === undefined || key === undefined) return `Secret ${secret.namespace}/${secret.name} lacks ${crt === undefined ? "tls.crt" : "tls.key"}`;
  if (crt === null || key === null) return `Secret ${secret.namespace}/${secret.name} holds data that is not base64`;
  if (!/-----BEGIN CERTIFICATE-----/.test(crt)) return `Secret ${secret.namespace}/${secret.name}: tls.crt is not a PEM certificate`;
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return `Secret ${secret.namespace}/${secret.name}: tls.key is not a PEM private key`;
  return null;
}

/**
 * Whether an object's contents were deliberately not read: marked with METADATA_ONLY_ANNOTATION and
 * holding no `data`/`stringData` (cluster mode reads Secrets as metadata only; the data never
 * leaves the proxy). Such an object exists, but nothing can be said about what it holds.
 */
export function isMetadataOnly(r: Resource): boolean {
  const obj = r.obj as Record<string, unknown> | null;
  return r.metadata.annotations?.[METADATA_ONLY_ANNOTATION] !== undefined && !isRecord(obj?.data) && !isRecord(obj?.stringData);
}

/**
 * Check a Secret's contents with `problem` — unless its contents are unknown (metadata only): then it
 * is assumed to hold what the reference needs ("present, contents unknown"), and the assumption is
 * recorded against the Secret and the referring object, so the user sees what was taken on trust.
 */
export function secretProblemOrAssume(ctx: Ctx, secret: Resource, from: string, needs: string, problem: (s: Resource) => string | null): string | null {
  if (!isMetadataOnly(secret)) return problem(secret);
  ctx.assume("secret-contents", `Secret ${secret.namespace}/${secret.name} was read as metadata only (its data never leaves the cluster proxy); assumed to hold ${needs}`, [refKey(secret), from]);
  return null;
}

/** Why a ConfigMap cannot serve as a CA bundle, or null ("the CA certificate in a key named `ca.crt`"). */
export function caConfigMapProblem(cm: Resource): string | null {
  const data = (cm.obj as Record<string, unknown>)?.data;
  if (!isRecord(data) || typeof data["ca.crt"] !== "string") return `ConfigMap ${cm.namespace}/${cm.name} lacks ca.crt`;
  return null;
}
