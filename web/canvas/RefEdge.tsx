/**
 * One drawn reference (or several merged): a bezier from the left end's right handle to the right
 * end's left handle, styled by kind (parentRef, backendRef, policy target…), broken references
 * dashed red, cross-namespace ones marked; the label (traffic share, reason, count) is SVG text so
 * it scales with the graph and hides below the detail zoom (CSS). The `<g>` carries the test id.
 */
import { memo } from "react";
import { getBezierPath, type EdgeProps } from "@xyflow/react";
import type { FlowEdge } from "./flowTypes";
import { draftLabel, useWeightDraft } from "../edit/weightDraft";
import { useEdgeLit } from "./flags";
import { useStore } from "../store";
import { EdgeTools } from "./EdgeTools";

/** Approximate label width for the background box (11px system font). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.2) + 8;
}

export const RefEdge = memo(function RefEdge(props: EdgeProps<FlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const lit = useEdgeLit(data?.from ?? "", data?.to ?? "");
  const selected = useStore((s) => !!data && s.selectedEdge?.from === data.from && s.selectedEdge.to === data.to);
  // A weight slider moving: this edge's shares as they would be (null for edges it does not concern).
  const drafted = useWeightDraft((s) => (s.draft && data ? draftLabel(data.refs, s.draft) : null));
  if (!data) return null;
  const label = drafted ?? data.label;
  const [path, lx, ly] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, curvature: 0.3 });
  let cls = `sy-edge sy-e-${data.kind}`;
  if (!data.ok) cls += " sy-broken";
  if (data.cross) cls += " sy-cross";
  if (data.refs.length > 1) cls += " sy-merged";
  if (data.members) cls += " sy-bundle";
  if (lit === 1) cls += " sy-lit";
  else if (lit === 2) cls += " sy-dim";
  if (selected) cls += " sy-edge-selected";
  const w = labelWidth(label);
  return (
    <g className={cls} data-testid={data.testId} data-ok={data.ok} data-count={data.refs.length} data-kind={data.kind} data-selected={selected}>
      <title>{data.title}</title>
      <path className="sy-edge-hit" d={path} />
      <path className="sy-edge-line" d={path} />
      {label ? (
        <g className="sy-edge-label" transform={`translate(${lx} ${ly})`} data-draft={drafted !== null || undefined}>
          <rect x={-w / 2} y={-8} width={w} height={16} rx={4} />
          <text textAnchor="middle" dy={4}>
            {label}
          </text>
        </g>
      ) : null}
      {selected ? <EdgeTools data={data} x={lx} y={ly} /> : null}
    </g>
  );
});
