/**
 * Fan bundling: when one object refers to (or is referred to by) more than FAN_LIMIT objects of one
 * namespace box — a listener with a hundred routes of a team, a Service shared by a team's routes —
 * the lines become one edge to the box, labelled with the count. A hundred curves across the screen
 * are neither readable nor cheap to draw; the box is the unit the reader looks at. Objects in
 * `focus` (the selection, the simulated request's path) keep their own lines.
 */
import type { GraphEdge } from "../../src/graph";
import { groupNodeId } from "./flowTypes";
import type { Visibility } from "./visibility";

/** More lines than this from one object into one box become one bundle. */
export const FAN_LIMIT = 10;

/** Merged references by their drawn ends (referring end first). */
export type Merged = Map<string, Map<string, GraphEdge[]>>;

/** Bundles' member ids, by the bundle's drawn ends (referring end first). */
export type BundleMembers = Map<string, Map<string, string[]>>;

/** Counters per hub and box; one table per direction (hub refers / hub is referred to). */
type Counts = Map<string, Map<string, number>>;

function bump(t: Counts, hub: string, box: string): void {
  let byBox = t.get(hub);
  if (!byBox) t.set(hub, (byBox = new Map()));
  byBox.set(box, (byBox.get(box) ?? 0) + 1);
}

/**
 * Rewrite `merged` in place: the pairs of every fan larger than FAN_LIMIT are replaced by one entry
 * between the hub and the box. A pair that belongs to two fans (hub at either end) goes to the
 * larger one. Returns the members of each bundle, for its label. This runs on every edit over every
 * drawn edge, so the common case (no large fan) only counts, allocating nothing per edge.
 */
export function bundleFans(merged: Merged, vis: Visibility, focus: ReadonlySet<string>): { members: BundleMembers; fans: boolean; ends: ReadonlySet<string> } {
  const members: BundleMembers = new Map();
  // The box of each drawn node, and box ids made once per namespace and column.
  const boxIds = new Map<string, string[]>();
  const boxes = new Map<string, string | null>();
  const box = (id: string): string | null => {
    let b = boxes.get(id);
    if (b !== undefined) return b;
    b = null;
    const n = vis.byId.get(id);
    if (n && n.namespace && !vis.portOwner.has(id) && vis.rep.get(id) === id) {
      const col = vis.column.get(id)!;
      let ids = boxIds.get(n.namespace);
      if (!ids) boxIds.set(n.namespace, (ids = []));
      b = ids[col] ??= groupNodeId(n.namespace, col);
    }
    boxes.set(id, b);
    return b;
  };
  const out: Counts = new Map(); // hub = referring end
  const inc: Counts = new Map(); // hub = referred-to end
  let big = false;
  // Counted without regard to focus: whether there are fans at all must not depend on the selection.
  for (const [from, byTo] of merged) {
    for (const to of byTo.keys()) {
      const bf = box(from);
      const bt = box(to);
      if (bt && bt !== bf) bump(out, from, bt);
      if (bf && bf !== bt) bump(inc, to, bf);
    }
  }
  for (const t of [out, inc]) for (const byBox of t.values()) for (const c of byBox.values()) big ||= c > FAN_LIMIT;
  if (!big) return { members, fans: false, ends: NO_ENDS };
  // Ends of a pair in a large fan: the only ids whose focus changes what is bundled.
  const ends = new Set<string>();
  // Each pair goes to the larger of its (at most two) qualifying fans; then fans left with too few
  // pairs (they lost them to larger ones) keep their lines.
  type Choice = { from: string; to: string; hub: string; box: string; hubIsFrom: boolean; size: number };
  const choices: Choice[] = [];
  const assigned = new Map<string, Map<string, number>>();
  for (const [from, byTo] of merged) {
    for (const to of byTo.keys()) {
      const bf = box(from);
      const bt = box(to);
      const a = bt && bt !== bf ? (out.get(from)!.get(bt) ?? 0) : 0;
      const b = bf && bf !== bt ? (inc.get(to)!.get(bf) ?? 0) : 0;
      if (a <= FAN_LIMIT && b <= FAN_LIMIT) continue;
      ends.add(from);
      ends.add(to);
      if (focus.has(from) || focus.has(to)) continue;
      const c: Choice = a >= b ? { from, to, hub: from, box: bt!, hubIsFrom: true, size: a } : { from, to, hub: to, box: bf!, hubIsFrom: false, size: b };
      choices.push(c);
      bump(assigned, `${c.hubIsFrom ? ">" : "<"}${c.hub}`, c.box);
    }
  }
  for (const c of choices) {
    if ((assigned.get(`${c.hubIsFrom ? ">" : "<"}${c.hub}`)?.get(c.box) ?? 0) <= FAN_LIMIT) continue;
    const refs = merged.get(c.from)?.get(c.to);
    if (!refs) continue;
    merged.get(c.from)!.delete(c.to);
    const bFrom = c.hubIsFrom ? c.hub : c.box;
    const bTo = c.hubIsFrom ? c.box : c.hub;
    let row = merged.get(bFrom);
    if (!row) merged.set(bFrom, (row = new Map()));
    const list = row.get(bTo);
    if (list) for (const r of refs) list.push(r);
    else row.set(bTo, refs.slice());
    let mm = members.get(bFrom);
    if (!mm) members.set(bFrom, (mm = new Map()));
    let names = mm.get(bTo);
    if (!names) mm.set(bTo, (names = []));
    names.push(c.hubIsFrom ? c.to : c.from);
  }
  return { members, fans: true, ends };
}

const NO_ENDS: ReadonlySet<string> = new Set();
