/**
 * Node and edge components by type, at module scope (DESIGN principle 8): React Flow remounts every
 * node when these objects change identity, so they are created once.
 */
import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { ClassNode, GatewayNode, ListenerNode, PlainNode, RouteNode } from "./nodes/kinds";
import { NamespaceBox, NamespaceSummary } from "./nodes/namespace";
import { RefEdge } from "./RefEdge";

/** Keyed by the graph node's role (toFlow uses the role as the node type). */
export const nodeTypes: NodeTypes = {
  class: ClassNode,
  gateway: GatewayNode,
  listenerset: GatewayNode,
  listener: ListenerNode,
  route: RouteNode,
  service: PlainNode,
  grant: PlainNode,
  policy: PlainNode,
  core: PlainNode,
  other: PlainNode,
  summary: NamespaceSummary,
  nsgroup: NamespaceBox,
};

export const edgeTypes: EdgeTypes = {
  ref: RefEdge,
};
