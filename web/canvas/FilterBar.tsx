/**
 * The canvas's overlay bar: search (highlights matching nodes; Enter/Shift+Enter moves between them
 * and centers each), and menus that hide namespaces and kinds or collapse namespaces. Everything it
 * sets lives in the store's view slice (`filters`, `collapsed`), so share links keep it.
 */
import { memo, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "../store";
import { matchesSearch } from "./flags";
import { suggestCollapsed } from "../../src/graph/layout";
import type { GraphNode } from "../../src/graph";

interface Props {
  /** Center the canvas on a graph node (or what stands for it). */
  focus: (id: string) => void;
}

function Menu({ label, testId, active, children }: { label: string; testId: string; active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="sy-menu" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOpen(false)} onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button type="button" data-testid={testId} aria-expanded={open} className={active ? "sy-active" : ""} onClick={() => setOpen(!open)}>
        {label}
        {active ? ` (${active} hidden)` : ""} ▾
      </button>
      {open ? <div className="sy-menu-list" role="menu">{children}</div> : null}
    </div>
  );
}

/** Namespaces and kind counts of a node list, for the filter menus. */
export interface NodeFacts {
  namespaces: string[];
  kinds: [string, number][];
}

let lastFacts: { nodes: readonly GraphNode[]; facts: NodeFacts } | null = null;

/**
 * The namespaces and kind counts of `nodes`. An edit keeps every node's kind and namespace in place
 * (a walk in step over both lists tells, without building anything): the last answer then stands.
 */
export function nodeFacts(nodes: readonly GraphNode[]): NodeFacts {
  const last = lastFacts;
  if (last && last.nodes.length === nodes.length && nodes.every((n, i) => n === last.nodes[i] || (n.kind === last.nodes[i].kind && n.namespace === last.nodes[i].namespace))) {
    lastFacts = { nodes, facts: last.facts };
    return last.facts;
  }
  const ns = new Set<string>();
  const ks = new Map<string, number>();
  for (const n of nodes) {
    ns.add(n.namespace);
    ks.set(n.kind, (ks.get(n.kind) ?? 0) + 1);
  }
  const facts: NodeFacts = { namespaces: [...ns].sort(), kinds: [...ks].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
  lastFacts = { nodes, facts };
  return facts;
}

export const FilterBar = memo(function FilterBar({ focus }: Props) {
  const graph = useStore((s) => s.good?.graph);
  const filters = useStore((s) => s.filters);
  const collapsed = useStore((s) => s.collapsed);
  const { setFilters, toggleCollapsed, setCollapsed } = useStore(useShallow((s) => ({ setFilters: s.setFilters, toggleCollapsed: s.toggleCollapsed, setCollapsed: s.setCollapsed })));
  const [cursor, setCursor] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const { namespaces, kinds } = useMemo(() => nodeFacts(graph?.nodes ?? []), [graph]);

  const matches = useMemo(() => (filters.search.trim() && graph ? graph.nodes.filter((n) => matchesSearch(filters.search, n)).map((n) => n.id) : []), [graph, filters.search]);

  const step = (dir: 1 | -1) => {
    if (!matches.length) return;
    const i = (((cursor + dir) % matches.length) + matches.length) % matches.length;
    setCursor(i);
    focus(matches[i]);
  };
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <div className="sy-filterbar nopan nowheel" onKeyDown={(e) => e.stopPropagation()}>
      <input
        ref={input}
        type="search"
        placeholder="Search nodes…"
        data-testid="canvas-search"
        aria-label="Search nodes"
        value={filters.search}
        onChange={(e) => {
          setCursor(-1);
          setFilters({ search: e.target.value });
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") step(e.shiftKey ? -1 : 1);
          if (e.key === "Escape") setFilters({ search: "" });
        }}
      />
      {filters.search.trim() ? (
        <span className="sy-matches" data-testid="canvas-search-count">
          {matches.length ? `${Math.max(cursor, 0) + 1}/${matches.length}` : "no match"}
        </span>
      ) : null}
      <Menu label="Namespaces" testId="canvas-filter-namespaces" active={filters.hiddenNamespaces.length}>
        {namespaces.map((ns) => (
          <div key={ns} className="sy-menu-row">
            <label>
              <input type="checkbox" data-testid={`filter-ns-${ns}`} checked={!filters.hiddenNamespaces.includes(ns)} onChange={() => setFilters({ hiddenNamespaces: toggle(filters.hiddenNamespaces, ns) })} />
              {ns || "(cluster-scoped)"}
            </label>
            {ns ? (
              <button type="button" className="sy-link" data-testid={`collapse-ns-${ns}`} onClick={() => toggleCollapsed(ns)}>
                {collapsed.includes(ns) ? "expand" : "collapse"}
              </button>
            ) : null}
          </div>
        ))}
        <div className="sy-menu-row sy-menu-actions">
          <button type="button" className="sy-link" onClick={() => setFilters({ hiddenNamespaces: [] })}>
            show all
          </button>
          <button type="button" className="sy-link" data-testid="collapse-suggested" title="Collapse the namespaces that make the picture tallest" onClick={() => graph && setCollapsed([...suggestCollapsed(graph)])}>
            collapse largest
          </button>
          <button type="button" className="sy-link" data-testid="collapse-all" onClick={() => setCollapsed(namespaces.filter(Boolean))}>
            collapse all
          </button>
          <button type="button" className="sy-link" data-testid="expand-all" onClick={() => setCollapsed([])}>
            expand all
          </button>
        </div>
      </Menu>
      <Menu label="Kinds" testId="canvas-filter-kinds" active={filters.hiddenKinds.length}>
        {kinds.map(([k, n]) => (
          <div key={k} className="sy-menu-row">
            <label>
              <input type="checkbox" data-testid={`filter-kind-${k}`} checked={!filters.hiddenKinds.includes(k)} onChange={() => setFilters({ hiddenKinds: toggle(filters.hiddenKinds, k) })} />
              {k} <span className="sy-muted">{n}</span>
            </label>
          </div>
        ))}
        <div className="sy-menu-row sy-menu-actions">
          <button type="button" className="sy-link" onClick={() => setFilters({ hiddenKinds: [] })}>
            show all
          </button>
        </div>
      </Menu>
    </div>
  );
});
