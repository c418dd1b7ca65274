/**
 * The Cluster tab (cluster mode only): which context, the connection, each kind's availability
 * (watched, not installed, forbidden…), "copy as YAML" of the selection and of the whole view, and
 * "edit a copy" to leave the live view for an editable snapshot of it.
 */
import { useStore } from "../store";
import { showNotice } from "../toolbar/notice";
import { indexOf } from "../panels/snapshotIndex";
import { clusterObjects, detachCluster } from "./mode";
import { KIND_STATE_TEXT, shownState } from "./state";
import "./cluster.css";

// copy.ts brings the YAML dumper: loaded on use (it is already there once the cluster rendered).
async function copy(what: string, make: (m: typeof import("./copy")) => string): Promise<void> {
  const m = await import("./copy");
  const text = make(m);
  if (!text) return showNotice(`Nothing to copy: ${what} is empty`, "error");
  const ok = await m.copyText(text);
  showNotice(ok ? `Copied ${what} as YAML` : `The browser refused the clipboard; use Export → YAML instead`, ok ? "ok" : "error");
}

export function copySelectedYaml(): void {
  const { selected, good } = useStore.getState();
  const node = selected ? indexOf(good).nodes.get(selected) : undefined;
  void copy("the selected object", (m) => {
    const o = node ? m.objectOfNode(clusterObjects(), node) : null;
    return o ? `---\n${m.objectYaml(o)}` : "";
  });
}

export function copyViewYaml(): void {
  void copy("the view", (m) => m.viewYaml(clusterObjects(), useStore.getState().filters));
}

export function ClusterPanel() {
  const cluster = useStore((s) => s.cluster);
  const selected = useStore((s) => s.selected);
  if (!cluster) return <div className="panel-body muted">Not connected to a cluster. Run `switchyard serve --kubeconfig PATH` and open the URL it prints.</div>;
  const shown = shownState(cluster);
  return (
    <div className="panel-body cluster-panel" data-testid="cluster-panel">
      <h3>Live cluster, read-only</h3>
      <table className="kv">
        <tbody>
          <tr>
            <th>context</th>
            <td>{cluster.context ?? "—"}</td>
          </tr>
          <tr>
            <th>connection</th>
            <td className={`cluster-${shown.state}`} data-testid="cluster-panel-state">
              {shown.state}
              {shown.message ? ` · ${shown.message}` : ""}
            </td>
          </tr>
          <tr>
            <th>objects</th>
            <td>{cluster.objects}</td>
          </tr>
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="btn" data-testid="copy-selected-yaml" disabled={!selected} onClick={copySelectedYaml}>
          Copy selected as YAML
        </button>
        <button type="button" className="btn" data-testid="copy-view-yaml" onClick={copyViewYaml}>
          Copy view as YAML
        </button>
        <button type="button" className="btn" data-testid="cluster-detach" title="Stop following the cluster and edit a copy of what it holds now (nothing is ever sent to the cluster)" onClick={detachCluster}>
          Edit a copy
        </button>
      </div>
      <h4>Kinds</h4>
      <table data-testid="cluster-kinds">
        <thead>
          <tr>
            <th>kind</th>
            <th>version</th>
            <th>state</th>
            <th>objects</th>
          </tr>
        </thead>
        <tbody>
          {cluster.kinds.map((k) => (
            <tr key={`${k.group}/${k.kind}`} data-testid={`cluster-kind-${k.kind}`} data-state={k.state}>
              <td title={k.group || "core"}>{k.kind}</td>
              <td>{k.version ?? "—"}</td>
              <td className={`state-${k.state}`} title={k.message}>
                {KIND_STATE_TEXT[k.state]}
              </td>
              <td>{k.state === "not-installed" ? "" : k.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Secrets are read as metadata only: Switchyard assumes a referenced Secret holds a valid certificate and says so under Assumptions. Status from the cluster's controller is compared with
        Switchyard's in the Inspector.
      </p>
    </div>
  );
}
