/**
 * The layout's input options, its output, and the geometry convention the canvas draws by.
 *
 * Geometry convention (the canvas must follow it; all coordinates are absolute, top-left, in px):
 * - Columns come from ranks: class 0 → gateway 1 → (listener 2) → route 3 → service 4 → others 5.
 *   Every node of a column has the same x (`column.x + GROUP_PAD`), so namespace boxes line up.
 * - Listeners are ports of the object that declares them (a Gateway, or a ListenerSet): they are
 *   drawn INSIDE that node as rows. The owner's height is
 *   `header + n × PORT_ROW + PORT_PAD` (see {@link ownerHeight}), where `header` is the owner's
 *   own size from `nodeSize`; listener i sits at `(owner.x + PORT_PAD, owner.y + header + i × PORT_ROW)`
 *   with size `(owner.width − 2 × PORT_PAD, PORT_ROW − PORT_GAP)`, in declaration order. Port nodes
 *   carry `parent` and `offset` (position relative to the owner) for React Flow's `parentId`.
 *   The Gateway → Listener edges are not routed: containment shows them.
 * - Every node has two handles, ids `"left"` and `"right"`, at `handleY` below its top (the middle of
 *   a plain node, the middle of an owner's header, the middle of a listener row). Edges name the
 *   handle to use at each end (left → right reading: the end in the lower column leaves on its right;
 *   an edge within one column uses both right handles). React Flow looks a `sourceHandle` up among
 *   `type="source"` handles only: give each side a source and a target handle with the side's id (or
 *   source handles only, with `connectionMode={ConnectionMode.Loose}`). Since positions and handles
 *   are known here, nodes may carry React Flow's `handles` so edges draw before anything is measured.
 * - A namespace is a box per column (`LayoutGroup`): its members are stacked inside it below a
 *   `GROUP_HEADER` label band, `GROUP_PAD` from its sides. A collapsed namespace becomes one summary
 *   node per column it occupies, standing for its members; edges to members are re-pointed at it
 *   and parallel edges are merged with a count.
 */
import type { EdgeType, GraphNode } from "./types";

export interface Size {
  width: number;
  height: number;
}

/** Height of one listener row inside its Gateway/ListenerSet node. */
export const PORT_ROW = 30;
/** Vertical space between two listener rows (a row's node is `PORT_ROW − PORT_GAP` high). */
export const PORT_GAP = 4;
/** Horizontal inset of listener rows inside their owner, and the owner's bottom padding below them. */
export const PORT_PAD = 8;
/** Label band at the top of a namespace box. */
export const GROUP_HEADER = 24;
/** Padding of a namespace box around its members (sides and bottom). */
export const GROUP_PAD = 10;
/** Vertical gap between two nodes of one namespace box. */
export const NODE_GAP = 8;
/** Vertical gap between two boxes (or free nodes) in a column. */
export const BLOCK_GAP = 16;
/** Horizontal gap between columns, where the edges run. */
export const COLUMN_GAP = 120;

/** Default node sizes by role; a Gateway's or ListenerSet's is its header (ports are added). */
export const DEFAULT_SIZES: Readonly<Record<GraphNode["role"], Size>> = {
  class: { width: 220, height: 44 },
  gateway: { width: 240, height: 48 },
  listenerset: { width: 240, height: 48 },
  listener: { width: 224, height: PORT_ROW - PORT_GAP },
  route: { width: 240, height: 48 },
  service: { width: 220, height: 36 },
  policy: { width: 220, height: 36 },
  grant: { width: 220, height: 36 },
  core: { width: 220, height: 36 },
  other: { width: 220, height: 36 },
};

/** Size of a collapsed namespace's summary node. */
export const SUMMARY_SIZE: Readonly<Size> = { width: 240, height: 52 };

/** Height of a node that holds `ports` listener rows under a header of `header` px. */
export function ownerHeight(header: number, ports: number): number {
  return ports > 0 ? header + ports * PORT_ROW + PORT_PAD : header;
}

export interface LayoutOptions {
  /** Namespace names (`team-a`, not `Namespace/team-a`) drawn as one summary node per column. */
  collapsedNamespaces?: ReadonlySet<string>;
  /** Size of a node; for a Gateway or ListenerSet, the size of its header (ports are added below). */
  nodeSize?: (node: GraphNode) => Size;
  /** The layout of the previous version of the graph: keep what did not change where it was. */
  previous?: LayoutResult;
  /** Crossing-reduction iterations (each a sweep down and a sweep up); 0 keeps the initial order. */
  sweeps?: number;
}

export type Side = "left" | "right";

export interface LayoutNode {
  /** Graph node id; for a summary node `Namespace/<ns>@<column>:summary`. */
  id: string;
  type: "node" | "port" | "summary";
  /** Column (the rank of the node, or of its owner for a port). */
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the left and right handles sit, measured from `y`. */
  handleY: number;
  /** The namespace box (`LayoutGroup.id`) the node is drawn in, if any. */
  group?: string;
  /** Ports: the owner's id and the position relative to the owner. */
  parent?: string;
  offset?: { x: number; y: number };
  /** Summary nodes: the collapsed namespace, how many graph nodes it stands for, and how many of each kind. */
  namespace?: string;
  members?: number;
  kinds?: Record<string, number>;
}

/** A namespace's box in one column. */
export interface LayoutGroup {
  /** `Namespace/<ns>@<column>`. */
  id: string;
  /** The graph's group id, `Namespace/<ns>`. */
  groupId: string;
  namespace: string;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Visible nodes inside (ports not counted). */
  members: number;
  /** Whether a Namespace object for it is in the input. */
  defined: boolean;
}

/** One drawn edge: one or more graph edges between the same two visible nodes. */
export interface LayoutEdge {
  /** `<source>><target>` (visible ends). */
  id: string;
  source: string;
  target: string;
  sourceHandle: Side;
  targetHandle: Side;
  /** Number of graph edges merged into this one. */
  count: number;
  /** Ids of the merged graph edges, in graph order. */
  edgeIds: string[];
  /** Distinct types of the merged edges, in order of appearance. */
  types: EdgeType[];
  /** Whether every merged reference holds; `broken` counts those that do not. */
  ok: boolean;
  broken: number;
}

export interface LayoutColumn {
  index: number;
  x: number;
  width: number;
}

export interface LayoutResult {
  nodes: LayoutNode[];
  groups: LayoutGroup[];
  edges: LayoutEdge[];
  /** Non-empty columns, left to right. */
  columns: LayoutColumn[];
  width: number;
  height: number;
  stats: {
    /** True when `previous` was used (no crossing reduction was run). */
    incremental: boolean;
    /** Crossings of the initial order and of the final order (full layouts only). */
    initialCrossings?: number;
    crossings?: number;
    /** Half-sweeps run. */
    sweeps: number;
  };
}
