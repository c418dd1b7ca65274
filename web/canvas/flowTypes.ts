/** The React Flow node and edge shapes the canvas draws, produced by toFlow.ts. */
import type { Edge, Node } from "@xyflow/react";
import type { GraphEdge, GraphNode, Health, NodeRole } from "../../src/graph";

/** A graph object. The node type is its role, so each role has its own memo'd component. */
export type ResourceData = {
  g: GraphNode;
  testId: string;
  /** Layout column (the rank; a port's is its owner's). */
  column: number;
  /** Handles' distance from the node's top. */
  handleY: number;
  /** A listener drawn inside its Gateway/ListenerSet as a row. */
  port: boolean;
  /** Gateway/ListenerSet: listener rows drawn inside it (its header is `handleY × 2` high). */
  ports: number;
};

/** A collapsed namespace's stand-in in one column. */
export type SummaryData = {
  namespace: string;
  column: number;
  testId: string;
  handleY: number;
  members: number;
  /** [kind, count] pairs, most common first. */
  kinds: [string, number][];
  level: Health;
};

/** A namespace's box in one column (drawn behind its members). */
export type GroupData = {
  namespace: string;
  column: number;
  testId: string;
  /** Handles (for bundled edges) sit in the middle of the header band. */
  handleY: number;
  members: number;
  collapsed: boolean;
  defined: boolean;
};

export type ResourceNode = Node<ResourceData, NodeRole>;
export type SummaryNode = Node<SummaryData, "summary">;
export type GroupNode = Node<GroupData, "nsgroup">;
export type FlowNode = ResourceNode | SummaryNode | GroupNode;

/** One drawn edge: every graph edge between the same two visible ends, in reference direction. */
export type RefEdgeData = {
  /** Visible ends in reference direction (referring end first): graph ids or summary ids. */
  from: string;
  to: string;
  testId: string;
  refs: GraphEdge[];
  ok: boolean;
  /** How many merged references do not hold. */
  broken: number;
  /** A reference across namespaces of a kind that needs a ReferenceGrant. */
  cross: boolean;
  /** Short text drawn on the edge (traffic shares, count, broken reason); "" for none. */
  label: string;
  /** Full explanation shown on hover. */
  title: string;
  /** The kind of line: the first merged reference's type. */
  kind: GraphEdge["type"];
  /** A bundle (see bundles.ts): how many objects of the namespace box it stands for. */
  members?: number;
};

export type FlowEdge = Edge<RefEdgeData, "ref">;

/** Id of a collapsed namespace's summary node in a column. */
export function summaryId(namespace: string, column: number): string {
  return `Namespace/${namespace}@${column}`;
}

/** Id of a namespace box in a column. */
export function groupNodeId(namespace: string, column: number): string {
  return `group:Namespace/${namespace}@${column}`;
}
