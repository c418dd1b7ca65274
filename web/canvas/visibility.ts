/**
 * Which graph nodes are drawn, and what stands for each one (its representative): itself, its
 * namespace's summary node when the namespace is collapsed, its owner when it is a hidden listener,
 * or nothing when it is filtered out. Also finds listeners drawn inside their owner (ports).
 */
import type { GraphNode } from "../../src/graph";
import type { Positioned } from "../worker/protocol";
import { summaryId } from "./flowTypes";

export interface ViewOptions {
  hiddenNamespaces: readonly string[];
  hiddenKinds: readonly string[];
  /** Collapsed namespaces (names, not `Namespace/…` ids). */
  collapsed: readonly string[];
  /** Graph node ids whose lines are never bundled (the selection, the request's path). */
  focus?: readonly string[];
}

export interface Visibility {
  byId: Map<string, GraphNode>;
  /** Listener id → owner id, for listeners drawn inside their owner's rectangle. */
  portOwner: Map<string, string>;
  /** Graph node id → id of the drawn node standing for it; absent when not drawn at all. */
  rep: Map<string, string>;
  /** Graph nodes drawn as themselves. */
  drawn: GraphNode[];
  /** Column of every graph node (a port's is its owner's). */
  column: Map<string, number>;
}

function inside(a: Positioned, b: Positioned): boolean {
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}

/** The object that declares a listener: `data.origin` (a Gateway or ListenerSet), else `data.gateway`. */
export function ownerOf(n: GraphNode): string | undefined {
  const o = n.data.origin ?? n.data.gateway;
  return typeof o === "string" ? o : undefined;
}

export function visibility(nodes: GraphNode[], positions: Record<string, Positioned>, view: ViewOptions): Visibility {
  const byId = new Map<string, GraphNode>();
  for (const n of nodes) byId.set(n.id, n);
  const hiddenNs = new Set(view.hiddenNamespaces);
  const hiddenKinds = new Set(view.hiddenKinds);
  const collapsed = new Set(view.collapsed);
  const portOwner = new Map<string, string>();
  const column = new Map<string, number>();
  const collapsedNs = new Set(view.collapsed);
  for (const n of nodes) {
    column.set(n.id, n.rank);
    if (n.kind !== "Listener") continue;
    const owner = ownerOf(n);
    const p = positions[n.id];
    const q = owner ? positions[owner] : undefined;
    // The layout convention draws listeners inside their owner; the simple column layout beside it.
    // A listener without a place belongs to a collapsed owner (the layout leaves it out): a port too.
    if (owner && byId.has(owner) && ((p && q && inside(p, q)) || (!p && collapsedNs.has(n.namespace)))) {
      portOwner.set(n.id, owner);
      column.set(n.id, byId.get(owner)!.rank);
    }
  }
  const rep = new Map<string, string>();
  const drawn: GraphNode[] = [];
  const self = (n: GraphNode) => !hiddenKinds.has(n.kind) && !hiddenNs.has(n.namespace);
  // Owners first: a port follows its owner (hidden with it, collapsed with it).
  for (const n of nodes) {
    if (portOwner.has(n.id)) continue;
    if (!self(n)) continue;
    if (n.namespace && collapsed.has(n.namespace)) rep.set(n.id, summaryId(n.namespace, column.get(n.id)!));
    else {
      rep.set(n.id, n.id);
      drawn.push(n);
    }
  }
  for (const n of nodes) {
    const owner = portOwner.get(n.id) ?? (n.kind === "Listener" && !self(n) ? ownerOf(n) : undefined);
    if (owner === undefined) continue;
    const ownerRep = rep.get(owner);
    if (ownerRep === undefined) continue;
    if (self(n) && ownerRep === owner) {
      rep.set(n.id, n.id);
      drawn.push(n);
    } else rep.set(n.id, ownerRep); // a hidden listener's references land on its owner
  }
  return { byId, portOwner, rep, drawn, column };
}
