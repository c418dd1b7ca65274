/**
 * The Inspector's cluster section: the status the cluster's controller reported beside the one
 * Switchyard computes, row by row, every disagreement highlighted. Rendered only in cluster mode
 * and for objects the cluster holds.
 */
import { useStore } from "../store";
import type { GraphNode } from "../../src/graph";
import type { ResourceStatus } from "../../src/model/status";
import { compareStatus } from "./compare";
import "./cluster.css";

/** For a listener, its Gateway's (or ListenerSet's) status restricted to that listener's rows. */
function target(node: GraphNode): { id: string; scope?: string } {
  if (node.kind === "Listener" && typeof node.data.origin === "string") return { id: node.data.origin, scope: `listener ${node.name}` };
  return { id: node.id };
}

export function ReportedStatus({ node, ours }: { node: GraphNode; ours: (id: string) => ResourceStatus | undefined }) {
  const t = target(node);
  const reported = useStore((s) => s.cluster?.reported.get(t.id));
  const inCluster = useStore((s) => (s.cluster ? s.cluster.reported.has(t.id) : null));
  if (inCluster === null) return null;
  if (!inCluster) return <p className="muted small">Not in the cluster (drawn because something references it).</p>;
  const st = ours(t.id);
  if (!st) return null; // a kind Switchyard computes no status for (Service, ReferenceGrant…)
  const c = compareStatus(st, reported, st.namespace);
  const rows = t.scope ? c.rows.filter((r) => r.scope === t.scope) : c.rows;
  const differ = rows.filter((r) => r.differs).length;
  return (
    <section className="insp-section" data-testid="reported-status" data-disagreements={differ}>
      <h4>Reported by the cluster vs computed</h4>
      {!c.hasReported && <p className="drift-note">The cluster reports no status for this object (no controller has processed it).</p>}
      {differ > 0 ? (
        <p className="drift-note">
          {differ} disagreement{differ > 1 ? "s" : ""}: the controller or the simulator is wrong — check the spec.
        </p>
      ) : (
        <p className="muted small">The reported status agrees with the computed one.</p>
      )}
      {c.stale && <p className="warn small">{c.stale}</p>}
      <table className="drift-table">
        <thead>
          <tr>
            <th>where</th>
            <th>what</th>
            <th>Switchyard</th>
            <th>cluster</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.differs ? "differs" : r.oneSided ? "one-sided" : ""} data-testid="drift-row" data-differs={r.differs} title={r.oneSided ? "Only one side reports this condition, in its healthy state: not a disagreement" : undefined}>
              <td>{r.scope || "object"}</td>
              <td>{r.item}</td>
              <td>{r.ours ?? "—"}</td>
              <td>{r.reported ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.hasReported && (
        <details>
          <summary className="small">Reported status as sent</summary>
          <pre className="small">{JSON.stringify(reported?.status, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}
