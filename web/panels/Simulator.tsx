/** The Simulator tab: the request form, its outcome, and the sample list. */
import { useDeferredValue } from "react";
import { useStore } from "../store";
import { RequestForm } from "./RequestForm";
import { OutcomeView } from "./OutcomeView";
import { Samples } from "./Samples";
import "./simulator.css";

export function Simulator() {
  // Each pause in typing re-runs the request: its outcome (a long trace, at times) is drawn in a
  // deferred render, in slices, so it never holds up the editor (OutcomeView is memoised).
  const outcome = useDeferredValue(useStore((s) => s.outcome));
  const hasGateways = useStore((s) => (s.good?.gateways.length ?? 0) > 0);
  const mesh = useStore((s) => !!s.request.mesh);
  return (
    <div className="panel-body simulator">
      <RequestForm />
      {!hasGateways && !mesh && <p className="muted">The configuration has no Gateway to send a request to (a mesh call needs none: choose Mesh above).</p>}
      {outcome && <OutcomeView outcome={outcome} />}
      <Samples />
    </div>
  );
}
