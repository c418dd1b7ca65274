/** Caps and timings of the cluster proxy, in one place so tests can shrink them. */

export interface ClusterLimits {
  /** Items per list page (`limit`). */
  pageSize: number;
  /** Largest upstream response body read at once (a list page, a discovery document). */
  maxResponseBytes: number;
  /** Largest single line of a watch stream (one event). */
  maxWatchLineBytes: number;
  /** Objects kept per kind; more is reported as `too-large` for that kind. */
  maxObjectsPerKind: number;
  /** Largest object (JSON bytes) sent to the browser; a larger one is sent as metadata only. */
  maxObjectBytes: number;
  /** Server-side watch timeout asked of the API server (it then ends the stream; we resume). */
  watchTimeoutSeconds: number;
  /** A watch with no bytes at all for this long is considered dead and restarted. */
  watchIdleMs: number;
  /** Timeout of a plain GET (discovery, list page, Secret metadata). */
  requestTimeoutMs: number;
  /** Backoff after failures: first delay, ceiling, and the factor between attempts. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  backoffFactor: number;
  /** How often discovery runs again (a CRD installed or removed later is noticed). */
  rediscoverMs: number;
  /** How often the referenced Secrets' metadata is fetched again (creation/deletion noticed). */
  secretRefreshMs: number;
  /** How long credentials from the kubeconfig (exec plugins…) are reused before asking again. */
  authCacheMs: number;
}

export const DEFAULT_LIMITS: ClusterLimits = {
  pageSize: 500,
  maxResponseBytes: 64 * 1024 * 1024,
  maxWatchLineBytes: 8 * 1024 * 1024,
  maxObjectsPerKind: 50_000,
  maxObjectBytes: 1024 * 1024,
  watchTimeoutSeconds: 290,
  watchIdleMs: 10 * 60 * 1000,
  requestTimeoutMs: 30_000,
  backoffInitialMs: 500,
  backoffMaxMs: 30_000,
  backoffFactor: 2,
  rediscoverMs: 60_000,
  secretRefreshMs: 30_000,
  authCacheMs: 60_000,
};
