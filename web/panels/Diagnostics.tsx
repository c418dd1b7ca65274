/** Diagnostics as a clickable list: a click selects the object concerned (the editor reveals it). */
import type { Diagnostic } from "../../src/model/diagnostic";
import { refKey } from "../../src/model/ids";
import { useStore } from "../store";

export function Diagnostics({ diagnostics, limit = 500 }: { diagnostics: Diagnostic[]; limit?: number }) {
  const select = useStore((s) => s.select);
  if (!diagnostics.length) return <p className="muted small">none</p>;
  const shown = diagnostics.slice(0, limit);
  return (
    <>
      <ul className="diagnostics" data-testid="diagnostics">
        {shown.map((d, i) => (
          <li key={i} className={`diag ${d.severity}`}>
            <button type="button" className="link" disabled={!d.resource} onClick={() => d.resource && select(refKey(d.resource), "panel")} title={d.resource ? `Select ${refKey(d.resource)}` : undefined}>
              <span className="sev">{d.severity}</span>
              <span className="where">
                {d.file}:{d.line}:{d.column}
              </span>
              <span className="msg">{d.message}</span>
              <span className="code muted">{d.code}</span>
            </button>
          </li>
        ))}
      </ul>
      {diagnostics.length > limit && <p className="muted small">…and {diagnostics.length - limit} more</p>}
    </>
  );
}
