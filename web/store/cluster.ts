/**
 * The cluster slice: what the app knows about the live cluster it mirrors when opened by
 * `switchyard serve --kubeconfig` (web/cluster/mode.ts fills it). `cluster` is null outside cluster
 * mode. The objects themselves reach the engine as the workspace text (DESIGN principle 10); this
 * slice keeps what the text does not carry: the context, the connection, per-kind availability and
 * each object's status as its controller reported it.
 */
import type { StateCreator } from "zustand";
import type { AppState } from "./index";
import type { ConnectionStatus, KindStatus } from "../../src/server/cluster/types";

/** The browser's stream to `switchyard serve` (the cluster's own state is `connection`). */
export interface StreamState {
  state: "connecting" | "open" | "retrying" | "failed";
  /** When retrying: milliseconds until the next attempt. */
  retryInMs?: number;
  /** A short explanation for `failed` or `retrying`. */
  message?: string;
}

/** An object's status as the cluster reports it, with the generation it should describe. */
export interface Reported {
  /** The object's `status` as sent (undefined when it has none). */
  status: unknown;
  /** `metadata.generation` (absent for kinds without one). */
  generation?: number;
}

export interface ClusterInfo {
  /** The kubeconfig context's name, when the server sent it. */
  context: string | null;
  stream: StreamState;
  /** `switchyard serve`'s connection to the cluster. */
  connection: ConnectionStatus;
  kinds: KindStatus[];
  /** Reported status by `Kind/ns/name` (graph node ids), replaced as a whole on every change. */
  reported: ReadonlyMap<string, Reported>;
  /** Objects mirrored. */
  objects: number;
}

export interface ClusterSlice {
  cluster: ClusterInfo | null;
  setCluster: (patch: Partial<ClusterInfo>) => void;
  /** Leave cluster mode (the workspace keeps the last text, editable again). */
  clearCluster: () => void;
}

const INITIAL: ClusterInfo = { context: null, stream: { state: "connecting" }, connection: { state: "connecting" }, kinds: [], reported: new Map(), objects: 0 };

export const clusterSlice: StateCreator<AppState, [], [], ClusterSlice> = (set) => ({
  cluster: null,
  setCluster: (patch) => set((s) => ({ cluster: { ...(s.cluster ?? INITIAL), ...patch } })),
  clearCluster: () => set({ cluster: null }),
});
