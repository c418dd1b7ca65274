/**
 * Node positions for the canvas, from the ranked layout (src/graph/layout.ts): columns from ranks,
 * crossing reduction, listeners as ports of their Gateway. The previous layout is kept so an edit is
 * laid out incrementally — what was drawn stays where it was.
 */
import { layoutGraph, type LayoutResult } from "../../src/graph/layout";
import type { Graph } from "../../src/graph";
import type { Positioned } from "./protocol";

export class Positions {
  private previous: LayoutResult | undefined;

  /** Positions of every node (listeners included), keyed by graph node id. */
  of(graph: Graph): Record<string, Positioned> {
    const layout = layoutGraph(graph, { previous: this.previous });
    this.previous = layout;
    const out: Record<string, Positioned> = {};
    for (const n of layout.nodes) {
      if (n.type === "summary") continue;
      out[n.id] = { x: n.x, y: n.y, width: n.width, height: n.height };
    }
    return out;
  }
}
