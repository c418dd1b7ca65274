/**
 * Where the canvas looks: a new picture (a load, not an edit) opens readable — large
 * configurations with their biggest namespaces collapsed (suggestCollapsed), then fitted or started
 * at the first Gateway — while an edit keeps the user's view. A node selected elsewhere (editor,
 * panels) is brought into view; from a panel, its collapsed namespace is expanded first.
 */
import { useCallback, useEffect, useRef } from "react";
import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useStore } from "../store";
import { suggestCollapsed } from "../../src/graph/layout";
import type { Graph } from "../../src/graph";
import type { FlowEdge, FlowNode } from "./flowTypes";
import type { Flow } from "./toFlow";
import { initialViewport, onScreen, sameGraph } from "./viewport";

/**
 * Whether `next` is the same picture as `prev` (an edit) rather than a new one (a load). Snapshots
 * keep unchanged node objects, so a walk in step over both lists settles an edit without building
 * anything; only when the lists went out of step (nodes added or removed early on) are ids compared.
 */
function samePicture(prev: Graph["nodes"] | undefined, next: Graph["nodes"]): boolean {
  if (!prev) return false;
  if (prev === next) return true;
  let inStep = 0;
  const n = Math.min(prev.length, next.length);
  for (let i = 0; i < n; i++) if (prev[i] === next[i] || prev[i].id === next[i].id) inStep++;
  if (inStep >= 0.5 * Math.max(prev.length, next.length)) return true;
  const ids = new Set<string>();
  for (const x of prev) ids.add(x.id);
  return sameGraph(ids, next.map((x) => x.id), next.length);
}

/** Whether the snapshot drawn was laid out with the collapsed namespaces the view asks for (those the graph has). */
function laidOutAsAsked(): boolean {
  const { good, collapsed } = useStore.getState();
  if (!good) return true;
  const laid = good.collapsed ?? [];
  const wanted = new Set(collapsed);
  let n = 0;
  for (const g of good.graph.groups) if (wanted.has(g.namespace)) n++;
  return n === laid.length && laid.every((ns) => wanted.has(ns));
}

/** The namespace of a graph id (`Kind/ns/name`, `Listener/ns/gw/l`); "" when cluster-scoped. */
export function namespaceOfId(id: string, graph: Graph | undefined): string {
  const n = graph?.nodes.find((x) => x.id === id);
  return n ? n.namespace : "";
}

/** Returns `focus(id, onlyIfOffscreen)`: center the canvas on a graph node or what stands for it. */
export function useCanvasView(flow: Flow, graph: Graph | undefined): (id: string, onlyIfOffscreen?: boolean) => void {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const api = useStoreApi();
  const selected = useStore((s) => s.selected);
  const selectionOrigin = useStore((s) => s.selectionOrigin);
  const lastGraph = useRef<Graph | undefined>(undefined);
  const pendingView = useRef(false);
  const pendingFocus = useRef<string | null>(null);

  const focus = useCallback(
    (id: string, onlyIfOffscreen = false) => {
      const target = flow.byId.get(flow.rep.get(id) ?? id);
      if (!target || target.width === undefined || target.height === undefined) return;
      const { width, height, transform } = api.getState();
      const rect = { x: target.position.x, y: target.position.y, width: target.width, height: target.height };
      const vp = { x: transform[0], y: transform[1], zoom: transform[2] };
      if (onlyIfOffscreen && onScreen(rect, vp, width, height)) return;
      void rf.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: Math.max(vp.zoom, 0.8), duration: 250 });
    },
    [flow, rf, api],
  );

  // Selection made elsewhere: remember it; the flow effect below shows it once the flow has it.
  useEffect(() => {
    if (!selected || selectionOrigin === "canvas") return;
    const rep = flow.rep.get(selected);
    // A panel link is a request to see that object: open its namespace (then focus when the flow
    // has it). The editor's cursor only centers the summary: typing must not unfold namespaces.
    if (selectionOrigin === "panel" && rep && rep !== selected && rep.startsWith("Namespace/")) {
      const ns = namespaceOfId(selected, graph);
      if (ns && useStore.getState().collapsed.includes(ns)) {
        pendingFocus.current = selected;
        useStore.getState().toggleCollapsed(ns);
        return;
      }
    }
    focus(selected, true);
    // Flow and graph are read at selection time only; their changes are handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, selectionOrigin]);

  useEffect(() => {
    if (graph && graph !== lastGraph.current) {
      const isNew = !samePicture(lastGraph.current?.nodes, graph.nodes);
      lastGraph.current = graph;
      if (isNew) {
        pendingView.current = true;
        const st = useStore.getState();
        const namespaces = new Set(graph.groups.map((g) => g.namespace));
        if (!st.collapsed.some((ns) => namespaces.has(ns))) {
          // The worker usually collapsed them already (Engine.load's autoCollapse): adopt its choice,
          // this flow is the collapsed one. Otherwise suggest here and wait for that layout.
          const laid = st.good?.graph === graph ? (st.good.collapsed ?? []) : [];
          const suggested = laid.length ? new Set(laid) : suggestCollapsed(graph);
          if (suggested.size) {
            st.setCollapsed([...suggested]);
            if (!laid.length) return; // the collapsed flow comes next; its view is set then
          }
        }
      }
    }
    let frame = 0;
    const apply = () => {
      const { width, height } = api.getState();
      if (!width || !height) {
        frame = requestAnimationFrame(apply);
        return;
      }
      // The worker lays a collapse out asynchronously: until the drawn snapshot's layout has the
      // namespaces the view asks for, the flow is the picture before the collapse.
      if (!laidOutAsAsked()) return;
      if (pendingView.current && flow.nodes.length) {
        pendingView.current = false;
        const gw = flow.nodes.find((n) => n.type === "gateway" || n.type === "listenerset");
        const anchor = gw && gw.width !== undefined && gw.height !== undefined ? { ...gw.position, width: gw.width, height: gw.height } : undefined;
        void rf.setViewport(initialViewport(flow.bounds, width, height, anchor));
      }
      const id = pendingFocus.current;
      if (id && flow.byId.has(flow.rep.get(id) ?? id)) {
        pendingFocus.current = null;
        focus(id, true);
      }
    };
    apply();
    return () => cancelAnimationFrame(frame);
  }, [flow, graph, rf, api, focus]);

  return focus;
}
