/**
 * A rule's backendRefs: reference fields, and the weights — a slider per backend showing every
 * backend's share live while it moves and writing on release, a number field, and for two backends
 * the canary "shift traffic" steps (100/0 → 90/10 → 50/50 → 10/90 → 0/100).
 * Automation contract: each slider is `weight-<Kind>-<namespace>-<name>-<rule>-<backend>`.
 */
import { useEffect, useRef } from "react";
import type { Target } from "../../../src/edit/types";
import { validatePort, validateWeight, weightsAllZero } from "../../../src/edit/validate";
import { currentStep, pctText, shares, SHIFT_STEPS, sliderMax, weightOf } from "../../edit/weights";
import { useRuleDraft } from "../../edit/weightDraft";
import { num, str, type Obj } from "../kinds/read";
import { editorFor } from "./edit";
import { Btn, IssueText, NumberField, TextField } from "./fields";

export interface BackendsFormProps {
  route: Target & { namespace: string };
  rule: number;
  backends: readonly Obj[];
  /** Default port of a new backendRef. */
  defaultPort: number;
}

/** The id part shared by a rule's weight controls: `<Kind>-<namespace>-<name>-<rule>`. */
export function ruleKey(route: Target & { namespace: string }, rule: number): string {
  return `${route.kind}-${route.namespace}-${route.name}-${rule}`;
}

/** A weight slider: moves a draft (shown live by the parent), writes on release (change) or blur. */
function WeightSlider({ value, max, testId, label, onMove, onCommit }: { value: number; max: number; testId: string; label: string; onMove: (v: number) => void; onCommit: (v: number) => void }) {
  const ref = useRef<HTMLInputElement | null>(null);
  const latest = useRef(onCommit);
  latest.current = onCommit;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const on = () => latest.current(Number(el.value));
    el.addEventListener("change", on);
    return () => el.removeEventListener("change", on);
  }, []);
  return (
    <input
      ref={ref}
      type="range"
      className="f-slider"
      min={0}
      max={max}
      step={1}
      value={Math.min(value, max)}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => onMove(Number(e.target.value))}
      onBlur={(e) => latest.current(Number(e.currentTarget.value))}
    />
  );
}

export function BackendsForm({ route, rule, backends, defaultPort }: BackendsFormProps) {
  const ed = editorFor(route);
  const written = backends.map(weightOf);
  // The canvas draws the draft's shares too; a new written state ends the draft (weightDraft.ts).
  const [draft, setDraft] = useRuleDraft(`${route.kind}/${route.namespace}/${route.name}`, rule, written);
  const weights = draft ?? written;
  const pct = shares(weights);
  const max = sliderMax(written);
  const rk = ruleKey(route, rule);
  const base = ["spec", "rules", rule, "backendRefs"];
  const setWeights = (w: number[]) => {
    if (w.every((x, i) => x === written[i])) return setDraft(null);
    void ed.run({ op: "setWeights", target: route, rule, weights: w });
  };
  const allZero = weightsAllZero(weights);
  const step = currentStep(written);
  return (
    <div className="f-list" data-testid={`backends-${rk}`}>
      <div className="f-list-head">
        <span>backendRefs</span>
        <Btn title="Add a backendRef" testId={`backend-add-${rk}`} onClick={() => void ed.run({ op: "addBackend", target: route, rule, backend: { name: "service", port: defaultPort } })}>
          +
        </Btn>
      </div>
      {backends.length === 0 && <p className="muted small">no backends: drag the rule's ⇢ onto a Service, or add one</p>}
      {backends.map((b, j) => (
        <div key={j} className="f-backend" data-testid={`backend-${rk}-${j}`}>
          <div className="f-grid">
            <TextField label="name" value={str(b.name)} required onCommit={(v) => void ed.set([...base, j, "name"], v)} />
            <TextField label="namespace" value={str(b.namespace)} placeholder="same" onCommit={(v) => void ed.set([...base, j, "namespace"], v)} />
            <NumberField label="port" value={num(b.port)} optional validate={validatePort} onCommit={(v) => void ed.set([...base, j, "port"], v)} />
            <Btn title={`Remove backendRef ${str(b.name)}`} danger testId={`backend-remove-${rk}-${j}`} onClick={() => void ed.run({ op: "removeBackend", target: route, rule, backend: j })}>
              ✕
            </Btn>
          </div>
          <div className="f-weight">
            <WeightSlider
              value={weights[j]}
              max={max}
              label={`weight of ${str(b.name)}`}
              testId={`weight-${rk}-${j}`}
              onMove={(v) => setDraft(weights.map((w, i) => (i === j ? v : w)))}
              onCommit={(v) => setWeights(weights.map((w, i) => (i === j ? v : w)))}
            />
            <NumberField label="weight" className="f-weight-n" value={weights[j]} validate={validateWeight} onCommit={(v) => v !== null && setWeights(written.map((w, i) => (i === j ? v : w)))} />
            <span className="f-pct" data-testid={`weight-pct-${rk}-${j}`}>
              {pctText(pct[j])}
            </span>
          </div>
        </div>
      ))}
      <IssueText issue={allZero} />
      {backends.length === 2 && (
        <div className="f-shift" role="group" aria-label="Shift traffic" data-testid={`shift-${rk}`}>
          <span className="muted small">shift traffic</span>
          {SHIFT_STEPS.map(([a, c], i) => (
            <button key={i} type="button" className={`f-btn${i === step ? " on" : ""}`} data-testid={`shift-${rk}-${a}-${c}`} title={`${str(backends[0].name)} ${a}% · ${str(backends[1].name)} ${c}%`} onClick={() => setWeights([a, c])}>
              {a}/{c}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
