/**
 * Disagreements per graph node, for the canvas badge: computed once per (snapshot, reported
 * statuses) pair and shared by every node, so a node's selector is one map lookup.
 */
import type { Snapshot } from "../worker/protocol";
import type { Reported } from "../store/cluster";
import { refKey } from "../../src/model/ids";
import { compareStatus, type Comparison } from "./compare";

export interface NodeDrift {
  count: number;
  /** The differing rows, one per line, for the badge's tooltip. */
  summary: string;
}

const memo = new WeakMap<Snapshot, WeakMap<ReadonlyMap<string, Reported>, Map<string, NodeDrift>>>();

function summarize(rows: Comparison["rows"]): string {
  return rows
    .filter((r) => r.differs)
    .map((r) => `${r.scope ? r.scope + ": " : ""}${r.item} — Switchyard: ${r.ours ?? "absent"}; cluster: ${r.reported ?? "absent"}`)
    .join("\n");
}

/** Node id → its disagreements (only nodes with at least one). Listener nodes get their own rows. */
export function driftByNode(s: Snapshot | null, reported: ReadonlyMap<string, Reported>): Map<string, NodeDrift> {
  if (!s) return new Map();
  let inner = memo.get(s);
  if (!inner) memo.set(s, (inner = new WeakMap()));
  const hit = inner.get(reported);
  if (hit) return hit;
  const out = new Map<string, NodeDrift>();
  const comparisons = new Map<string, Comparison>();
  for (const st of s.status) {
    const id = refKey(st);
    // Only objects the cluster holds: a referenced-but-absent object has nothing reported to compare.
    if (!reported.has(id)) continue;
    const c = compareStatus(st, reported.get(id), st.namespace);
    comparisons.set(id, c);
    if (c.disagreements > 0) out.set(id, { count: c.disagreements, summary: summarize(c.rows) });
  }
  for (const n of s.graph.nodes) {
    if (n.kind !== "Listener" || typeof n.data.origin !== "string") continue;
    const c = comparisons.get(n.data.origin);
    if (!c) continue;
    const rows = c.rows.filter((r) => r.scope === `listener ${n.name}`);
    const count = rows.reduce((k, r) => k + (r.differs ? 1 : 0), 0);
    if (count > 0) out.set(n.id, { count, summary: summarize(rows) });
  }
  inner.set(reported, out);
  return out;
}
