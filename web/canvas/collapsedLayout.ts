/**
 * Positions for a picture with collapsed namespaces. The worker lays the graph out expanded; when
 * namespaces are collapsed the canvas lays it out again here, with them collapsed, so the rest of
 * the picture closes up around the summaries (a Gateway sits beside its summarised routes instead of
 * where its hundred routes used to be). The previous result is passed on, so an edit while collapsed
 * is laid out incrementally and a toggle keeps the other nodes where they were.
 */
import { layoutGraph, type LayoutResult } from "../../src/graph/layout";
import type { Graph } from "../../src/graph";
import type { Positioned } from "../worker/protocol";

export interface CollapsedLayout {
  positions: Record<string, Positioned>;
  layout: LayoutResult;
}

/** Namespaces of `collapsed` that the graph has. */
export function effectiveCollapsed(graph: Graph, collapsed: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (!collapsed.length) return out;
  const wanted = new Set(collapsed);
  for (const g of graph.groups) if (wanted.has(g.namespace)) out.add(g.namespace);
  return out;
}

/** Lay out with `collapsed` namespaces; summary positions are keyed `Namespace/<ns>@<column>`. */
export function collapsedPositions(graph: Graph, collapsed: ReadonlySet<string>, previous?: LayoutResult): CollapsedLayout {
  const layout = layoutGraph(graph, { collapsedNamespaces: collapsed, previous });
  const positions: Record<string, Positioned> = {};
  for (const n of layout.nodes) {
    const id = n.type === "summary" ? n.id.replace(/:summary$/, "") : n.id;
    positions[id] = { x: n.x, y: n.y, width: n.width, height: n.height };
  }
  return { positions, layout };
}
