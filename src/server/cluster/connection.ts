/** The overall connection state, derived from discovery and the kinds' states (see types.ts ConnectionState). */
import { PROBLEM_MESSAGES, type UpstreamError } from "./errors";
import type { ClusterProblem, ConnectionStatus, KindStatus } from "./types";

/** Problems that retrying will not fix by itself: the operator must act. */
const FATAL: ReadonlySet<ClusterProblem> = new Set(["unauthorized", "credentials", "tls"]);

function status(state: ConnectionStatus["state"], problem?: ClusterProblem): ConnectionStatus {
  return problem ? { state, problem, message: PROBLEM_MESSAGES[problem] } : { state };
}

export function connectionOf(discovered: boolean, discoveryError: UpstreamError | null, kinds: readonly KindStatus[]): ConnectionStatus {
  if (!discovered) return discoveryError ? status("failed", discoveryError.problem) : status("connecting");
  let pending = false;
  let trouble: KindStatus | undefined;
  let allFatal = true;
  for (const k of kinds) {
    if (k.state === "pending") pending = true;
    if (k.state === "reconnecting" || k.state === "failed") {
      trouble ??= k;
      if (!k.problem || !FATAL.has(k.problem)) allFatal = false;
    }
  }
  if (trouble) return status(allFatal ? "failed" : "reconnecting", trouble.problem);
  return status(pending ? "connecting" : "synced");
}
