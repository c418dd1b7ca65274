/**
 * One rule of a route: its name, matches, filters and backendRefs (with weights), moved, removed,
 * and dragged onto a Service (the ⇢ grip) to add a backendRef to this rule.
 */
import type { Target } from "../../../src/edit/types";
import { FILTER_TYPES } from "../../../src/edit/defaults";
import { recs, str, type Obj } from "../kinds/read";
import { startConnect } from "../../edit/connectDrag";
import { editorFor } from "./edit";
import { Btn, TextField } from "./fields";
import { MatchForm } from "./MatchForm";
import { FilterForm } from "./FilterForm";
import { BackendsForm, ruleKey } from "./BackendsForm";

/** backendRef port a new one starts with, by route kind. */
const DEFAULT_PORT: Record<string, number> = { GRPCRoute: 50051, TLSRoute: 443 };

export interface RuleFormProps {
  route: Target & { namespace: string };
  routeId: string;
  kind: string;
  index: number;
  rules: readonly Obj[];
}

export function RuleForm({ route, routeId, kind, index, rules }: RuleFormProps) {
  const rule = rules[index];
  const ed = editorFor(route);
  const base = ["spec", "rules", index];
  const hasMatches = kind === "HTTPRoute" || kind === "GRPCRoute";
  const matches = recs(rule.matches);
  const filters = recs(rule.filters);
  const rk = ruleKey(route, index);
  return (
    <li className="f-card f-rule" data-testid={`rule-${rk}`}>
      <div className="f-card-head">
        <b>rule {index}</b>
        <span
          className="f-grip nodrag nopan"
          role="button"
          tabIndex={-1}
          title="Drag onto a Service on the canvas to add a backendRef to this rule"
          data-testid={`rule-grip-${rk}`}
          onPointerDown={(e) => startConnect(routeId, index, e)}
        >
          ⇢
        </span>
        <span className="f-spacer" />
        <Btn title="Move rule up" disabled={index === 0} onClick={() => void ed.run({ op: "moveRule", target: route, from: index, to: index - 1 })}>
          ↑
        </Btn>
        <Btn title="Move rule down" disabled={index === rules.length - 1} onClick={() => void ed.run({ op: "moveRule", target: route, from: index, to: index + 1 })}>
          ↓
        </Btn>
        <Btn title={`Remove rule ${index}`} danger testId={`rule-remove-${rk}`} onClick={() => void ed.run({ op: "removeRule", target: route, rule: index })}>
          ✕
        </Btn>
      </div>
      <TextField label="rule name" value={str(rule.name)} placeholder="(unnamed)" onCommit={(v) => void ed.set([...base, "name"], v)} />
      {hasMatches && (
        <div className="f-list">
          <div className="f-list-head">
            <span>matches {matches.length === 0 ? <span className="muted">(none: every request)</span> : matches.length > 1 ? <span className="muted">(any of them)</span> : null}</span>
            <Btn title="Add a match" testId={`match-add-${rk}`} onClick={() => void ed.run({ op: "addMatch", target: route, rule: index })}>
              +
            </Btn>
          </div>
          {matches.map((m, j) => (
            <MatchForm key={j} route={route} kind={kind} rule={index} index={j} match={m} />
          ))}
        </div>
      )}
      {hasMatches && (
        <div className="f-list">
          <div className="f-list-head">
            <span>filters</span>
            <select
              aria-label="Add a filter"
              data-testid={`filter-add-${rk}`}
              value=""
              onChange={(e) => e.target.value && void ed.run({ op: "addFilter", target: route, rule: index, filter: { type: e.target.value } })}
            >
              <option value="">+ filter…</option>
              {(FILTER_TYPES[kind] ?? []).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          {filters.map((f, j) => (
            <FilterForm key={j} route={route} kind={kind} rule={index} index={j} filter={f} />
          ))}
        </div>
      )}
      <BackendsForm route={route} rule={index} backends={recs(rule.backendRefs)} defaultPort={DEFAULT_PORT[kind] ?? 80} />
    </li>
  );
}
