/**
 * Failures toward the cluster, reduced to a {@link ClusterProblem} code and a short generic message.
 * The upstream text (which may quote tokens, certificate subjects or kubeconfig paths) is kept only
 * in `detail`, for the terminal of whoever ran `switchyard serve`, never for the browser.
 */
import type { ClusterProblem } from "./types";

/** Generic, browser-safe explanations, one per problem. */
export const PROBLEM_MESSAGES: Record<ClusterProblem, string> = {
  unauthorized: "The cluster refused the credentials (401).",
  forbidden: "Access denied by the cluster's RBAC (403).",
  "not-found": "The cluster does not serve this resource (404).",
  unreachable: "The cluster's API server cannot be reached.",
  timeout: "The cluster's API server did not answer in time.",
  tls: "TLS connection to the API server failed (certificate problem).",
  credentials: "The kubeconfig's credentials could not be obtained.",
  "too-large": "A response from the cluster was over the size limit.",
  "bad-response": "The API server sent an unexpected response.",
  internal: "Internal error in the cluster proxy.",
};

/** An error of a request to the cluster. `status` is the HTTP status when there was one. */
export class UpstreamError extends Error {
  readonly problem: ClusterProblem;
  readonly status: number | undefined;
  /** Upstream detail for the operator's terminal only. */
  readonly detail: string;
  constructor(problem: ClusterProblem, detail: string, status?: number) {
    super(PROBLEM_MESSAGES[problem]);
    this.name = "UpstreamError";
    this.problem = problem;
    this.status = status;
    this.detail = detail;
  }
}

/** The watch must start over from a fresh list: 410 Gone, "too old resource version" or an expired continue token. */
export class GoneError extends Error {
  constructor(detail: string) {
    super(`resource version expired: ${detail}`);
    this.name = "GoneError";
  }
}

/** A request the read-only client refuses to send (another verb than GET, or a path outside the API). */
export class ReadOnlyViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReadOnlyViolation";
  }
}

/** The problem an HTTP status stands for. */
export function problemOfStatus(status: number): ClusterProblem {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 408 || status === 504) return "timeout";
  if (status === 413) return "too-large";
  return "bad-response";
}

const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "ECONNABORTED"]);

/** Map anything thrown while talking to the cluster to an UpstreamError (GoneError passes through). */
export function toUpstreamError(e: unknown): UpstreamError | GoneError {
  if (e instanceof UpstreamError || e instanceof GoneError) return e;
  const code = (e as { code?: unknown })?.code;
  const detail = e instanceof Error ? e.message : String(e);
  if (typeof code === "string") {
    if (NETWORK.has(code)) return new UpstreamError("unreachable", `${code}: ${detail}`);
    if (code === "ETIMEDOUT" || code === "ESOCKETTIMEDOUT") return new UpstreamError("timeout", detail);
    if (code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL") || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH/.test(code)) return new UpstreamError("tls", `${code}: ${detail}`);
  }
  return new UpstreamError("internal", detail);
}
