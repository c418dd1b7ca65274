import type { SourceRef } from "./source";
import type { ObjectRef } from "./ids";

/** Metadata fields the engine reads. Everything else stays in `obj`. */
export interface Meta {
  name: string;
  /** Namespace as written; "" when absent. */
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  generation?: number;
  uid?: string;
  resourceVersion?: string;
}

/**
 * One Kubernetes object as read from the input. The raw object is kept whole (`obj`), so unknown
 * fields survive; `spec` is a shortcut to `obj.spec`.
 */
export interface Resource extends ObjectRef {
  apiVersion: string;
  version: string;
  /** Namespace as written (`""` when absent); `namespace` holds the effective one ("default" when absent for namespaced kinds). */
  namespaceAsWritten: string;
  metadata: Meta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  obj: any;
  /** Whether Switchyard models this kind (see kinds.ts). Unknown kinds are kept and shown, never dropped. */
  known: boolean;
  source: SourceRef;
}
