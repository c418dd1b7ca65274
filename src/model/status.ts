/** Status as a conformant controller would write it (the CLI's `status --json` shape). */

export type ConditionStatus = "True" | "False" | "Unknown";

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  /** `metadata.generation` of the object the condition was computed from (1 when the input has none). */
  observedGeneration?: number;
}

export interface ParentStatus {
  /** `ns/name[/section][:port]` of the parentRef as written (namespace defaulted). */
  parentRef: string;
  /** Kind of the parent (Gateway, ListenerSet, Service). */
  parentKind: string;
  conditions: Condition[];
  /** RouteParentStatus.controllerName, when the simulated controller knows it (mesh parents). */
  controllerName?: string;
}

export interface ListenerStatus {
  name: string;
  attachedRoutes: number;
  supportedKinds: { group: string; kind: string }[];
  conditions: Condition[];
}

export interface ResourceStatus {
  kind: string;
  namespace: string;
  name: string;
  conditions: Condition[];
  parents?: ParentStatus[];
  listeners?: ListenerStatus[];
  /** For Gateways: `status.attachedListenerSets`. */
  attachedListenerSets?: number;
  /** For policies: per ancestor status. */
  ancestors?: ParentStatus[];
}

/** Build a condition. */
export function cond(type: string, ok: boolean | ConditionStatus, reason: string, message = ""): Condition {
  const status: ConditionStatus = typeof ok === "boolean" ? (ok ? "True" : "False") : ok;
  return { type, status, reason, message };
}
