/**
 * Node positions for the canvas, from the ranked layout (src/graph/layout.ts): columns from ranks,
 * crossing reduction, listeners as ports of their Gateway, collapsed namespaces as summary nodes.
 * Layout runs here, in the worker, never on the main thread. The previous layout is kept so an edit
 * (or a collapse toggle) is laid out incrementally — what was drawn stays where it was; `tidy` lays
 * out from scratch, with crossing-reduction sweeps. Unchanged positions keep their objects, so the
 * snapshot delta sends only what moved; an edit that leaves the layout's inputs alone (typing inside
 * a route: a weight, a hostname, a match) skips the layout altogether.
 */
import { layoutGraph, type LayoutResult } from "../../src/graph/layout";
import type { Graph } from "../../src/graph";
import { sameLayoutInput } from "../../src/graph/layoutInput";
import type { Positioned } from "./protocol";

const SUMMARY_SUFFIX = ":summary";

/** Namespaces of `collapsed` that the graph has, sorted. */
export function effectiveCollapsed(graph: Graph, collapsed: readonly string[]): string[] {
  if (!collapsed.length) return [];
  const wanted = new Set(collapsed);
  const out: string[] = [];
  for (const g of graph.groups) if (wanted.has(g.namespace)) out.push(g.namespace);
  return out.sort();
}

export class Positions {
  private previous: LayoutResult | undefined;
  private last: Record<string, Positioned> = {};
  private lastGraph: Graph | null = null;
  private lastCollapsed = "";
  /** Whether the last call laid out (false: it kept the previous positions). */
  laidOut = false;

  /**
   * Positions of every node (listeners included), keyed by graph node id; with `collapsed`
   * namespaces, their summaries keyed `Namespace/<ns>@<column>` instead of their members.
   */
  of(graph: Graph, collapsed: readonly string[] = [], tidy = false): Record<string, Positioned> {
    const key = collapsed.join("\n");
    const same = !tidy && this.lastGraph !== null && key === this.lastCollapsed && sameLayoutInput(this.lastGraph, graph);
    this.lastGraph = graph;
    this.lastCollapsed = key;
    this.laidOut = !same;
    if (same) return this.last;
    const layout = layoutGraph(graph, { collapsedNamespaces: collapsed.length ? new Set(collapsed) : undefined, previous: tidy ? undefined : this.previous });
    this.previous = layout;
    const last = this.last;
    const out: Record<string, Positioned> = {};
    for (const n of layout.nodes) {
      const id = n.type === "summary" && n.id.endsWith(SUMMARY_SUFFIX) ? n.id.slice(0, -SUMMARY_SUFFIX.length) : n.id;
      const old = last[id];
      out[id] = old !== undefined && old.x === n.x && old.y === n.y && old.width === n.width && old.height === n.height ? old : { x: n.x, y: n.y, width: n.width, height: n.height };
    }
    this.last = out;
    return out;
  }
}
