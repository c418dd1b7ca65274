/** The graph of a configuration: nodes and edges as plain data, ready for a layout and the canvas. */
import type { PathSegment } from "../model/source";
import type { RelationType } from "../model/model";
import type { ConditionStatus } from "../model/status";

/** Overall health of a node, from its computed status and its diagnostics. */
export type Health = "ok" | "warning" | "error";

/** One condition that is not as a healthy object has it (`Accepted=False`, `Conflicted=True`…). */
export interface Problem {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  /** Where the condition sits when not on the object itself: `parent ns/gw`, `listener http`. */
  scope?: string;
}

export interface NodeStatus {
  level: Health;
  problems: Problem[];
  /** Diagnostics concerning the object, by severity. */
  errors: number;
  warnings: number;
}

/** What a node stands for. Listeners are nodes of their own (kind `Listener`). */
export type NodeRole = "class" | "gateway" | "listenerset" | "listener" | "route" | "service" | "grant" | "policy" | "core" | "other";

export interface GraphNode {
  /** `Kind/ns/name` (`Kind/name` when cluster-scoped); listeners `Listener/ns/gateway/name`. */
  id: string;
  kind: string;
  group: string;
  namespace: string;
  name: string;
  role: NodeRole;
  /** Column for the layout: class 0 → gateway 1 → listener 2 → route 3 → service 4; grants and core objects 5. */
  rank: number;
  /** `Namespace/ns` group the node belongs to; absent for cluster-scoped objects. */
  groupId?: string;
  /** False for objects that are referenced but not in the input (a placeholder). */
  defined: boolean;
  status: NodeStatus;
  /** Where the object is written, when it is. */
  source?: { file: string; docIndex: number };
  /** Kind-specific facts for labels: listener port/protocol/hostname, route hostnames, attached routes… */
  data: Record<string, unknown>;
}

/** Edge types: the model's relations, plus `listener` (a Gateway or ListenerSet declares a listener). */
export type EdgeType = RelationType | "listener";

export interface GraphEdge {
  /** Unique: type, ends and the reference's path. */
  id: string;
  type: EdgeType;
  /** The referring object (route, gateway, policy…). */
  from: string;
  /** The referenced object. */
  to: string;
  /** Whether the reference holds (target exists, permitted, route attached…). */
  ok: boolean;
  reason?: string;
  /** Listener name or port of a parentRef. */
  section?: string;
  /** backendRef weight, and its share of its rule's traffic in percent. */
  weight?: number;
  percent?: number;
  /** Rule index, for backendRef and mirror edges. */
  rule?: number;
  /** ReferenceGrant permitting a cross-namespace reference. */
  grant?: string;
  path: PathSegment[];
}

export interface NamespaceGroup {
  /** `Namespace/ns`. */
  id: string;
  namespace: string;
  /** Whether a Namespace object for it is in the input. */
  defined: boolean;
  /** Ids of the nodes in the namespace. */
  members: string[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: NamespaceGroup[];
}
