/**
 * Tools on the selected edge, drawn over its label: remove the references it stands for, and for
 * backendRefs a weight slider per reference that shows the rule's shares live while it moves and
 * writes the weights on release (the same `setWeights` as the inspector), plus the canary steps
 * for a two-backend rule.
 */
import { useEffect, useRef } from "react";
import { EdgeLabelRenderer, useStore as useFlowStore } from "@xyflow/react";
import { useStore } from "../store";
import { commitEdit } from "../edit/commit";
import { removeSelectedEdge } from "../edit/edgeActions";
import { currentStep, pctText, shares, SHIFT_STEPS, sliderMax } from "../edit/weights";
import { targetOfId } from "../edit/targets";
import { useRuleDraft } from "../edit/weightDraft";
import type { GraphEdge } from "../../src/graph";
import type { RefEdgeData } from "./flowTypes";

/** A rule's backendRef edges in list order (by their index in `backendRefs`). */
function ruleEdges(edges: readonly GraphEdge[], route: string, rule: number): GraphEdge[] {
  return edges
    .filter((e) => e.type === "backendRef" && e.from === route && e.rule === rule)
    .sort((a, b) => Number(a.path[a.path.length - 1]) - Number(b.path[b.path.length - 1]));
}

function RuleWeights({ route, rule, index }: { route: string; rule: number; index: number }) {
  const edges = useStore((s) => s.good?.graph.edges);
  const list = ruleEdges(edges ?? [], route, rule);
  const written = list.map((e) => e.weight ?? 1);
  const indexes = list.map((e) => Number(e.path[e.path.length - 1]));
  // The canvas draws the draft's shares on the rule's edges too; a new written state ends it (weightDraft.ts).
  const [draft, setDraft] = useRuleDraft(route, rule, written, indexes);
  const ref = useRef<HTMLInputElement | null>(null);
  const me = indexes.indexOf(index);
  const target = targetOfId(route);
  const commit = (w: number[]) => {
    if (!target || w.every((x, i) => x === written[i])) return setDraft(null);
    void commitEdit({ op: "setWeights", target, rule, weights: w });
  };
  const latest = useRef(commit);
  latest.current = commit;
  const weights = draft ?? written;
  const weightsWith = (v: number) => weights.map((w, i) => (i === me ? v : w));
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const on = () => latest.current(weightsWith(Number(el.value)));
    el.addEventListener("change", on);
    return () => el.removeEventListener("change", on);
  });
  if (me === -1 || !target) return null;
  const pct = shares(weights);
  const step = currentStep(written);
  const name = String(list[me].to.split("/").pop());
  return (
    <div className="sy-et-weight" data-testid={`edge-weight-${rule}-${index}`}>
      <span className="sy-et-name">
        rule {rule} → {name}
      </span>
      <input
        ref={ref}
        type="range"
        min={0}
        max={sliderMax(written)}
        value={Math.min(weights[me], sliderMax(written))}
        aria-label={`weight of ${name} in rule ${rule}`}
        data-testid={`edge-weight-input-${rule}-${index}`}
        onChange={(e) => setDraft(weightsWith(Number(e.target.value)))}
      />
      <span className="sy-et-pcts" data-testid={`edge-weight-pct-${rule}-${index}`}>
        {list.map((e, i) => (
          <span key={e.id} className={i === me ? "me" : ""} title={e.to}>
            {i > 0 ? " / " : ""}
            {pctText(pct[i])}
          </span>
        ))}
      </span>
      {list.length === 2 ? (
        <span className="sy-et-shift" role="group" aria-label="Shift traffic">
          {SHIFT_STEPS.map(([a, b], i) => (
            <button key={i} type="button" className={i === step ? "on" : ""} data-testid={`edge-shift-${rule}-${a}-${b}`} onClick={() => commit([a, b])}>
              {a}/{b}
            </button>
          ))}
        </span>
      ) : null}
    </div>
  );
}

export function EdgeTools({ data, x, y }: { data: RefEdgeData; x: number; y: number }) {
  const backends = data.refs.filter((r) => r.type === "backendRef" && r.rule !== undefined);
  // Drawn in the flow's coordinates, but kept at screen size whatever the zoom, to stay usable.
  const zoom = useFlowStore((s) => s.transform[2]);
  return (
    <EdgeLabelRenderer>
      <div className="sy-edge-tools nodrag nopan" style={{ transform: `translate(${x}px, ${y}px) scale(${1 / zoom}) translate(-50%, 12px)`, transformOrigin: "0 0" }} data-testid="edge-tools">
        {backends.map((r) => (
          <RuleWeights key={r.id} route={r.from} rule={r.rule!} index={Number(r.path[r.path.length - 1])} />
        ))}
        <button type="button" className="sy-et-remove" data-testid="edge-remove" title="Remove this reference from the YAML (Delete)" onClick={() => void removeSelectedEdge()}>
          ✕ remove reference{data.refs.length > 1 ? "s" : ""}
        </button>
      </div>
    </EdgeLabelRenderer>
  );
}
