/**
 * The flow the canvas draws, derived from the store: the last good snapshot and the filters. The
 * collapsed namespaces are the ones the snapshot's positions were laid out with (the worker lays the
 * picture out again when the view's `collapsed` changes, see store/sync.ts): drawing other ones
 * would need positions nobody computed. The previous result is handed to toFlow so unchanged
 * objects are reused.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "../store";
import { toFlow, type Flow } from "./toFlow";

const NONE: string[] = [];

/** The latest flow drawn, for exports and tests that need what is on the canvas. */
let current: Flow | null = null;

export function currentFlow(): Flow | null {
  return current;
}

export function useFlow(): Flow {
  const good = useStore((s) => s.good);
  const { hiddenNamespaces, hiddenKinds } = useStore(useShallow((s) => ({ hiddenNamespaces: s.filters.hiddenNamespaces, hiddenKinds: s.filters.hiddenKinds })));
  const collapsed = good?.collapsed ?? NONE;
  const prev = useRef<Flow | undefined>(undefined);
  // The selection and the request's path keep their own lines out of bundles; without bundles they
  // do not change the flow, so they are not read (a click then costs no toFlow).
  const [fans, setFans] = useState(false);
  const selected = useStore((s) => (fans ? s.selected : null));
  const litPath = useStore((s) => (fans ? s.litPath : NONE));
  const graph = good?.graph;
  const positions = good?.positions;
  const flow = useMemo(() => {
    const t0 = performance.now();
    const view = { hiddenNamespaces, hiddenKinds, collapsed, focus: selected ? [selected, ...litPath] : litPath };
    const f = graph && positions ? toFlow({ graph, positions, view }, prev.current) : toFlow({ graph: { nodes: [], edges: [], groups: [] }, positions: {}, view });
    lastToFlowMs = performance.now() - t0;
    flowStartedAt = t0;
    prev.current = f;
    current = f;
    return f;
    // Keyed on the parts toFlow reads: a snapshot that changed neither (statuses, spans…) costs nothing here.
  }, [graph, positions, hiddenNamespaces, hiddenKinds, collapsed, selected, litPath]);
  // Start (or stop) reading the selection once the flow has (or no longer has) bundles.
  useEffect(() => setFans(flow.fans), [flow.fans]);
  return flow;
}

let lastToFlowMs = 0;
let flowStartedAt = 0;

/**
 * Record, as the performance measure `canvas:update`, the time from the start of the last toFlow to
 * now (call it when React has committed that flow): the canvas's own share of a redraw, which the
 * benchmarks and e2e figures read with `performance.getEntriesByName("canvas:update")`.
 */
export function measureCommit(): void {
  if (flowStartedAt && typeof performance.measure === "function") {
    performance.measure("canvas:update", { start: flowStartedAt, detail: { toFlowMs: lastToFlowMs } });
    flowStartedAt = 0;
  }
}

/** Milliseconds the last toFlow took (for the performance figures). */
export function toFlowMs(): number {
  return lastToFlowMs;
}
