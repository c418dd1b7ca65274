/**
 * The engine's public API: plain functions over plain data (DESIGN principle 2).
 * `parse(text) → resources`, `simulate(resources) → Model`, `match(model, request) → Outcome`,
 * `buildGraph(model) → Graph`, and `load(files)` for the common parse-then-simulate step.
 */
import { parse, ParseCache, type InputFile, type ParseResult } from "./parse";
import { simulate, type ControllerCache } from "./controller";
import type { Model } from "./model/model";
import type { Diagnostic } from "./model/diagnostic";

export { parse, ParseCache, locate, type InputFile, type ParseResult } from "./parse";
export { simulate, ControllerCache, type SimulateOptions } from "./controller";
export { match } from "./match";
export { buildGraph, GraphCache } from "./graph";
export type { Graph, GraphNode, GraphEdge, NamespaceGroup, NodeStatus, Health } from "./graph";
export { formatDiagnostic, type Diagnostic, type Severity } from "./model/diagnostic";
export type { Model, Relation, GatewayView, ListenerView, RouteView, BackendView } from "./model/model";
export type { Resource } from "./model/resource";
export type { SimRequest, RequestSpec, Protocol } from "./model/request";
export type { Outcome, TraceStep, OutcomeBackend } from "./model/outcome";
export type { ResourceStatus, Condition } from "./model/status";
export { refKey, nsName } from "./model/ids";
export { applyEdit, targetOf, resourceDefaults, filterDefaults, validatePort, validateHostname, validateHostnames, duplicateListenerNames, weightsAllZero, validateWeight, validatePathValue, validateHeaderName, validateName, validateListenerName } from "./edit";
export type { Edit, EditOp, EditResult, EditContext, Changed, Target, Path, Value, MergePatch, NewResource, ListenerInput, ListenerChanges, FilterInput, BackendInput, ParentRefInput, RefInput, FrontendValidationInput, Issue } from "./edit";

export interface Loaded {
  parse: ParseResult;
  model: Model;
  /** Parse diagnostics, then the controller's, in that order. */
  diagnostics: Diagnostic[];
}

/**
 * Parse files and run the controller over the resources (with the parse's line indexes, so the
 * controller's diagnostics carry file/line/column). Pass the same caches on every edit to re-parse
 * only the documents that changed and recompute only the routes that changed. Never throws.
 */
export function load(files: string | InputFile | InputFile[], cache?: ParseCache, controllerCache?: ControllerCache): Loaded {
  const parsed = parse(files, cache);
  const model = simulate(parsed.resources, { lines: parsed.lines, cache: controllerCache });
  return { parse: parsed, model, diagnostics: [...parsed.diagnostics, ...model.diagnostics] };
}
