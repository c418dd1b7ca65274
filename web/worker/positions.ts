/**
 * Node positions for the canvas. Columns come from ranks (class → gateway → listener → route →
 * service); within a column nodes stack in graph order. The ranked layout with crossing reduction
 * (src/graph/layout.ts) replaces this ordering when it lands; the column scheme stays.
 */
import type { Graph } from "../../src/graph";
import type { Positioned } from "./protocol";

const COLUMN_WIDTH = 300;
const NODE_WIDTH = 220;
const ROW_GAP = 24;

export function nodeHeight(kind: string): number {
  return kind === "Listener" ? 44 : 64;
}

export function positionsFor(graph: Graph): Record<string, Positioned> {
  const next = new Map<number, number>();
  const out: Record<string, Positioned> = {};
  for (const n of graph.nodes) {
    const y = next.get(n.rank) ?? 0;
    const height = nodeHeight(n.kind);
    out[n.id] = { x: n.rank * COLUMN_WIDTH, y, width: NODE_WIDTH, height };
    next.set(n.rank, y + height + ROW_GAP);
  }
  return out;
}
