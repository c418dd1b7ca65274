/**
 * The canvas's `data-testid` convention (an automation contract: e2e tests and embedders rely on it).
 *
 * - Canvas container: `canvas`.
 * - Node: `node-<Kind>-<namespace>-<name>`.
 *   - Cluster-scoped objects have an empty namespace: `node-GatewayClass--<name>`.
 *   - Listeners: `node-Listener-<namespace>-<gateway>-<listener>` (e.g. `node-Listener-infra-edge-http`);
 *     a listener that shares its name with another one of the same Gateway (one declared by a
 *     ListenerSet) keeps the graph's origin suffix: `node-Listener-infra-edge-http@ListenerSet/infra/ls`.
 * - Collapsed namespace (one summary node per column it occupies):
 *   `ns-summary-<namespace>-<column>`; the namespace box's header: `ns-group-<namespace>-<column>`.
 * - Edge: `edge-<sourceId>-<targetId>` with graph node ids in reference direction (the referring
 *   object first), e.g. `edge-HTTPRoute/apps/web-Service/apps/web`, `edge-HTTPRoute/apps/web-Listener/infra/edge/http`,
 *   `edge-Gateway/infra/edge-GatewayClass/bench`. Parallel references between two nodes are one
 *   edge. An end inside a collapsed namespace is that namespace's summary node, id `Namespace/<ns>@<column>`.
 *   More than ten references between one object and the objects of one namespace box are drawn as
 *   one edge to the box (bundles.ts), whose id is `group:Namespace/<ns>@<column>`, e.g.
 *   `edge-group:Namespace/team-1@3-Listener/infra/edge/http` (data-count: references, label `×N` objects).
 * - Every node element carries `data-status` (ok | warning | error) and `data-selected` (true | false);
 *   every edge element `data-ok` (true | false) and `data-count` (references merged into it).
 * - Filter bar: `canvas-search`, `canvas-filter-namespaces`, `canvas-filter-kinds`, and the menu
 *   checkboxes `filter-ns-<namespace>` / `filter-kind-<Kind>`; stale banner `canvas-stale`.
 */
import type { GraphNode } from "../../src/graph";

/** The testid of a graph node. */
export function nodeTestId(n: Pick<GraphNode, "id" | "kind" | "namespace" | "name">): string {
  if (n.kind === "Listener") {
    // Graph id: `Listener/<ns>/<gateway>/<name>[@origin]`.
    const rest = n.id.slice("Listener/".length);
    const [ns, gateway, ...tail] = rest.split("/");
    const listener = tail.join("/");
    return `node-Listener-${ns}-${gateway}-${listener}`;
  }
  return `node-${n.kind}-${n.namespace}-${n.name}`;
}

/** The testid of an edge between two graph node ids (or summary node ids), referring end first. */
export function edgeTestId(from: string, to: string): string {
  return `edge-${from}-${to}`;
}

/** The testid of a collapsed namespace's summary node in one column. */
export function summaryTestId(namespace: string, column: number): string {
  return `ns-summary-${namespace}-${column}`;
}

/** The testid of a namespace box's header in one column. */
export function groupTestId(namespace: string, column: number): string {
  return `ns-group-${namespace}-${column}`;
}
