/**
 * The layout's edges: graph edges merged per pair of visible ends (parallel edges, edges re-pointed
 * at a collapsed namespace's summary), and the adjacency the sweeps and placement walk.
 */
import type { GraphEdge } from "./types";
import type { LayoutEdge } from "./layoutTypes";
import type { Items } from "./layoutItems";

/** Visible end of every graph node (by node index): item, handle offset, and the visible node by id
 * and by number (each item and each port has one; a summary's members share its number). */
export interface Ends {
  item: Int32Array;
  off: Float64Array;
  v: Int32Array;
  id: string[];
  count: number;
}

export type Merged = Pick<Items, "edges" | "ea" | "eb" | "eOffA" | "eOffB">;

/**
 * Merge parallel edges between the same visible ends; drop owner → port edges (containment shows
 * them) and edges inside one summary. Ends are found in an open-addressing table over the two end
 * numbers (no string built, no Map entry per edge: this runs on every edit).
 */
export function mergeEdges(edges: GraphEdge[], index: Map<string, number>, owner: Int32Array, ends: Ends, col: Int32Array): Merged {
  const out: LayoutEdge[] = [];
  const E = edges.length;
  const ea = new Int32Array(E);
  const eb = new Int32Array(E);
  const eOffA = new Float64Array(E);
  const eOffB = new Float64Array(E);
  const sv = new Int32Array(E);
  const tv = new Int32Array(E);
  let cap = 16;
  while (cap < 2 * E) cap *= 2;
  const table = new Int32Array(cap).fill(-1);
  for (const e of edges) {
    if (!e) continue;
    const f = index.get(e.from);
    const t = index.get(e.to);
    if (f === undefined || t === undefined) continue;
    if (e.type === "listener" && owner[t] === f) continue;
    const a = ends.v[f];
    const b = ends.v[t];
    if (a === b) continue;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & (cap - 1);
    let m = table[h];
    while (m >= 0 && (sv[m] !== a || tv[m] !== b)) {
      h = (h + 1) & (cap - 1);
      m = table[h];
    }
    let le: LayoutEdge;
    if (m < 0) {
      m = out.length;
      table[h] = m;
      sv[m] = a;
      tv[m] = b;
      const ia = ends.item[f];
      const ib = ends.item[t];
      ea[m] = ia;
      eb[m] = ib;
      eOffA[m] = ends.off[f];
      eOffB[m] = ends.off[t];
      // Left to right: the end in the lower column uses its right handle; within a column both use the right.
      const source = ends.id[f];
      const target = ends.id[t];
      le = { id: `${source}>${target}`, source, target, sourceHandle: col[ia] > col[ib] ? "left" : "right", targetHandle: col[ia] < col[ib] ? "left" : "right", count: 0, edgeIds: [], types: [], ok: true, broken: 0 };
      out.push(le);
    } else le = out[m];
    le.count++;
    le.edgeIds.push(e.id);
    if (le.types.length === 0 || (le.types[0] !== e.type && !le.types.includes(e.type))) le.types.push(e.type);
    if (!e.ok) {
      le.broken++;
      le.ok = false;
    }
  }
  const m = out.length;
  return { edges: out, ea: ea.slice(0, m), eb: eb.slice(0, m), eOffA: eOffA.slice(0, m), eOffB: eOffB.slice(0, m) };
}

export function adjacency(n: number, { ea, eb, eOffA, eOffB }: Merged): Pick<Items, "adjStart" | "adjItem" | "adjOff" | "adjOwn"> {
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < ea.length; e++) if (ea[e] !== eb[e]) { deg[ea[e]]++; deg[eb[e]]++; }
  const adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i] + deg[i];
  const fill = adjStart.slice(0, n);
  const adjItem = new Int32Array(adjStart[n]);
  const adjOff = new Float64Array(adjStart[n]);
  const adjOwn = new Float64Array(adjStart[n]);
  for (let e = 0; e < ea.length; e++) {
    const a = ea[e];
    const b = eb[e];
    if (a === b) continue;
    let k = fill[a]++;
    adjItem[k] = b; adjOff[k] = eOffB[e]; adjOwn[k] = eOffA[e];
    k = fill[b]++;
    adjItem[k] = a; adjOff[k] = eOffA[e]; adjOwn[k] = eOffB[e];
  }
  return { adjStart, adjItem, adjOff, adjOwn };
}
