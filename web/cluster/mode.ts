/**
 * Cluster mode: the app opened by `switchyard serve --kubeconfig` (a `#token=` in the URL) mirrors
 * the cluster and shows it read-only. The stream's events feed a ClusterMirror; after each batch the
 * mirror is rendered as configuration text (render.ts) and set as the workspace text with origin
 * "cluster", so the engine, the canvas, the editor and the simulator see the live configuration
 * exactly as they would a pasted file. The store's cluster slice gets what the text does not carry.
 * The renderer (with its YAML dumper) loads only in cluster mode, keeping it out of the main chunk.
 */
import { useStore } from "../store";
import { ClusterMirror } from "../../src/server/cluster/mirror";
import type { ClusterEvent, ClusterObject } from "../../src/server/cluster/types";
import { ClusterStream } from "./stream";
import type * as RenderModule from "./render";
import { forgetClusterToken, takeClusterToken } from "./token";

/** The workspace's file name in cluster mode (the editor's model and diagnostics use it). */
export const CLUSTER_FILE = "cluster.yaml";

/** What applying events needs from render.ts (loaded on entering cluster mode). */
export type Renderer = Pick<typeof RenderModule, "renderCluster" | "reportedOf">;

let running: ClusterStream | null = null;
let mirrored: ClusterMirror | null = null;

/** The mirrored objects now (empty outside cluster mode). */
export function clusterObjects(): Iterable<ClusterObject> {
  return mirrored?.objects.values() ?? [];
}

/**
 * Apply one event to the mirror and the store. Text changes only for object events (a snapshot or
 * changes), and only when the rendered text differs.
 */
export function applyClusterEvent(mirror: ClusterMirror, e: ClusterEvent, { renderCluster, reportedOf }: Renderer): boolean {
  if (!mirror.apply(e)) return false;
  const st = useStore.getState();
  if (e.type === "snapshot" || e.type === "changes") {
    const objects = [...mirror.objects.values()];
    const text = renderCluster(objects);
    const patch = { reported: reportedOf(objects), objects: objects.length, kinds: mirror.kinds, connection: mirror.connection };
    st.setCluster(e.type === "snapshot" ? { ...patch, context: e.context ?? null } : patch);
    // Only "cluster" changes pass the read-only workspace; the engine sends them as deltas.
    if (text !== st.text) st.setText(text, "cluster", CLUSTER_FILE);
  } else if (e.type === "kinds") st.setCluster({ kinds: mirror.kinds });
  else if (e.type === "connection") st.setCluster({ connection: mirror.connection });
  return true;
}

/**
 * Enter cluster mode when the URL carries a token (which is removed from the address bar first).
 * Returns whether the app is in cluster mode.
 */
export function startClusterMode(token: string | null = takeClusterToken()): boolean {
  if (!token) return false;
  const st = useStore.getState();
  st.setCluster({});
  st.setText("", "load", CLUSTER_FILE);
  st.setReadOnly(true);
  // Editing affordances (forms, palette, undo) are hidden by cluster.css under this attribute.
  document.documentElement.dataset.readonly = "cluster";
  // The inspector (reported vs computed status) matters more here than the simulator's defaults.
  st.setPanel("inspector");
  const mirror = (mirrored = new ClusterMirror());
  let renderer: Renderer | null = null;
  const stream = (running = new ClusterStream({
    token,
    onEvent: (e) => applyClusterEvent(mirror, e, renderer!),
    onState: (stream) => {
      // A refused token is dead for good (a new launch makes a new one): a reload must not reuse it.
      if (stream.state === "failed") forgetClusterToken();
      useStore.getState().setCluster({ stream });
    },
  }));
  // Events are applied only once the renderer is here: connect after loading it.
  void import("./render").then((r) => {
    renderer = r;
    if (running === stream) void stream.run();
  });
  return true;
}

/** Stop following the cluster; the workspace keeps the last text and becomes editable (a copy). */
export function detachCluster(): void {
  running?.stop();
  running = null;
  mirrored = null;
  forgetClusterToken();
  const st = useStore.getState();
  st.setReadOnly(false);
  if (typeof document !== "undefined") delete document.documentElement.dataset.readonly;
  st.clearCluster();
  if (st.panel === "cluster") st.setPanel("inspector"); // the Cluster tab goes with cluster mode
}
