/**
 * The graph canvas: the last good snapshot drawn with React Flow at the layout's positions.
 * Scale: only visible elements are rendered, node components are memo'd and read narrow selectors,
 * node objects are reused across snapshots (toFlow), and how much a node shows depends on the zoom
 * through one attribute on the container (CSS), so zooming re-renders nothing.
 */
import { useCallback, useLayoutEffect, useRef } from "react";
import { Background, Controls, Panel, ReactFlow, ReactFlowProvider, useStore as useFlowStore, type Node, type Edge } from "@xyflow/react";
import { useStore } from "../store";
import type { FlowEdge, FlowNode } from "./flowTypes";
import { edgeTypes, nodeTypes } from "./nodeTypes";
import { FilterBar } from "./FilterBar";
import { Minimap } from "./Minimap";
import { HoverCard, setHover } from "./HoverCard";
import { measureCommit, useFlow } from "./useFlow";
import { useCanvasView } from "./useCanvasView";
import { detailAt, MAX_ZOOM, MIN_ZOOM } from "./viewport";
import { ConnectLayer } from "./ConnectLayer";
import { Palette } from "./Palette";
import { LiveFlow, liveEdge, liveNode, Shapes } from "./liveFlow";
import "./canvas.css";
import "./edit.css";

function CanvasInner() {
  const flow = useFlow();
  const stale = useStore((s) => s.stale);
  const theme = useStore((s) => s.theme);
  const hasGraph = useStore((s) => !!s.good && s.good.graph.nodes.length > 0);
  const detail = useFlowStore((s) => detailAt(s.transform[2]));
  const graph = useStore((s) => s.good?.graph);
  const version = useStore((s) => s.good?.version ?? 0);
  const focus = useCanvasView(flow, graph);
  useLayoutEffect(measureCommit, [flow]);
  // React Flow keeps its arrays while only data changes (liveFlow.ts); handlers read the flow's own.
  const shapes = useRef<{ nodes: Shapes<FlowNode>; edges: Shapes<FlowEdge> } | null>(null);
  shapes.current ??= { nodes: new Shapes(), edges: new Shapes() };
  const flowNow = useRef(flow);
  flowNow.current = flow;

  const onNodeClick = useCallback((_: React.MouseEvent, n: Node) => {
    const f = liveNode(flowNow.current, n.id) ?? (n as FlowNode);
    if (f.type === "nsgroup") return;
    useStore.getState().selectEdge(null);
    if (f.type === "summary") useStore.getState().toggleCollapsed(f.data.namespace);
    else useStore.getState().select(f.id, "canvas");
  }, []);
  const onEdgeClick = useCallback((_: React.MouseEvent, e: Edge) => {
    const d = (liveEdge(flowNow.current, e.id) ?? (e as FlowEdge)).data;
    const from = d?.from;
    if (from && !from.startsWith("Namespace/")) useStore.getState().select(from, "canvas");
    // The selected edge: Delete removes its references; its tools (weights, remove) show on it.
    if (d) useStore.getState().selectEdge({ from: d.from, to: d.to, refs: d.refs });
  }, []);
  const onPaneClick = useCallback(() => {
    useStore.getState().select(null, "canvas");
    useStore.getState().selectEdge(null);
  }, []);
  const onEnter = useCallback((ev: React.MouseEvent, n: Node) => {
    const f = liveNode(flowNow.current, n.id) ?? (n as FlowNode);
    if (f.type === "nsgroup" || f.type === "summary") return;
    const r = (ev.currentTarget as HTMLElement).getBoundingClientRect();
    setHover({ g: f.data.g, x: r.left, y: r.bottom });
  }, []);
  const onLeave = useCallback(() => setHover(null), []);

  return (
    <div className={`sy-canvas${stale ? " sy-stale" : ""}`} data-testid="canvas" data-detail={detail} data-stale={stale} data-version={version}>
      <LiveFlow.Provider value={flow}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={shapes.current.nodes.of(flow.nodes)}
          edges={shapes.current.edges.of(flow.edges)}
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
          {/* Zoomed far out the dots are noise, and a dense pattern is costly to paint on every frame of a pan. */}
          {detail !== "far" && <Background gap={24} size={1} />}
          <Panel position="bottom-right">
            <Minimap flow={flow} theme={theme} />
          </Panel>
          <Controls showInteractive={false} />
          <Panel position="top-left">
            <FilterBar focus={focus} />
          </Panel>
          <Panel position="top-right">
            <Palette />
          </Panel>
          <ConnectLayer />
        </ReactFlow>
      </LiveFlow.Provider>
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
