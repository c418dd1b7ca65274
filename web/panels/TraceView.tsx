/** The matcher's decisions, step by step; every object a step names is a link to its node. */
import { memo } from "react";
import type { TraceStep } from "../../src/model/outcome";
import { NodeLink } from "./NodeLink";

export const TraceView = memo(function TraceView({ steps }: { steps: TraceStep[] }) {
  if (!steps.length) return null;
  return (
    <div className="kv-block">
      <h4>Trace</h4>
      <ol className="trace" data-testid="sim-trace">
        {steps.map((t, i) => (
          <li key={i}>
            <span className={`step step-${t.step}`}>{t.step}</span>
            <span className="detail">{t.detail}</span>
            {t.refs.length > 0 && (
              <span className="refs">
                {t.refs.map((r) => (
                  <NodeLink key={r} id={r} />
                ))}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
});
