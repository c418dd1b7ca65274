/**
 * The flow the canvas draws, derived from the store: the last good snapshot, the filters and the
 * collapsed namespaces. The previous result is handed to toFlow so unchanged objects are reused.
 */
import { useMemo, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "../store";
import { toFlow, type Flow } from "./toFlow";

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
  return useMemo(() => {
    const t0 = performance.now();
    const f = good ? toFlow({ graph: good.graph, positions: good.positions, view: { hiddenNamespaces, hiddenKinds, collapsed } }, prev.current) : toFlow({ graph: { nodes: [], edges: [], groups: [] }, positions: {}, view: { hiddenNamespaces, hiddenKinds, collapsed } });
    lastToFlowMs = performance.now() - t0;
    prev.current = f;
    current = f;
    return f;
  }, [good, hiddenNamespaces, hiddenKinds, collapsed]);
}

let lastToFlowMs = 0;

/** Milliseconds the last toFlow took (for the performance figures). */
export function toFlowMs(): number {
  return lastToFlowMs;
}
