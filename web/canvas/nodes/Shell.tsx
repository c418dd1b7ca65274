/**
 * The frame every graph node shares: handles at the layout's handle line, the status badge, the
 * automation attributes (testid, data-status, data-selected) and the highlight classes. Per-kind
 * components fill in the body.
 */
import { Handle, Position } from "@xyflow/react";
import { memo, type ReactNode } from "react";
import type { NodeStatus } from "../../../src/graph";
import type { ResourceData } from "../flowTypes";
import { useLit, useSearchHit, useSelected } from "../flags";
import { DriftBadge } from "../../cluster/DriftBadge";

/** Handle positions: the layout says where edges meet a node (`handleY` below its top). */
export const Handles = memo(function Handles({ handleY }: { handleY: number }) {
  const style = { top: handleY };
  return (
    <>
      <Handle type="target" id="left" position={Position.Left} isConnectable={false} style={style} />
      <Handle type="source" id="right" position={Position.Right} isConnectable={false} style={style} />
      <Handle type="target" id="right" position={Position.Right} isConnectable={false} style={style} />
    </>
  );
});

/** The conditions that are not healthy, one per line, for the badge's tooltip. */
export function problemsText(s: NodeStatus): string {
  const lines = s.problems.map((p) => `${p.type}=${p.status} (${p.reason})${p.scope ? ` [${p.scope}]` : ""}${p.message ? `: ${p.message}` : ""}`);
  if (s.errors) lines.push(`${s.errors} error${s.errors > 1 ? "s" : ""} in the YAML`);
  if (s.warnings) lines.push(`${s.warnings} warning${s.warnings > 1 ? "s" : ""} in the YAML`);
  return lines.join("\n");
}

export const StatusBadge = memo(function StatusBadge({ status }: { status: NodeStatus }) {
  if (status.level === "ok") return null;
  const n = status.problems.length + status.errors + status.warnings;
  return (
    <span className={`sy-badge sy-${status.level}`} title={problemsText(status)} data-testid="status-badge">
      {status.level === "error" ? "!" : "⚠"}
      {n > 1 ? n : ""}
    </span>
  );
});

interface ShellProps {
  id: string;
  data: ResourceData;
  /** Extra class (the kind's look). */
  className: string;
  /** Tooltip of the whole node (kind-specific facts). */
  title?: string;
  children: ReactNode;
}

export function Shell({ id, data, className, title, children }: ShellProps) {
  const selected = useSelected(id);
  const lit = useLit(id);
  const hit = useSearchHit(data.g);
  const g = data.g;
  let cls = `sy-node ${className} sy-${g.status.level}`;
  if (!g.defined) cls += " sy-missing";
  if (selected) cls += " sy-selected";
  if (lit === 1) cls += " sy-lit";
  else if (lit === 2) cls += " sy-dim";
  if (hit === 1) cls += " sy-hit";
  else if (hit === 2) cls += " sy-miss";
  const problems = g.status.level === "ok" ? "" : `\n${problemsText(g.status)}`;
  return (
    <div className={cls} data-testid={data.testId} data-status={g.status.level} data-selected={selected} data-id={id} title={`${title ?? id}${g.defined ? "" : "\n(not in the YAML: referenced only)"}${problems}`}>
      <Handles handleY={data.handleY} />
      {children}
      <StatusBadge status={g.status} />
      <DriftBadge id={id} />
    </div>
  );
}

/** The kind tag and the name: the two lines every node starts with. */
export function Title({ kind, name, sub }: { kind: string; name: string; sub?: string }) {
  return (
    <div className="sy-title">
      <span className="sy-kind">{kind}</span>
      <span className="sy-name">{name}</span>
      {sub ? <span className="sy-sub">{sub}</span> : null}
    </div>
  );
}
