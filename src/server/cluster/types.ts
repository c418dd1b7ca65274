/**
 * The cluster stream: what `switchyard serve` sends the browser about a live cluster. Shared by the
 * server (src/server/cluster, src/server/serve) and the web app, so it is pure types and constants:
 * no Node built-ins, no imports.
 *
 * Transport: Server-Sent Events on GET {@link CLUSTER_EVENTS_PATH}. Every message is
 * `event: <type>` + `data: <JSON of a ClusterEvent>` (the JSON repeats `type`, so a client that reads
 * the stream with fetch() can ignore the `event:` line). The first message of every stream is a
 * `snapshot`; a client that reconnects gets a fresh snapshot, so there is no Last-Event-ID replay.
 * Lines starting with `:` are heartbeats. GET {@link CLUSTER_SNAPSHOT_PATH} answers one snapshot as
 * plain JSON.
 *
 * Authentication: the URL `switchyard serve` prints is `http://HOST:PORT/#token=TOKEN`. The token is
 * in the fragment, which browsers never send to a server nor put in a Referer. The app reads it from
 * `location.hash`, removes it from the address bar (history.replaceState), and sends it on every API
 * call as `Authorization: Bearer TOKEN` (fetch-based streaming); EventSource, which cannot set
 * headers, may pass it as `?token=TOKEN` on the events path only.
 */

/** Version of this format; a client should refuse a snapshot with another version. */
export const CLUSTER_STREAM_VERSION = 1;
/** The Server-Sent Events stream. */
export const CLUSTER_EVENTS_PATH = "/api/cluster/events";
/** One snapshot as JSON. */
export const CLUSTER_SNAPSHOT_PATH = "/api/cluster/snapshot";
/** Name of the token parameter in the URL fragment (and in the events path's query, for EventSource). */
export const CLUSTER_TOKEN_PARAM = "token";
/**
 * Kinds whose objects carry metadata only (no `data`, no annotations): Secret contents never leave
 * the server, so a consumer must not judge a Secret by its data (only that it exists).
 */
export const METADATA_ONLY_KINDS: readonly string[] = ["Secret"];

/**
 * Set on an object sent without its body because it was over the server's size limit (its value says
 * why); such an object has metadata only.
 */
export const OMITTED_ANNOTATION = "switchyard.dev/omitted";

/** Metadata of an object as sent: managedFields and kubectl's last-applied annotation removed. */
export interface ClusterObjectMeta {
  name: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** A Kubernetes object as plain JSON; `apiVersion` and `kind` are always set (list items lack them upstream). */
export interface ClusterObject {
  apiVersion: string;
  kind: string;
  metadata: ClusterObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** Which object a delete concerns. `namespace` is "" for cluster-scoped kinds; `group` "" for core. */
export interface ClusterObjectKey {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Short, generic reasons for a failure; the server never forwards upstream error text. */
export type ClusterProblem =
  | "unauthorized" // 401: the credentials were refused
  | "forbidden" // 403: RBAC does not allow the read
  | "not-found" // 404
  | "unreachable" // connection refused, DNS, reset
  | "timeout"
  | "tls" // certificate or TLS handshake problem
  | "credentials" // the kubeconfig's credentials (exec plugin, files) could not be obtained
  | "too-large" // a response or object over the server's size limits
  | "bad-response" // the API server answered something that is not what the API promises
  | "internal";

/**
 * Per-kind availability:
 * - `not-installed`: the cluster does not serve this kind (its CRD is absent);
 * - `pending`: served, first list not finished;
 * - `synced`: listed and watched;
 * - `reconnecting`: the watch failed and is being restarted (the objects shown are the last known);
 * - `forbidden`: RBAC refuses list/watch;
 * - `failed`: another error; retried with backoff.
 */
export type KindState = "not-installed" | "pending" | "synced" | "reconnecting" | "forbidden" | "failed";

export interface KindStatus {
  group: string;
  kind: string;
  /** The version listed and watched, or null when not installed. */
  version: string | null;
  namespaced: boolean;
  state: KindState;
  /** Number of objects currently known. */
  count: number;
  problem?: ClusterProblem;
  /** A short, generic, human-readable explanation (never upstream text). */
  message?: string;
}

/**
 * The connection as a whole: `connecting` until discovery and the first lists finish, `synced` when
 * every served kind is watched, `reconnecting` while discovery or some watch is being retried,
 * `failed` when the cluster refuses us outright (e.g. 401), still retried with backoff.
 */
export type ConnectionState = "connecting" | "synced" | "reconnecting" | "failed";

export interface ConnectionStatus {
  state: ConnectionState;
  problem?: ClusterProblem;
  message?: string;
}

/** The whole known state; always the first event of a stream. */
export interface SnapshotEvent {
  type: "snapshot";
  version: typeof CLUSTER_STREAM_VERSION;
  connection: ConnectionStatus;
  kinds: KindStatus[];
  objects: ClusterObject[];
  /** The kubeconfig context's name (only the name), when known: the app shows which context is in use. */
  context?: string;
}

/**
 * Changes since the previous event, coalesced (the server sends at most a few per second): apply
 * `deletes` then `upserts`; an upsert replaces the object with the same group/kind/namespace/name.
 */
export interface ChangesEvent {
  type: "changes";
  upserts: ClusterObject[];
  deletes: ClusterObjectKey[];
}

/** The full list of kind statuses, replacing the previous one. */
export interface KindsEvent {
  type: "kinds";
  kinds: KindStatus[];
}

export interface ConnectionEvent {
  type: "connection";
  connection: ConnectionStatus;
}

/**
 * The server ends the stream after this (e.g. the client fell too far behind, or the server is
 * shutting down); reconnecting gives a fresh snapshot.
 */
export interface ResetEvent {
  type: "reset";
  reason: "overflow" | "shutdown";
}

export type ClusterEvent = SnapshotEvent | ChangesEvent | KindsEvent | ConnectionEvent | ResetEvent;

/** The group of an apiVersion (`v1` → "", `gateway.networking.k8s.io/v1` → the group). */
export function groupOf(apiVersion: string): string {
  const i = apiVersion.lastIndexOf("/");
  return i === -1 ? "" : apiVersion.slice(0, i);
}

/** The key of an object, for maps and for matching deletes to upserts. */
export function clusterObjectKey(o: ClusterObject): ClusterObjectKey {
  return { group: groupOf(o.apiVersion), kind: o.kind, namespace: o.metadata.namespace ?? "", name: o.metadata.name };
}

/** `group/Kind/namespace/name` as one string (namespace empty for cluster-scoped objects). */
export function clusterKeyString(k: ClusterObjectKey): string {
  return `${k.group}/${k.kind}/${k.namespace}/${k.name}`;
}
