/**
 * Patching the last graph when the controller patched its Model (controller/patch.ts): only some
 * routes changed, each with the same references to the same targets and the same attachments, so
 * the graph is the last one with those routes' nodes and the edges of their relations made again,
 * in place. New arrays, nothing of the last graph changed; equal to a fresh build (the cache tests
 * compare them under random edits).
 */
import { modelDelta } from "../controller/patch";
import type { Model } from "../model/model";
import type { GraphCache } from "./cache";
import { parentOf, percentOf, relationEdgeList } from "./edges";
import { diagnosticCounts, GroupIds, resourceNode } from "./nodes";
import { ruleOf, ruleSums } from "./shares";
import { ruleSummary } from "./summary";
import type { Graph } from "./types";

/** The graph of `model` made from the cache's last graph, or null when it cannot be. */
export function patchGraph(model: Model, cache: GraphCache): Graph | null {
  const last = cache.last;
  const delta = modelDelta(model);
  if (!last || !delta || delta.previous !== last.model || delta.docsMoved) return null;
  const prev = last.graph;
  cache.lastNewEdges = 0;
  if (delta.routes.length === 0) return { nodes: prev.nodes, edges: prev.edges, groups: prev.groups };
  const nodes = prev.nodes.slice();
  const edges = prev.edges.slice();
  const counts = diagnosticCounts(model);
  const groups = new GroupIds();
  const hasListeners = model.gateways.length > 0;
  let made = 0;
  for (const d of delta.routes) {
    const view = d.after;
    const end = cache.endOf(view.key);
    if (end.build !== cache.build || nodes[end.index]?.id !== view.key || nodes[end.index].role !== "route") return null;
    const n = resourceNode(view.resource, view.key, model, counts, hasListeners, groups);
    n.data = { hostnames: view.hostnames, rules: view.rules.length, ruleSummaries: view.rules.map((rule) => ruleSummary(rule.raw, view.kind)) };
    nodes[end.index] = n;
    cache.setNode(view.resource, view.key, model.status.get(view.key), counts.get(view.key)?.errors ?? 0, counts.get(view.key)?.warnings ?? 0, hasListeners, view, n);
    const totals = ruleSums(d.relations.map((p) => p[1])).get(view.key) ?? [];
    for (const [was, rel] of d.relations) {
      const memo = cache.memoOf(was);
      if (!memo) return null;
      const before = memo.edges;
      const parent = rel.type === "parentRef" ? parentOf(rel, view) : null;
      const rule = ruleOf(rel.path);
      const percent = rel.type === "backendRef" ? percentOf(rel, rule >= 0 ? (totals[rule] ?? 0) : 0) : undefined;
      const list = relationEdgeList(rel, rel.from, percent, parent, last.listenerNode);
      if (list.length !== before.length) return null;
      for (let k = 0; k < list.length; k++) {
        // The old edges are where the last build (or patch) put them.
        if (edges[memo.at + k] !== before[k]) return null;
        list[k].id = before[k].id;
        edges[memo.at + k] = list[k];
      }
      cache.setEdges(rel, rel.from, percent, parent, list, memo.at);
      made += list.length;
    }
  }
  cache.lastNewEdges = made;
  return { nodes, edges, groups: prev.groups };
}
