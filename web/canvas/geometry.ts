/**
 * Namespace boxes and collapsed namespaces, from the layout's positions (no relayout): a box per
 * namespace and column around its drawn members; a collapsed namespace keeps its box's place, shrunk
 * to hold one summary node, and what lies below it in the column moves up by what it gave back.
 */
import type { Health } from "../../src/graph";
import { GROUP_HEADER, GROUP_PAD, SUMMARY_SIZE } from "../../src/graph/layoutTypes";
import type { Positioned } from "../worker/protocol";
import type { Visibility } from "./visibility";
import { summaryId } from "./flowTypes";

export interface Box {
  namespace: string;
  column: number;
  collapsed: boolean;
  defined: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Members drawn (or stood for, when collapsed); ports are not counted. */
  members: number;
  kinds: Map<string, number>;
  level: Health;
  /** Left edge of the members (the column's node x). */
  innerX: number;
  innerWidth: number;
}

const LEVEL: Record<Health, number> = { ok: 0, warning: 1, error: 2 };

/** Height of a collapsed namespace's box. */
export const COLLAPSED_BOX_HEIGHT = GROUP_HEADER + SUMMARY_SIZE.height + GROUP_PAD;

export interface Geometry {
  boxes: Box[];
  /** Vertical shift of a drawn node, from collapsed boxes above it in its column. */
  shift: (column: number, y: number) => number;
}

/**
 * Boxes per namespace and column, and the shift collapsing them implies. When the positions hold a
 * collapsed namespace's summary (`Namespace/<ns>@<column>`: a layout made with the namespace
 * collapsed), the box is drawn around it and nothing moves; otherwise the members' box shrinks.
 */
export function geometry(vis: Visibility, positions: Record<string, Positioned>, definedNs: Set<string>, collapsed: ReadonlySet<string>): Geometry {
  // Column → namespace → box (nested maps: no key string per node).
  const byColumn = new Map<number, Map<string, Box>>();
  const boxes: Box[] = [];
  for (const [id, r] of vis.rep) {
    const n = vis.byId.get(id)!;
    if (!n.namespace || vis.portOwner.has(id)) continue;
    const isCollapsed = r !== id && collapsed.has(n.namespace);
    if (r !== id && !isCollapsed) continue; // a hidden listener, standing in for nothing
    const column = vis.column.get(id)!;
    let inColumn = byColumn.get(column);
    if (!inColumn) byColumn.set(column, (inColumn = new Map()));
    let b = inColumn.get(n.namespace);
    if (!b) {
      // x/y/width/height hold left/top/right/bottom while accumulating.
      b = { namespace: n.namespace, column, collapsed: isCollapsed, defined: definedNs.has(n.namespace), x: Infinity, y: Infinity, width: -Infinity, height: -Infinity, members: 0, kinds: new Map(), level: "ok", innerX: 0, innerWidth: 0 };
      inColumn.set(n.namespace, b);
      boxes.push(b);
    }
    b.members++;
    b.kinds.set(n.kind, (b.kinds.get(n.kind) ?? 0) + 1);
    if (LEVEL[n.status.level] > LEVEL[b.level]) b.level = n.status.level;
    const p = positions[id];
    if (!p) continue;
    b.x = Math.min(b.x, p.x);
    b.y = Math.min(b.y, p.y);
    b.width = Math.max(b.width, p.x + p.width);
    b.height = Math.max(b.height, p.y + p.height);
  }
  const out: Box[] = [];
  // Per column: bottoms of collapsed boxes and the height each gives back, sorted by bottom.
  const saves = new Map<number, { bottom: number; total: number }[]>();
  for (const b of boxes) {
    const summary = b.collapsed ? positions[summaryId(b.namespace, b.column)] : undefined;
    if (summary) {
      // Laid out collapsed: the box wraps the summary, as the layout drew it.
      b.innerX = summary.x;
      b.innerWidth = summary.width;
      b.x = summary.x - GROUP_PAD;
      b.y = summary.y - GROUP_HEADER;
      b.width = summary.width + 2 * GROUP_PAD;
      b.height = GROUP_HEADER + summary.height + GROUP_PAD;
      out.push(b);
      continue;
    }
    if (b.x === Infinity) continue; // nothing of it is placed
    b.innerX = b.x;
    b.innerWidth = b.width - b.x;
    const top = b.y - GROUP_HEADER;
    const bottom = b.height + GROUP_PAD;
    b.x -= GROUP_PAD;
    b.width = b.innerWidth + 2 * GROUP_PAD;
    b.y = top;
    b.height = bottom - top;
    if (b.collapsed) {
      const save = b.height - COLLAPSED_BOX_HEIGHT;
      b.height = COLLAPSED_BOX_HEIGHT;
      b.width = Math.max(b.width, SUMMARY_SIZE.width + 2 * GROUP_PAD);
      if (save > 0) {
        let list = saves.get(b.column);
        if (!list) saves.set(b.column, (list = []));
        list.push({ bottom, total: save });
      }
    }
    out.push(b);
  }
  for (const list of saves.values()) {
    list.sort((a, b) => a.bottom - b.bottom);
    for (let i = 1; i < list.length; i++) list[i].total += list[i - 1].total;
  }
  const shift = (column: number, y: number): number => {
    const list = saves.get(column);
    if (!list) return 0;
    // The last collapsed box whose old bottom is at or above y.
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].bottom <= y + 0.5) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : list[found].total;
  };
  for (const b of out) b.y -= shift(b.column, b.y);
  out.sort((a, b) => a.column - b.column || a.y - b.y);
  return { boxes: out, shift };
}
