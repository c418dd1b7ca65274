/**
 * The flow the canvas draws, derived from the store: the last good snapshot, the filters and the
 * collapsed namespaces. The previous result is handed to toFlow so unchanged objects are reused.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "../store";
import { toFlow, type Flow } from "./toFlow";
import { collapsedPositions, effectiveCollapsed } from "./collapsedLayout";
import type { LayoutResult } from "../../src/graph/layout";

const NONE: string[] = [];

/** The latest flow drawn, for exports and tests that need what is on the canvas. */
let current: Flow | null = null;

export function currentFlow(): Flow | null {
  return current;
}

export function useFlow(): Flow {
  const good = useStore((s) => s.good);
  const { hiddenNamespaces, hiddenKinds } = useStore(useShallow((s) => ({ hiddenNamespaces: s.filters.hiddenNamespaces, hiddenKinds: s.filters.hiddenKinds })));
  const collapsed = useStore((s) => s.collapsed);
  const prev = useRef<Flow | undefined>(undefined);
  // The selection and the request's path keep their own lines out of bundles; without bundles they
  // do not change the flow, so they are not read (a click then costs no toFlow).
  const [fans, setFans] = useState(false);
  const selected = useStore((s) => (fans ? s.selected : null));
  const litPath = useStore((s) => (fans ? s.litPath : NONE));
  const prevLayout = useRef<LayoutResult | undefined>(undefined);
  // With namespaces collapsed, the picture is laid out again here (see collapsedLayout.ts).
  const positions = useMemo(() => {
    layoutStartedAt = performance.now();
    if (!good) return {};
    const eff = effectiveCollapsed(good.graph, collapsed);
    if (!eff.size) {
      prevLayout.current = undefined;
      return good.positions;
    }
    const r = collapsedPositions(good.graph, eff, prevLayout.current);
    prevLayout.current = r.layout;
    return r.positions;
  }, [good, collapsed]);
  const flow = useMemo(() => {
    const t0 = performance.now();
    const view = { hiddenNamespaces, hiddenKinds, collapsed, focus: selected ? [selected, ...litPath] : litPath };
    const f = good ? toFlow({ graph: good.graph, positions, view }, prev.current) : toFlow({ graph: { nodes: [], edges: [], groups: [] }, positions: {}, view });
    lastToFlowMs = performance.now() - t0;
    // The main-thread layout (collapsed namespaces), when it ran for this flow, counts too.
    flowStartedAt = layoutStartedAt || t0;
    layoutStartedAt = 0;
    prev.current = f;
    current = f;
    return f;
  }, [good, positions, hiddenNamespaces, hiddenKinds, collapsed, selected, litPath]);
  // Start (or stop) reading the selection once the flow has (or no longer has) bundles.
  useEffect(() => setFans(flow.fans), [flow.fans]);
  return flow;
}

let lastToFlowMs = 0;
let flowStartedAt = 0;
let layoutStartedAt = 0;

/**
 * Record, as the performance measure `canvas:update`, the time from the start of the last toFlow (or
 * of the main-thread layout that preceded it) to now (call it when React has committed that flow):
 * the canvas's own share of a redraw, which the
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
