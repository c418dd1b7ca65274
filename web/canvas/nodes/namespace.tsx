/**
 * Namespaces on the canvas: a box per namespace and column with a header that collapses and expands
 * it, and, when collapsed, one summary node per column with counts by kind (edges end on it).
 */
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useStore } from "../../store";
import type { GroupNode, SummaryNode } from "../flowTypes";
import { Handles } from "./Shell";

export const NamespaceBox = memo(function NamespaceBox({ data }: NodeProps<GroupNode>) {
  const toggle = useStore((s) => s.toggleCollapsed);
  const label = data.namespace;
  return (
    <div className={`sy-nsbox${data.collapsed ? " sy-collapsed" : ""}${data.defined ? "" : " sy-undeclared"}`}>
      <Handles handleY={data.handleY} />
      <div className="sy-nshead" data-testid={data.testId}>
        <button
          type="button"
          className="sy-nstoggle nodrag nopan"
          data-testid={`ns-toggle-${data.namespace}-${data.column}`}
          aria-expanded={!data.collapsed}
          title={data.collapsed ? `Expand namespace ${label}` : `Collapse namespace ${label} into one node per column`}
          onClick={(e) => {
            e.stopPropagation();
            toggle(data.namespace);
          }}
        >
          {data.collapsed ? "▸" : "▾"}
        </button>
        <span className="sy-nsname">{label}</span>
        <span className="sy-nscount">{data.members}</span>
      </div>
    </div>
  );
});

export const NamespaceSummary = memo(function NamespaceSummary({ id, data }: NodeProps<SummaryNode>) {
  // Selected when the selected object is one it stands for (ids are `Kind/ns/name…`).
  const lit = useStore((s) => s.selected !== null && s.selected.split("/", 3).length === 3 && s.selected.split("/", 3)[1] === data.namespace);
  const kinds = data.kinds.map(([k, n]) => `${n} ${k}`).join(" · ");
  return (
    <div
      className={`sy-node sy-summary sy-${data.level}${lit ? " sy-selected" : ""}`}
      data-testid={data.testId}
      data-status={data.level}
      data-selected={lit}
      data-id={id}
      title={`Namespace ${data.namespace} (collapsed): ${data.members} objects\n${kinds}\nClick to expand`}
    >
      <Handles handleY={data.handleY} />
      <div className="sy-title">
        <span className="sy-kind">Namespace</span>
        <span className="sy-name">{data.namespace}</span>
      </div>
      <div className="sy-detail">{kinds}</div>
    </div>
  );
});
