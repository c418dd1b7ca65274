/**
 * The user's sample requests, re-evaluated on every edit (store/sync.ts): each shows where it goes
 * now, and is flagged when that changed with the last edit.
 */
import { useState } from "react";
import { useStore } from "../store";
import { describeRequest } from "./request";
import { destination, destinationChanged } from "./outcome";
import { addCurrentAsSample, openSample } from "./simulate";
import { modeOf } from "./modes";

export function Samples() {
  const samples = useStore((s) => s.samples);
  const removeSample = useStore((s) => s.removeSample);
  const [label, setLabel] = useState("");
  const changed = samples.filter((s) => destinationChanged(s.outcome, s.previous)).length;
  return (
    <section className="samples" data-testid="samples">
      <h3>
        Sample requests <span className="muted">({samples.length})</span>
        {changed > 0 && (
          <span className="changed-count" data-testid="samples-changed">
            {changed} changed by the last edit
          </span>
        )}
      </h3>
      <form
        className="sim-row"
        onSubmit={(e) => {
          e.preventDefault();
          void addCurrentAsSample(label);
          setLabel("");
        }}
      >
        <input className="grow" data-testid="sample-label" value={label} placeholder="label for the current request" onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" className="btn" data-testid="sample-add">
          Add current request
        </button>
      </form>
      {samples.length === 0 && <p className="muted">Keep requests here to see, after every edit, where each one goes.</p>}
      <ul className="sample-list">
        {samples.map((s) => {
          const moved = destinationChanged(s.outcome, s.previous);
          return (
            <li key={s.id} className={moved ? "moved" : ""} data-testid="sample" data-changed={moved} data-status={s.outcome?.statusCode ?? ""} data-backend={s.outcome?.backend ?? ""} data-grpc-status={s.outcome?.grpcStatus ?? ""} data-connection-error={s.outcome?.connectionError ? "true" : "false"} data-mode={modeOf(s.request)}>
              <button type="button" className="sample-open" title="Open in the form" onClick={() => openSample(s)}>
                <span className="sample-label">{s.label}</span>
                <span className="muted small">{describeRequest(s.request)}</span>
                <span className={`dest ${s.outcome && (s.outcome.statusCode >= 400 || s.outcome.connectionError) ? "bad" : ""}`}>{destination(s.outcome, s.request)}</span>
                {moved && <span className="was">was {destination(s.previous, s.request)}</span>}
              </button>
              <button type="button" className="icon" aria-label={`Remove sample ${s.label}`} title="Remove" onClick={() => removeSample(s.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
