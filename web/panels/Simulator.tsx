/** The Simulator tab: the request form, its outcome, and the sample list. */
import { useStore } from "../store";
import { RequestForm } from "./RequestForm";
import { OutcomeView } from "./OutcomeView";
import { Samples } from "./Samples";
import "./simulator.css";

export function Simulator() {
  const outcome = useStore((s) => s.outcome);
  const hasGateways = useStore((s) => (s.good?.gateways.length ?? 0) > 0);
  return (
    <div className="panel-body simulator">
      <RequestForm />
      {!hasGateways && <p className="muted">The configuration has no Gateway to send a request to.</p>}
      {outcome && <OutcomeView outcome={outcome} />}
      <Samples />
    </div>
  );
}
