/**
 * Snapshot → React Flow nodes and edges, pure. Positions come from the layout (snapshot.positions);
 * filters and collapsed namespaces are applied here, on the main thread, so toggling them needs no
 * round trip to the worker. Objects of the previous result are reused by id when what they draw did
 * not change: an edit that touches one route gives React Flow one new node, not thousands.
 */
import { Position, type NodeHandle } from "@xyflow/react";
import type { Graph } from "../../src/graph";
import { GROUP_HEADER, SUMMARY_SIZE } from "../../src/graph/layoutTypes";
import type { Positioned } from "../worker/protocol";
import type { FlowEdge, FlowNode, GroupNode, ResourceNode, SummaryNode } from "./flowTypes";
import { groupNodeId, summaryId } from "./flowTypes";
import { geometry } from "./geometry";
import { flowEdges, type EdgeIndex } from "./flowEdges";
import { sameGraphNode } from "./same";
import { groupTestId, nodeTestId, summaryTestId } from "./testids";
import { visibility, type ViewOptions } from "./visibility";
import { patchFlow, type FlowMemo } from "./patchFlow";

export type { ViewOptions } from "./visibility";

export interface FlowInput {
  graph: Graph;
  positions: Record<string, Positioned>;
  view: ViewOptions;
}

export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Drawn node by id (groups included). */
  byId: Map<string, FlowNode>;
  /** Drawn edges by their ends (referring end first). */
  edgeIndex: EdgeIndex;
  /** Some fans are large enough to bundle: the selection and the request's path then matter to toFlow. */
  fans: boolean;
  /** Graph node id → id of the drawn node standing for it (itself, a summary, its owner). */
  rep: Map<string, string>;
  /** Extent of everything drawn. */
  bounds: { x: number; y: number; width: number; height: number };
  /** What the next toFlow needs to patch this flow after an edit (patchFlow.ts); internal. */
  memo?: FlowMemo;
}

const EMPTY: Flow = { nodes: [], edges: [], byId: new Map(), edgeIndex: new Map(), fans: false, rep: new Map(), bounds: { x: 0, y: 0, width: 0, height: 0 } };

/** Handles at `handleY` on both sides: a node's left end receives, its right end sends (and receives same-column edges). */
function handles(width: number, handleY: number): NodeHandle[] {
  const y = handleY - 0.5;
  return [
    { id: "left", type: "target", position: Position.Left, x: 0, y, width: 1, height: 1 },
    { id: "right", type: "source", position: Position.Right, x: width - 1, y, width: 1, height: 1 },
    { id: "right", type: "target", position: Position.Right, x: width - 1, y, width: 1, height: 1 },
  ];
}

/** Where the handles sit: the middle of a plain node; the middle of an owner's header (above its ports). */
function handleYOf(id: string, p: Positioned, firstPortY: Map<string, number>): number {
  const portY = firstPortY.get(id);
  return portY !== undefined ? Math.round((portY - p.y) / 2) : Math.round(p.height / 2);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function reuse<T extends FlowNode>(prev: Flow | undefined, next: T, same: (a: T, b: T) => boolean): T {
  const old = prev?.byId.get(next.id) as T | undefined;
  return old && old.type === next.type && old.position.x === next.position.x && old.position.y === next.position.y && old.width === next.width && old.height === next.height && same(old, next) ? old : next;
}

/**
 * Build what the canvas draws. `prev` is the previous result: an edit that keeps the structure
 * patches it (patchFlow.ts); otherwise the flow is built afresh, reusing unchanged objects.
 */
export function toFlow(input: FlowInput, prev?: Flow): Flow {
  const { graph, positions, view } = input;
  if (!graph.nodes.length) return EMPTY;
  const patched = prev && patchFlow(input, prev);
  if (patched) return patched;
  const vis = visibility(graph.nodes, positions, view);
  const collapsed = new Set(view.collapsed);
  const definedNs = new Set<string>();
  for (const g of graph.groups) if (g.defined) definedNs.add(g.namespace);
  const geo = geometry(vis, positions, definedNs, collapsed);
  const firstPortY = new Map<string, number>();
  for (const [port, owner] of vis.portOwner) {
    const y = positions[port]?.y;
    if (y !== undefined && !(firstPortY.get(owner)! <= y)) firstPortY.set(owner, y);
  }
  const portCount = new Map<string, number>();
  for (const owner of vis.portOwner.values()) portCount.set(owner, (portCount.get(owner) ?? 0) + 1);

  const nodes: FlowNode[] = [];
  const byId = new Map<string, FlowNode>();
  const push = (n: FlowNode) => {
    nodes.push(n);
    byId.set(n.id, n);
  };
  const bounds = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const extend = (x: number, y: number, w: number, h: number) => {
    bounds.x1 = Math.min(bounds.x1, x);
    bounds.y1 = Math.min(bounds.y1, y);
    bounds.x2 = Math.max(bounds.x2, x + w);
    bounds.y2 = Math.max(bounds.y2, y + h);
  };

  // Namespace boxes first: React Flow draws in array order, and they sit behind their members.
  for (const b of geo.boxes) {
    const id = groupNodeId(b.namespace, b.column);
    const n: GroupNode = {
      id,
      type: "nsgroup",
      position: { x: b.x, y: b.y },
      width: b.width,
      height: b.height,
      zIndex: -1,
      selectable: false,
      draggable: false,
      focusable: false,
      handles: handles(b.width, GROUP_HEADER / 2),
      data: { namespace: b.namespace, column: b.column, testId: groupTestId(b.namespace, b.column), handleY: GROUP_HEADER / 2, members: b.members, collapsed: b.collapsed, defined: b.defined },
    };
    push(reuse(prev, n, (a, c) => a.data.members === c.data.members && a.data.collapsed === c.data.collapsed && a.data.defined === c.data.defined));
    extend(b.x, b.y, b.width, b.height);
    if (!b.collapsed) continue;
    const sid = summaryId(b.namespace, b.column);
    const kinds = [...b.kinds].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const laid = positions[sid];
    const sw = laid?.width ?? Math.max(SUMMARY_SIZE.width, b.innerWidth);
    const sh = laid?.height ?? SUMMARY_SIZE.height;
    const handleY = sh / 2;
    const s: SummaryNode = {
      id: sid,
      type: "summary",
      position: { x: laid?.x ?? b.innerX, y: laid?.y ?? b.y + GROUP_HEADER },
      width: sw,
      height: sh,
      handles: handles(sw, handleY),
      draggable: false,
      data: { namespace: b.namespace, column: b.column, testId: summaryTestId(b.namespace, b.column), handleY, members: b.members, kinds, level: b.level },
    };
    push(reuse(prev, s, (a, c) => a.data.members === c.data.members && a.data.level === c.data.level && a.data.kinds.join() === c.data.kinds.join()));
  }

  let fallbackY = 0;
  let fallbackSet = false;
  for (const g of vis.drawn) {
    let p = positions[g.id];
    if (!p) {
      // Not laid out (should not happen): park it below everything rather than lose it.
      if (!fallbackSet) for (const id in positions) fallbackY = Math.max(fallbackY, positions[id].y + positions[id].height);
      fallbackSet = true;
      p = { x: g.rank * 300, y: fallbackY + 24, width: 220, height: 40 };
      fallbackY = p.y + p.height;
    }
    const column = vis.column.get(g.id)!;
    const y = p.y - geo.shift(column, p.y);
    const port = vis.portOwner.has(g.id);
    const handleY = handleYOf(g.id, p, firstPortY);
    const ports = portCount.get(g.id) ?? 0;
    extend(p.x, y, p.width, p.height);
    // Checked before building anything: most nodes of an edit are unchanged.
    const old = prev?.byId.get(g.id) as ResourceNode | undefined;
    if (old && old.type === g.role && old.position.x === p.x && old.position.y === y && old.width === p.width && old.height === p.height) {
      const d = old.data;
      if (d.handleY === handleY && d.port === port && d.ports === ports && d.column === column && sameGraphNode(d.g, g)) {
        push(old);
        continue;
      }
    }
    push({
      id: g.id,
      type: g.role,
      position: { x: p.x, y },
      width: p.width,
      height: p.height,
      handles: handles(p.width, handleY),
      draggable: false,
      zIndex: port ? 1 : 0,
      data: { g, testId: nodeTestId(g), column, handleY, port, ports },
    } satisfies ResourceNode);
  }
  const { edges, index, fans, bundles, fanEnds } = flowEdges(graph.edges, vis, byId, prev?.edgeIndex, view.focus?.length ? new Set(view.focus) : undefined);
  const empty = bounds.x1 === Infinity;
  return {
    // Nothing changed (a filter that hides nothing, an edit elsewhere): the same arrays, so React
    // Flow skips its per-node and per-edge bookkeeping altogether.
    nodes: prev && sameItems(prev.nodes, nodes) ? prev.nodes : nodes,
    edges: prev && sameItems(prev.edges, edges) ? prev.edges : edges,
    byId,
    edgeIndex: index,
    fans,
    rep: vis.rep,
    bounds: empty ? { x: 0, y: 0, width: 0, height: 0 } : { x: bounds.x1, y: bounds.y1, width: bounds.x2 - bounds.x1, height: bounds.y2 - bounds.y1 },
    memo: { input, vis, bundles, fanEnds, shared: {} },
  };
}
