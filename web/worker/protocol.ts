/**
 * Messages between the app and the engine worker. The worker owns the parse cache and the current
 * Model; the app receives plain, structured-cloneable snapshots.
 */
import type { Graph } from "../../src/graph";
import type { Diagnostic } from "../../src/model/diagnostic";
import type { ResourceStatus } from "../../src/model/status";
import type { Assumption } from "../../src/model/model";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";

/** Where an object is written: 1-based lines/columns in its file, and offsets. */
export interface ResourceSpan {
  /** Graph node id (`Kind/ns/name`). */
  id: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
}

export interface ListenerInfo {
  name: string;
  port: number;
  protocol: string;
  hostname: string | null;
}

export interface GatewayInfo {
  /** `ns/name`, the simulator's `gateway` field. */
  ref: string;
  listeners: ListenerInfo[];
  /** Route hostnames attached to the gateway, for the simulator's suggestions. */
  hostnames: string[];
}

/** Node positions computed by the layout, keyed by node id. */
export interface Positioned {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Snapshot {
  /** Increases with every load; lets the app drop stale answers. */
  version: number;
  graph: Graph;
  positions: Record<string, Positioned>;
  diagnostics: Diagnostic[];
  spans: ResourceSpan[];
  status: ResourceStatus[];
  assumptions: Assumption[];
  gateways: GatewayInfo[];
  /** The text has YAML syntax errors: the app keeps showing the last good graph, dimmed. */
  syntaxErrors: boolean;
  timings: Record<string, number>;
}

export type ToWorker =
  | { id: number; type: "load"; text: string; fileName: string }
  | { id: number; type: "simulate"; requests: SimRequest[]; trace: boolean };

export type FromWorker =
  | { id: number; type: "loaded"; snapshot: Snapshot }
  | { id: number; type: "outcomes"; outcomes: Outcome[] }
  | { id: number; type: "error"; message: string };
