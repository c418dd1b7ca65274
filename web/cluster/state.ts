/**
 * What the app says about its cluster connection: one state combining the browser's stream to
 * `switchyard serve` and serve's own connection to the cluster, and per-kind availability in words.
 */
import type { ClusterInfo } from "../store/cluster";
import type { KindStatus } from "../../src/server/cluster/types";

export type ShownState = "connecting" | "synced" | "reconnecting" | "failed";

/** The state to show: the stream's while it is not open, else the cluster connection's. */
export function shownState(c: Pick<ClusterInfo, "stream" | "connection">): { state: ShownState; message?: string } {
  const s = c.stream;
  if (s.state === "failed") return { state: "failed", message: s.message };
  if (s.state === "retrying") return { state: "reconnecting", message: s.message ? `switchyard serve: ${s.message}` : undefined };
  if (s.state === "connecting") return { state: "connecting" };
  return { state: c.connection.state, message: c.connection.message };
}

/** How a kind's availability reads. */
export const KIND_STATE_TEXT: Record<KindStatus["state"], string> = {
  "not-installed": "not installed",
  pending: "loading",
  synced: "watched",
  reconnecting: "reconnecting",
  forbidden: "forbidden",
  failed: "failed",
};

/** Kinds the user should know about: not installed, forbidden, failing. */
export function kindProblems(kinds: readonly KindStatus[]): { notInstalled: KindStatus[]; forbidden: KindStatus[]; failing: KindStatus[] } {
  return {
    notInstalled: kinds.filter((k) => k.state === "not-installed"),
    forbidden: kinds.filter((k) => k.state === "forbidden"),
    failing: kinds.filter((k) => k.state === "failed" || k.state === "reconnecting"),
  };
}
