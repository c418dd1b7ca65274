/**
 * The Secrets an object references, found by walking its spec: entries of `certificateRefs`
 * (GatewayTLSConfig.certificateRefs: SecretObjectReference, "Kind … Defaults to Secret", group ""),
 * `clientCertificateRef` (GatewayBackendTLS.clientCertificateRef, also a SecretObjectReference), and
 * any reference that names `kind: Secret` in the core group (policies). Namespace defaults to the
 * referencing object's. Names that are not DNS-1123 are ignored: they cannot name a Secret.
 */
import { isDns1123Label, isDns1123Subdomain } from "./names";

export interface SecretRef {
  namespace: string;
  name: string;
}

/** Keys whose references default to core Secrets when `kind` is absent. */
const SECRET_DEFAULT_KEYS = new Set(["certificateRefs", "clientCertificateRef"]);
const MAX_DEPTH = 12;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asSecretRef(v: unknown, defaultsToSecret: boolean, namespace: string): SecretRef | null {
  if (!isRecord(v) || typeof v.name !== "string") return null;
  const kind = v.kind === undefined ? (defaultsToSecret ? "Secret" : undefined) : v.kind;
  const group = v.group === undefined || v.group === "core" ? "" : v.group;
  if (kind !== "Secret" || group !== "") return null;
  const ns = typeof v.namespace === "string" && v.namespace ? v.namespace : namespace;
  return isDns1123Label(ns) && isDns1123Subdomain(v.name) ? { namespace: ns, name: v.name } : null;
}

/**
 * `namespace/name` of every ConfigMap `spec` references as a CA bundle: entries of
 * `caCertificateRefs` (BackendTLSPolicyValidation.caCertificateRefs, a LocalObjectReference;
 * FrontendTLSValidation.caCertificateRefs, an ObjectReference) that name `kind: ConfigMap` in the
 * core group. Only those: a ConfigMap is read because a CA reference names it, never otherwise.
 */
export function configMapRefs(spec: unknown, namespace: string): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) {
      for (const item of v) {
        if (key === "caCertificateRefs" && isRecord(item) && item.kind === "ConfigMap" && (item.group === undefined || item.group === "" || item.group === "core") && typeof item.name === "string") {
          const ns = typeof item.namespace === "string" && item.namespace ? item.namespace : namespace;
          if (isDns1123Label(ns) && isDns1123Subdomain(item.name)) out.add(`${ns}/${item.name}`);
        }
        walk(item, "", depth + 1);
      }
      return;
    }
    if (!isRecord(v)) return;
    for (const [k, child] of Object.entries(v)) walk(child, k, depth + 1);
  };
  walk(spec, "", 0);
  return out;
}

/** `namespace/name` of every Secret `spec` references; `namespace` is the referencing object's. */
export function secretRefs(spec: unknown, namespace: string): Set<string> {
  const out = new Set<string>();
  const add = (r: SecretRef | null) => r && out.add(`${r.namespace}/${r.name}`);
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) {
      for (const item of v) {
        if (SECRET_DEFAULT_KEYS.has(key)) add(asSecretRef(item, true, namespace));
        walk(item, "", depth + 1);
      }
      return;
    }
    if (!isRecord(v)) return;
    add(asSecretRef(v, SECRET_DEFAULT_KEYS.has(key), namespace));
    for (const [k, child] of Object.entries(v)) walk(child, k, depth + 1);
  };
  walk(spec, "", 0);
  return out;
}
