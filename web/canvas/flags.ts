/**
 * Per-node and per-edge highlight state, read from the app store with narrow selectors: a node
 * re-renders only when its own flags change (selection moves, the request's path, search matches),
 * never when the graph or another node does. Only mounted (visible) nodes subscribe.
 */
import { useStore, type AppState } from "../store";
import type { GraphNode } from "../../src/graph";

const litSets = new WeakMap<string[], Set<string>>();

/** The lit path as a set, built once per litPath array. */
export function litSet(ids: string[]): Set<string> {
  let s = litSets.get(ids);
  if (!s) litSets.set(ids, (s = new Set(ids)));
  return s;
}

/** 0: no request path shown; 1: on the path; 2: off the path (dimmed). */
export type Lit = 0 | 1 | 2;

function litOf(s: AppState, id: string): Lit {
  return s.litPath.length === 0 ? 0 : litSet(s.litPath).has(id) ? 1 : 2;
}

export function useLit(id: string): Lit {
  return useStore((s) => litOf(s, id));
}

export function useSelected(id: string): boolean {
  return useStore((s) => s.selected === id);
}

/** Whether a node answers the search text: its name, kind, namespace or `Kind/ns/name` id contain it. */
export function matchesSearch(search: string, g: Pick<GraphNode, "id" | "kind" | "name" | "namespace">): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return false;
  return g.name.toLowerCase().includes(q) || g.id.toLowerCase().includes(q) || g.kind.toLowerCase() === q || g.namespace.toLowerCase() === q;
}

/** 0: no search; 1: matches; 2: does not match. */
export function useSearchHit(g: GraphNode): 0 | 1 | 2 {
  return useStore((s) => (s.filters.search.trim() ? (matchesSearch(s.filters.search, g) ? 1 : 2) : 0));
}

/** Edge flags: lit when both ends are on the request's path. */
export function useEdgeLit(from: string, to: string): Lit {
  return useStore((s) => {
    if (s.litPath.length === 0) return 0;
    const set = litSet(s.litPath);
    return set.has(from) && set.has(to) ? 1 : 2;
  });
}
