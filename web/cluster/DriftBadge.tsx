/**
 * The canvas node badge for cluster mode: how many places the controller's reported status and
 * Switchyard's computed status disagree for this node (tooltip: each of them). Nothing outside
 * cluster mode or when they agree.
 */
import { memo } from "react";
import { useStore } from "../store";
import { driftByNode } from "./drift";
import "./cluster.css";

export const DriftBadge = memo(function DriftBadge({ id }: { id: string }) {
  const drift = useStore((s) => (s.cluster ? driftByNode(s.good, s.cluster.reported).get(id) : undefined));
  if (!drift) return null;
  return (
    <span className="sy-drift" data-testid="drift-badge" data-count={drift.count} title={`Reported status differs from the computed one (${drift.count}):\n${drift.summary}`}>
      ≠{drift.count}
    </span>
  );
});
