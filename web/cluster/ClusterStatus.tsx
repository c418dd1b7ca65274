/**
 * The status bar's cluster part (cluster mode only): the "read-only" badge with the context's
 * name, the connection state, and which kinds are not installed or forbidden. Clicking opens the
 * Cluster tab with the details.
 */
import { useStore } from "../store";
import { kindProblems, shownState } from "./state";
import "./cluster.css";

export function ClusterStatus() {
  const cluster = useStore((s) => s.cluster);
  const setPanel = useStore((s) => s.setPanel);
  if (!cluster) return null;
  const shown = shownState(cluster);
  const p = kindProblems(cluster.kinds);
  const names = (list: { kind: string }[]) => list.map((k) => k.kind).join(", ");
  const open = () => setPanel("cluster");
  return (
    <>
      <button type="button" className="badge cluster-ro" data-testid="cluster-readonly" title="A live view of a cluster: nothing here can change it. Edits are refused." onClick={open}>
        read-only{cluster.context ? <> · <span data-testid="cluster-context">{cluster.context}</span></> : null}
      </button>
      <button type="button" className={`cluster-conn cluster-${shown.state}`} data-testid="cluster-connection" data-state={shown.state} title={shown.message ?? `cluster ${shown.state}`} onClick={open}>
        <span className="dot" /> {shown.state}
      </button>
      {p.notInstalled.length > 0 && (
        <span className="muted" data-testid="cluster-not-installed" title={`Not installed in the cluster: ${names(p.notInstalled)}`}>
          {p.notInstalled.length} kind{p.notInstalled.length > 1 ? "s" : ""} not installed
        </span>
      )}
      {p.forbidden.length > 0 && (
        <span className="warn" data-testid="cluster-forbidden" title={`RBAC forbids reading: ${names(p.forbidden)}`}>
          {p.forbidden.length} forbidden
        </span>
      )}
    </>
  );
}
