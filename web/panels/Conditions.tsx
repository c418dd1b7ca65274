/** A list of status conditions, coloured by health (False is bad, except for abnormal-true types). */
import type { Condition } from "../../src/model/status";
import { conditionHealth } from "../../src/graph/health";

export function Conditions({ conditions }: { conditions: Condition[] }) {
  if (!conditions.length) return <p className="muted small">no conditions</p>;
  return (
    <ul className="conditions">
      {conditions.map((c, i) => (
        <li key={i} className={`cond ${conditionHealth(c)}`} data-testid="condition">
          <span className="cond-head">
            <b>{c.type}</b>={c.status} <span className="reason">{c.reason}</span>
          </span>
          {c.message && <span className="cond-msg">{c.message}</span>}
        </li>
      ))}
    </ul>
  );
}
