/**
 * Messages between the app and the engine worker. The worker owns the parse cache and the current
 * Model; the app receives plain, structured-cloneable snapshots — in full on the first load (and
 * whenever the app's copy is not the one the worker last sent), otherwise as a SnapshotDelta
 * against the previous one, which the client applies (delta.ts) to give consumers whole Snapshots.
 */
import type { Graph, GraphEdge, GraphNode, NamespaceGroup } from "../../src/graph";
import type { Diagnostic } from "../../src/model/diagnostic";
import type { ResourceStatus } from "../../src/model/status";
import type { Assumption } from "../../src/model/model";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";
import type { ListPatch, RecordPatch } from "./patch";
import type { TextReplacement } from "../editor/textEdit";

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
  /**
   * Laid-out node positions (listeners included). With `collapsed` namespaces, their summary nodes
   * are here as `Namespace/<ns>@<column>` and their members are not.
   */
  positions: Record<string, Positioned>;
  /** Namespaces (names) the positions were laid out collapsed; absent or empty: all expanded. */
  collapsed?: string[];
  diagnostics: Diagnostic[];
  spans: ResourceSpan[];
  status: ResourceStatus[];
  assumptions: Assumption[];
  gateways: GatewayInfo[];
  /** The text has YAML syntax errors: the app keeps showing the last good graph, dimmed. */
  syntaxErrors: boolean;
  timings: Record<string, number>;
}

/**
 * What changed between snapshot `base` and snapshot `version`. Lists are patched by identity (the
 * worker's caches keep unchanged objects), positions by key; small parts are sent whole.
 */
export interface SnapshotDelta {
  version: number;
  base: number;
  nodes: ListPatch<GraphNode>;
  edges: ListPatch<GraphEdge>;
  groups: ListPatch<NamespaceGroup>;
  positions: RecordPatch<Positioned>;
  collapsed: string[];
  diagnostics: ListPatch<Diagnostic>;
  /**
   * Spans: typing shifts every later object's offsets (and lines), so the tail of the list may come
   * as `shift` [count, offset, lines]: the previous list's last `count` spans moved by that much;
   * the patch covers the spans before them.
   */
  spans: ListPatch<ResourceSpan> & { shift?: [number, number, number] };
  status: ListPatch<ResourceStatus>;
  assumptions: ListPatch<Assumption>;
  gateways: ListPatch<GatewayInfo>;
  syntaxErrors: boolean;
  timings: Record<string, number>;
}

/**
 * `base`: the version of the snapshot the app holds; the answer is a delta against it when it is the
 * snapshot the worker sent last, else a full snapshot (omit it to ask for one).
 * `collapsed`: namespaces to lay out collapsed. `layout` lays the current graph out again (for a
 * change of `collapsed`); `tidy` lays it out from scratch, with crossing reduction, instead of
 * incrementally from the previous layout. `autoCollapse`: a new picture whose namespaces are not
 * asked collapsed opens with its largest ones collapsed (see Engine.load). A load's `requests` are
 * simulated on the loaded configuration and answered with the snapshot (`outcomes`, in order), so the
 * simulator's request and samples arrive together with the graph.
 */
export type ToWorker =
  | { id: number; type: "load"; text: string | TextChange; textId?: number; fileName: string; collapsed?: string[]; tidy?: boolean; autoCollapse?: boolean; base?: number; requests?: SimRequest[] }
  | { id: number; type: "layout"; collapsed: string[]; tidy: boolean; base?: number }
  | { id: number; type: "simulate"; requests: SimRequest[]; trace: boolean };

export type FromWorker =
  | { id: number; type: "loaded"; snapshot: Snapshot; outcomes?: Outcome[] }
  | { id: number; type: "patched"; delta: SnapshotDelta; outcomes?: Outcome[] }
  | { id: number; type: "outcomes"; outcomes: Outcome[] }
  | { id: number; type: "error"; message: string; stale?: boolean };

/**
 * A load's text as a change of the worker's current text (the last one it was sent), so that a
 * one-character edit of 2,000 routes (2 MB) does not cross threads as a structured clone of the
 * whole text on both sides: `[start, end)` of that text replaced by `text`. `from` is the `textId` of
 * the load that sent the text it was made from and `length` the result's length: checks that it is
 * applied to that text (else the worker answers an error, `stale`, and is sent the whole text).
 */
export interface TextChange extends TextReplacement {
  from: number;
  length: number;
}
