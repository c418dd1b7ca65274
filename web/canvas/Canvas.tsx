/**
 * The graph canvas: the last good snapshot drawn with React Flow at the layout's positions.
 * Scale: only visible elements are rendered, node components are memo'd and read narrow selectors,
 * node objects are reused across snapshots (toFlow), and how much a node shows depends on the zoom
 * through one attribute on the container (CSS), so zooming re-renders nothing.
 */
import { useCallback, useEffect, useRef } from "react";
import { Background, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore as useFlowStore, useStoreApi, type Node, type Edge } from "@xyflow/react";
import { useStore } from "../store";
import type { FlowEdge, FlowNode } from "./flowTypes";
import { edgeTypes, nodeTypes } from "./nodeTypes";
import { FilterBar } from "./FilterBar";
import { HoverCard, setHover } from "./HoverCard";
import { useFlow } from "./useFlow";
import { detailAt, initialViewport, MAX_ZOOM, MIN_ZOOM, onScreen, sameGraph } from "./viewport";
import "./canvas.css";

function minimapClass(n: Node): string {
  const f = n as FlowNode;
  if (f.type === "nsgroup") return "sy-mm-group";
  if (f.type === "summary") return `sy-mm-summary sy-mm-${f.data.level}`;
  return `sy-mm-${f.data.g.status.level}`;
}

function CanvasInner() {
  const flow = useFlow();
  const stale = useStore((s) => s.stale);
  const theme = useStore((s) => s.theme);
  const selected = useStore((s) => s.selected);
  const selectionOrigin = useStore((s) => s.selectionOrigin);
  const hasGraph = useStore((s) => !!s.good && s.good.graph.nodes.length > 0);
  const detail = useFlowStore((s) => detailAt(s.transform[2]));
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const api = useStoreApi();
  const shown = useRef<Map<string, unknown> | undefined>(undefined);

  // A new picture (a load, not an edit) gets a fresh view; an edit keeps the user's.
  useEffect(() => {
    if (sameGraph(shown.current, flow.byId.keys(), flow.byId.size)) {
      shown.current = flow.byId;
      return;
    }
    shown.current = flow.byId;
    if (!flow.nodes.length) return;
    let frame = 0;
    const apply = () => {
      const { width, height } = api.getState();
      if (!width || !height) {
        frame = requestAnimationFrame(apply);
        return;
      }
      void rf.setViewport(initialViewport(flow.bounds, width, height));
    };
    apply();
    return () => cancelAnimationFrame(frame);
  }, [flow, rf, api]);

  /** Center on a graph node (or what stands for it: its collapsed namespace, its gateway). */
  const focus = useCallback(
    (id: string, onlyIfOffscreen = false) => {
      const f = flow;
      const target = f.byId.get(f.rep.get(id) ?? id);
      if (!target || target.width === undefined || target.height === undefined) return;
      const { width, height, transform } = api.getState();
      const rect = { x: target.position.x, y: target.position.y, width: target.width, height: target.height };
      const vp = { x: transform[0], y: transform[1], zoom: transform[2] };
      if (onlyIfOffscreen && onScreen(rect, vp, width, height)) return;
      void rf.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: Math.max(vp.zoom, 0.8), duration: 250 });
    },
    [flow, rf, api],
  );

  // Selection made elsewhere (editor cursor, panels): bring the node into view.
  useEffect(() => {
    if (selected && selectionOrigin !== "canvas") focus(selected, true);
  }, [selected, selectionOrigin, focus]);

  const onNodeClick = useCallback((_: React.MouseEvent, n: Node) => {
    const f = n as FlowNode;
    if (f.type === "nsgroup") return;
    if (f.type === "summary") useStore.getState().toggleCollapsed(f.data.namespace);
    else useStore.getState().select(f.id, "canvas");
  }, []);
  const onEdgeClick = useCallback((_: React.MouseEvent, e: Edge) => {
    const from = (e as FlowEdge).data?.from;
    if (from && !from.startsWith("Namespace/")) useStore.getState().select(from, "canvas");
  }, []);
  const onPaneClick = useCallback(() => useStore.getState().select(null, "canvas"), []);
  const onEnter = useCallback((ev: React.MouseEvent, n: Node) => {
    const f = n as FlowNode;
    if (f.type === "nsgroup" || f.type === "summary") return;
    const r = (ev.currentTarget as HTMLElement).getBoundingClientRect();
    setHover({ g: f.data.g, x: r.left, y: r.bottom });
  }, []);
  const onLeave = useCallback(() => setHover(null), []);

  return (
    <div className={`sy-canvas${stale ? " sy-stale" : ""}`} data-testid="canvas" data-detail={detail} data-stale={stale}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        elevateNodesOnSelect={false}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onNodeMouseEnter={onEnter}
        onNodeMouseLeave={onLeave}
        onMoveStart={onLeave}
        colorMode={theme}
      >
        <Background gap={24} size={1} />
        <MiniMap pannable zoomable nodeClassName={minimapClass} nodeStrokeWidth={0} ariaLabel="Graph overview" />
        <Controls showInteractive={false} />
        <Panel position="top-left">
          <FilterBar focus={focus} />
        </Panel>
      </ReactFlow>
      {!hasGraph ? <div className="sy-empty">No Gateway API objects yet: paste YAML in the editor or pick an example.</div> : null}
      {stale ? (
        <div className="sy-stale-banner" data-testid="canvas-stale" role="status">
          YAML has errors — showing the last valid graph
        </div>
      ) : null}
      <HoverCard />
    </div>
  );
}

/** The graph canvas (App.tsx places it in the middle pane). */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}
