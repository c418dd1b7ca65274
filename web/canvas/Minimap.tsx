/**
 * The overview in the corner, drawn on a <canvas>: React Flow's MiniMap renders one SVG element per
 * node, which at thousands of nodes costs more than the graph itself. Here the nodes are painted
 * once per flow (into an offscreen bitmap) and panning only repaints the viewport frame. Click or
 * drag to move the view; the wheel zooms around the pointed place.
 */
import { memo, useEffect, useRef } from "react";
import { useReactFlow, useStore as useFlowStore, useStoreApi } from "@xyflow/react";
import type { Flow } from "./toFlow";
import type { FlowEdge, FlowNode } from "./flowTypes";

const W = 200;
const H = 150;
const PAD = 6;

interface Mapping {
  scale: number;
  ox: number;
  oy: number;
}

function mappingOf(b: Flow["bounds"]): Mapping {
  const scale = Math.min((W - 2 * PAD) / Math.max(b.width, 1), (H - 2 * PAD) / Math.max(b.height, 1));
  return { scale, ox: PAD + (W - 2 * PAD - b.width * scale) / 2 - b.x * scale, oy: PAD + (H - 2 * PAD - b.height * scale) / 2 - b.y * scale };
}

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** What the minimap paints of a node: its box, or its health's colour (null: nothing, a port). */
function levelOf(n: FlowNode): string | null {
  return n.type === "nsgroup" ? "box" : n.type === "summary" ? n.data.level : n.data.port ? null : n.data.g.status.level;
}

/**
 * Whether two node lists paint the same minimap: an edit that changes what nodes say (a hostname,
 * a match) but not where they are or their health paints nothing new (walked in step, by identity first).
 */
export function samePaint(a: readonly FlowNode[], b: readonly FlowNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.position.x !== y.position.x || x.position.y !== y.position.y || x.width !== y.width || x.height !== y.height || levelOf(x) !== levelOf(y)) return false;
  }
  return true;
}

/** Paint every node of the flow into a bitmap the size of the minimap (device pixels). */
function paintNodes(flowNodes: readonly FlowNode[], m: Mapping, el: Element, dpr: number): HTMLCanvasElement {
  const c = document.createElement("canvas");
  c.width = W * dpr;
  c.height = H * dpr;
  const ctx = c.getContext("2d");
  if (!ctx) return c;
  ctx.scale(dpr, dpr);
  const colors = { ok: cssVar(el, "--sy-edge", "#8a96a6"), warning: cssVar(el, "--warn", "#b7791f"), error: cssVar(el, "--bad", "#c53030"), box: cssVar(el, "--border", "#d5dbe3") };
  for (const n of flowNodes) {
    const x = n.position.x * m.scale + m.ox;
    const y = n.position.y * m.scale + m.oy;
    const w = Math.max(1, (n.width ?? 0) * m.scale);
    const h = Math.max(1, (n.height ?? 0) * m.scale);
    if (n.type === "nsgroup") {
      ctx.strokeStyle = colors.box;
      ctx.strokeRect(x, y, w, h);
      continue;
    }
    const level = levelOf(n) as "ok" | "warning" | "error" | null;
    if (!level) continue; // ports sit inside their gateway
    ctx.fillStyle = colors[level];
    ctx.fillRect(x, y, w, h);
  }
  return c;
}

export const Minimap = memo(function Minimap({ flow, theme }: { flow: Flow; theme: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const nodes = useRef<HTMLCanvasElement | null>(null);
  const m = useRef<Mapping>(mappingOf(flow.bounds));
  // Read once per theme: reading a style while panning forces a style recalculation every frame.
  const accent = useRef("#2f6fde");
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const api = useStoreApi();
  const transform = useFlowStore((s) => s.transform);
  const size = useFlowStore((s) => `${s.width}x${s.height}`);

  // Painted again only when what it paints changed (samePaint): most edits change none of it.
  const painted = useRef(flow.nodes);
  if (!samePaint(painted.current, flow.nodes)) painted.current = flow.nodes;
  const drawnNodes = painted.current;
  const bounds = flow.bounds;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    m.current = mappingOf(bounds);
    accent.current = cssVar(el, "--accent", "#2f6fde");
    nodes.current = paintNodes(drawnNodes, m.current, el, window.devicePixelRatio || 1);
  }, [drawnNodes, bounds, theme]);

  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (el.width !== W * dpr) {
      el.width = W * dpr;
      el.height = H * dpr;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, el.width, el.height);
    if (nodes.current) ctx.drawImage(nodes.current, 0, 0);
    ctx.scale(dpr, dpr);
    const { width, height } = api.getState();
    const [tx, ty, zoom] = transform;
    const mm = m.current;
    // The visible part of the graph, in graph coordinates, mapped into the minimap.
    const x = (-tx / zoom) * mm.scale + mm.ox;
    const y = (-ty / zoom) * mm.scale + mm.oy;
    ctx.strokeStyle = accent.current;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x, y, (width / zoom) * mm.scale, (height / zoom) * mm.scale);
  }, [transform, size, drawnNodes, bounds, api, theme]);

  const moveTo = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const mm = m.current;
    const gx = (e.clientX - r.left - mm.ox) / mm.scale;
    const gy = (e.clientY - r.top - mm.oy) / mm.scale;
    void rf.setCenter(gx, gy, { zoom: api.getState().transform[2] });
  };

  return (
    <canvas
      ref={ref}
      className="sy-minimap nopan nowheel"
      data-testid="canvas-minimap"
      aria-label="Graph overview: click or drag to move the view"
      style={{ width: W, height: H }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) moveTo(e);
      }}
      onWheel={(e) => {
        const z = api.getState().transform[2];
        void rf.zoomTo(Math.min(2, Math.max(0.05, z * (e.deltaY < 0 ? 1.2 : 1 / 1.2))));
      }}
    />
  );
});
