/**
 * The Status tab: every resource's computed conditions as one table (problems first), the
 * controller's assumptions, and all diagnostics. Rows select their object.
 */
import { useMemo, useState } from "react";
import { useStore } from "../store";
import { refKey } from "../../src/model/ids";
import { conditionHealth } from "../../src/graph/health";
import type { Condition, ResourceStatus } from "../../src/model/status";
import { Diagnostics } from "./Diagnostics";
import { NodeLink } from "./NodeLink";

interface Row {
  id: string;
  scope: string;
  c: Condition;
  health: "ok" | "warning" | "error";
}

const ORDER = { error: 0, warning: 1, ok: 2 } as const;
const MAX_ROWS = 1000;

/** One row per condition, on the object itself, per parent, per ancestor and per listener. */
export function conditionRows(statuses: ResourceStatus[]): Row[] {
  const rows: Row[] = [];
  for (const s of statuses) {
    const id = refKey(s);
    const add = (scope: string, list: Condition[] | undefined) => list?.forEach((c) => rows.push({ id, scope, c, health: conditionHealth(c) }));
    add("", s.conditions);
    s.parents?.forEach((p) => add(`parent ${p.parentRef}`, p.conditions));
    s.ancestors?.forEach((p) => add(`ancestor ${p.parentRef}`, p.conditions));
    s.listeners?.forEach((l) => add(`listener ${l.name}`, l.conditions));
  }
  // Stable sort: problems first, each group in the configuration's order.
  return rows.sort((a, b) => ORDER[a.health] - ORDER[b.health]);
}

export function StatusTab() {
  const good = useStore((s) => s.good);
  const diagnostics = useStore((s) => s.diagnostics);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const rows = useMemo(() => conditionRows(good?.status ?? []), [good]);
  const shown = problemsOnly ? rows.filter((r) => r.health !== "ok") : rows;
  const problems = rows.filter((r) => r.health !== "ok").length;
  return (
    <div className="panel-body status-tab">
      <section>
        <h3>
          Conditions <span className="muted">({problems} not healthy of {rows.length})</span>
        </h3>
        <label className="small">
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> only problems
        </label>
        <table className="status-table" data-testid="status-table">
          <thead>
            <tr>
              <th>Object</th>
              <th>Condition</th>
              <th>Reason / message</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((r, i) => (
              <tr key={i} className={r.health}>
                <td>
                  <NodeLink id={r.id} />
                  {r.scope && <div className="muted small">{r.scope}</div>}
                </td>
                <td>
                  {r.c.type}={r.c.status}
                </td>
                <td>
                  <b>{r.c.reason}</b>
                  {r.c.message && <div className="small">{r.c.message}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > MAX_ROWS && <p className="muted small">…and {shown.length - MAX_ROWS} more rows</p>}
      </section>
      <section>
        <h3>
          Assumptions <span className="muted">({good?.assumptions.length ?? 0})</span>
        </h3>
        {good?.assumptions.length ? (
          <ul className="plain" data-testid="assumptions">
            {good.assumptions.map((a, i) => (
              <li key={i}>
                {a.message}{" "}
                {a.refs.map((r) => (
                  <NodeLink key={r} id={r} />
                ))}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">The controller assumed nothing the configuration does not say.</p>
        )}
      </section>
      <section>
        <h3>
          Diagnostics <span className="muted">({diagnostics.length})</span>
        </h3>
        <Diagnostics diagnostics={diagnostics} />
      </section>
    </div>
  );
}
