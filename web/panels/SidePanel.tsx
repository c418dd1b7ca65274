/**
 * The side panel: Inspector / Simulator / Status tabs (view.panel). It also keeps the canvas's lit
 * path in step with the simulated outcome, whichever tab is open.
 */
import { useEffect } from "react";
import { useStore } from "../store";
import type { PanelTab } from "../store";
import { Inspector } from "./Inspector";
import { Simulator } from "./Simulator";
import { StatusTab } from "./StatusTab";
import { ClusterPanel } from "../cluster/ClusterPanel";
import { litPathOf } from "./outcome";
import { indexOf } from "./snapshotIndex";
import type { Diagnostic } from "../../src/model/diagnostic";
import "./panels.css";

export const TABS: { id: PanelTab; label: string }[] = [
  { id: "inspector", label: "Inspector" },
  { id: "simulator", label: "Simulator" },
  { id: "status", label: "Status" },
];

/**
 * The request's path on the canvas follows the outcome (and the graph it was computed on), while
 * the Simulator tab is open: elsewhere the user inspects the configuration, and a dimmed canvas
 * would hide what they look at.
 */
function useLitPath(): void {
  const outcome = useStore((s) => s.outcome);
  const good = useStore((s) => s.good);
  const simulating = useStore((s) => s.panel === "simulator");
  const setLitPath = useStore((s) => s.setLitPath);
  useEffect(() => {
    const { request, litPath } = useStore.getState();
    const next = simulating ? litPathOf(request, outcome, indexOf(good).nodes) : [];
    if (next.length !== litPath.length || next.some((id, i) => id !== litPath[i])) setLitPath(next);
  }, [outcome, good, simulating, setLitPath]);
}

const errorCounts = new WeakMap<Diagnostic[], number>();
/** Errors in a diagnostics list, counted once per list (the selector runs on every store change). */
function errorCount(list: Diagnostic[]): number {
  let n = errorCounts.get(list);
  if (n === undefined) errorCounts.set(list, (n = list.reduce((k, d) => k + (d.severity === "error" ? 1 : 0), 0)));
  return n;
}

function ProblemCount() {
  const n = useStore((s) => errorCount(s.diagnostics));
  return n ? <span className="tab-count bad">{n}</span> : null;
}

/** The Cluster tab, added in cluster mode. */
const CLUSTER_TAB: { id: PanelTab; label: string } = { id: "cluster", label: "Cluster" };

export function SidePanel() {
  const panel = useStore((s) => s.panel);
  const setPanel = useStore((s) => s.setPanel);
  const clusterMode = useStore((s) => s.cluster !== null);
  const tabs = clusterMode ? [...TABS, CLUSTER_TAB] : TABS;
  useLitPath();
  return (
    <div className="side-panel">
      <div className="tabs" role="tablist" aria-label="Side panel">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`panel-tab-${t.id}`}
            data-testid={`panel-tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls="side-panel-body"
            title={`${t.label} (Alt+${i + 1})`}
            onClick={() => setPanel(t.id)}
          >
            {t.label}
            {t.id === "status" && <ProblemCount />}
          </button>
        ))}
      </div>
      <div id="side-panel-body" role="tabpanel" aria-labelledby={`panel-tab-${panel}`} className="side-panel-scroll">
        {panel === "inspector" && <Inspector />}
        {panel === "simulator" && <Simulator />}
        {panel === "status" && <StatusTab />}
        {panel === "cluster" && <ClusterPanel />}
      </div>
    </div>
  );
}
