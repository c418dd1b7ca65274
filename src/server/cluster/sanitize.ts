/**
 * What an object may carry to the browser: managedFields and kubectl's last-applied annotation are
 * removed from every object (noise, and the annotation can hold a Secret's data); a Secret keeps its
 * identity only; a ConfigMap (read only when a CA reference names it) keeps its identity and its
 * `ca.crt` — the CA bundle, public certificates — and nothing else; an object over the size limit
 * keeps its identity and says why.
 */
import { OMITTED_ANNOTATION, type ClusterObject, type ClusterObjectMeta } from "./types";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** Identity fields kept for a Secret or an oversized object. */
const IDENTITY = ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp"] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function identity(meta: Record<string, unknown>): ClusterObjectMeta {
  const out: Record<string, unknown> = {};
  for (const f of IDENTITY) if (meta[f] !== undefined) out[f] = meta[f];
  return out as ClusterObjectMeta;
}

/** What the object is, as the caller listed it (list items of built-in kinds lack apiVersion and kind). */
export interface ObjectType {
  group: string;
  version: string;
  kind: string;
}

/**
 * A browser-safe copy of an object received from the cluster, or null when it is not an object with
 * a name. The input is not modified. `maxChars` caps the JSON size of the result.
 */
export function sanitizeObject(raw: unknown, type: ObjectType, maxChars: number): ClusterObject | null {
  if (!isRecord(raw) || !isRecord(raw.metadata) || typeof raw.metadata.name !== "string") return null;
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  if (type.group === "" && type.kind === "Secret") {
    // Secret data never leaves the process, whatever the API server sent (it may ignore our Accept
    // header): only identity and labels, no annotations (tools keep copies of data in them).
    const meta = identity(raw.metadata);
    if (isRecord(raw.metadata.labels)) meta.labels = stringMap(raw.metadata.labels);
    return { apiVersion, kind: type.kind, metadata: meta };
  }
  if (type.group === "" && type.kind === "ConfigMap") {
    // Only the CA bundle a caCertificateRef needs ("a key named `ca.crt`"); other keys and binaryData
    // may hold anything, and annotations copies of it.
    const meta = identity(raw.metadata);
    if (isRecord(raw.metadata.labels)) meta.labels = stringMap(raw.metadata.labels);
    const ca = isRecord(raw.data) && typeof raw.data["ca.crt"] === "string" ? raw.data["ca.crt"] : undefined;
    const out: ClusterObject = { apiVersion, kind: type.kind, metadata: meta, ...(ca === undefined ? {} : { data: { "ca.crt": ca } }) };
    if (JSON.stringify(out).length <= maxChars) return out;
    meta.annotations = { [OMITTED_ANNOTATION]: "object over the size limit" };
    return { apiVersion, kind: type.kind, metadata: meta };
  }
  const { managedFields: _mf, annotations, ...rest } = raw.metadata;
  const meta: Record<string, unknown> = { ...rest };
  if (isRecord(annotations)) {
    const kept = stringMap(annotations);
    delete kept[LAST_APPLIED];
    if (Object.keys(kept).length > 0) meta.annotations = kept;
  }
  const out: ClusterObject = { ...raw, apiVersion, kind: type.kind, metadata: meta as ClusterObjectMeta };
  if (JSON.stringify(out).length > maxChars) {
    const small = identity(raw.metadata);
    small.annotations = { [OMITTED_ANNOTATION]: "object over the size limit" };
    return { apiVersion, kind: type.kind, metadata: small };
  }
  return out;
}

/** Only string values (labels and annotations are string maps; anything else is dropped). */
function stringMap(m: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === "string") out[k] = v;
  return out;
}
