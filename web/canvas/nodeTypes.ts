/**
 * Node and edge components by type, at module scope (DESIGN principle 8): React Flow remounts every
 * node when these objects change identity, so they are created once. Each draws the flow's current
 * data for its id (liveFlow.ts): React Flow's own copy is older when only data changed.
 */
import { createElement, memo, type ComponentType } from "react";
import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { useLiveData } from "./liveFlow";
import { ClassNode, GatewayNode, ListenerNode, PlainNode, RouteNode } from "./nodes/kinds";
import { NamespaceBox, NamespaceSummary } from "./nodes/namespace";
import { RefEdge } from "./RefEdge";

/** `C` drawing the flow's current data for its node or edge id. */
function live<P extends { id: string; data?: unknown }>(kind: "node" | "edge", C: ComponentType<P>): ComponentType<P> {
  return memo(function Live(props: P) {
    const data = useLiveData(kind, props.id, props.data);
    return createElement(C, data === props.data ? props : { ...props, data });
  }) as unknown as ComponentType<P>;
}

const node = <P extends { id: string; data?: unknown }>(C: ComponentType<P>) => live("node", C);

const Gateway = node(GatewayNode);
const Plain = node(PlainNode);

/** Keyed by the graph node's role (toFlow uses the role as the node type). */
export const nodeTypes: NodeTypes = {
  class: node(ClassNode),
  gateway: Gateway,
  listenerset: Gateway,
  listener: node(ListenerNode),
  route: node(RouteNode),
  service: Plain,
  grant: Plain,
  policy: Plain,
  core: Plain,
  other: Plain,
  summary: node(NamespaceSummary),
  nsgroup: node(NamespaceBox),
} as NodeTypes;

export const edgeTypes: EdgeTypes = {
  ref: live("edge", RefEdge),
} as EdgeTypes;
