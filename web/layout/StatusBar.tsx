/** One line at the bottom: resource and problem counts, and how long the last update took. */
import { useStore } from "../store";
import { ClusterStatus } from "../cluster/ClusterStatus";

export function StatusBar() {
  const good = useStore((s) => s.good);
  const diagnostics = useStore((s) => s.diagnostics);
  const stale = useStore((s) => s.stale);
  const busy = useStore((s) => s.busy);
  const ms = useStore((s) => s.lastLoadMs);
  const simulated = useStore((s) => s.simulatedVersion);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  return (
    <footer className="statusbar" data-testid="statusbar" data-simulated={simulated}>
      <span>{good ? `${good.graph.nodes.length} nodes · ${good.graph.edges.length} edges` : "no configuration"}</span>
      <span className={errors ? "bad" : ""}>{errors} errors</span>
      <span className={warnings ? "warn" : ""}>{warnings} warnings</span>
      {stale && <span className="bad">YAML does not parse: showing the last good graph</span>}
      <span className="spacer" />
      <span>{busy ? "updating…" : `updated in ${ms.toFixed(0)} ms`}</span>
      <ClusterStatus />
      <span className="badge">simulated controller</span>
    </footer>
  );
}
