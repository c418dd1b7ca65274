/**
 * Graph edges → drawn edges: each end replaced by what stands for it (a collapsed namespace's
 * summary, a hidden listener's owner), parallel references between the same two ends merged into
 * one edge with a count, and the left → right reading: the end in the lower column leaves on its
 * right, the other enters on its left (both on the right within one column).
 */
import type { GraphEdge } from "../../src/graph";
import type { FlowEdge, FlowNode, RefEdgeData } from "./flowTypes";
import { sameGraphEdge } from "./same";
import { edgeTestId } from "./testids";
import { bundleFans, type BundleMembers, type Merged } from "./bundles";

const NO_FOCUS: ReadonlySet<string> = new Set();
import type { Visibility } from "./visibility";

/** Reference kinds that need a ReferenceGrant when they cross namespaces (ReferenceGrant spec: "from" kinds to "to" kinds). */
const GRANTED = new Set<GraphEdge["type"]>(["backendRef", "mirror", "certificateRef", "caCertificateRef"]);

function pct(p: number): string {
  return `${Number.isInteger(p) ? p : p.toFixed(2).replace(/0$/, "")}%`;
}

/** References listed at most in an edge's hover text (a merged edge may stand for thousands). */
const MAX_TITLE_LINES = 40;

/** More traffic shares than this on one drawn edge (merged references) are summed up as a count. */
const MAX_SHARES = 4;

/** The text on an edge: traffic shares that are not the whole rule, the first broken reason, or a count. */
export function edgeLabel(refs: GraphEdge[]): string {
  const parts: string[] = [];
  const shares = refs.filter((r) => r.type === "backendRef" && r.percent !== undefined && (r.percent < 100 || r.weight !== 1));
  const byRule = shares.length > 1;
  // An edge standing for a collapsed namespace's hundreds of routes would otherwise carry hundreds
  // of shares: unreadable, and one long text is costly to lay out and paint at every frame.
  if (shares.length > MAX_SHARES) parts.push(`×${refs.length}, ${shares.length} weighted`);
  else for (const r of shares) parts.push(`${byRule && r.rule !== undefined ? `r${r.rule} ` : ""}w${r.weight} · ${pct(r.percent!)}`);
  const bad = refs.find((r) => !r.ok);
  if (bad) parts.push(`✕ ${bad.reason ?? "broken"}`);
  if (!parts.length && refs.length > 1) parts.push(`×${refs.length}`);
  return parts.join(", ");
}

function refLine(r: GraphEdge, cross: boolean): string {
  let s: string = r.type;
  if (r.rule !== undefined) s += ` (rule ${r.rule})`;
  if (r.section) s += ` → ${r.section}`;
  if (r.weight !== undefined) s += `: weight ${r.weight}, ${pct(r.percent ?? 0)} of the rule's traffic`;
  if (r.grant) s += ` · cross-namespace, allowed by ReferenceGrant ${r.grant}`;
  else if (cross && r.ok) s += " · cross-namespace";
  if (!r.ok) {
    const what = r.type === "parentRef" || r.type === "meshParent" ? "not attached" : "broken";
    s += ` · ${what}: ${r.reason ?? "unresolved"}`;
    if (cross && r.reason === "RefNotPermitted") s += " (no ReferenceGrant allows it)";
  }
  return s;
}

function sameRefs(a: GraphEdge[], b: GraphEdge[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameGraphEdge(a[i], b[i])) return false;
  return true;
}

/** Edges by their visible ends, referring end first: from → to → edge. */
export type EdgeIndex = Map<string, Map<string, FlowEdge>>;

/**
 * Drawn edges; `prev` (the previous result's index) supplies objects to reuse when nothing they draw
 * changed. Ends are grouped in nested maps rather than by a joined key: this runs over every graph
 * edge on every edit, and building a string per edge costs more than the rest of the loop.
 */
export function flowEdges(graphEdges: GraphEdge[], vis: Visibility, byId: Map<string, FlowNode>, prev?: EdgeIndex, focus: ReadonlySet<string> = NO_FOCUS): { edges: FlowEdge[]; index: EdgeIndex; fans: boolean; bundles: BundleMembers; fanEnds: ReadonlySet<string> } {
  const merged: Merged = new Map();
  for (const e of graphEdges) {
    // A listener drawn inside its owner needs no line to it: containment shows it.
    if (e.type === "listener" && vis.portOwner.has(e.to)) continue;
    const a = vis.rep.get(e.from);
    const b = vis.rep.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    let byTo = merged.get(a);
    if (!byTo) merged.set(a, (byTo = new Map()));
    const refs = byTo.get(b);
    if (refs) refs.push(e);
    else byTo.set(b, [e]);
  }
  const { members: bundled, fans, ends: fanEnds } = bundleFans(merged, vis, focus);
  const edges: FlowEdge[] = [];
  const index: EdgeIndex = new Map();
  for (const [from, byTo] of merged) {
    const na = byId.get(from);
    if (!na) continue;
    const out = new Map<string, FlowEdge>();
    index.set(from, out);
    const prevOut = prev?.get(from);
    const bundles = bundled.get(from);
    for (const [to, refs] of byTo) {
      const nb = byId.get(to);
      if (!nb) continue;
      const e = edgeOf(from, to, refs, na, nb, vis, prevOut?.get(to), bundles?.get(to));
      out.set(to, e);
      edges.push(e);
    }
  }
  return { edges, index, fans, bundles: bundled, fanEnds };
}

/** What a bundle says: how many objects of which box, and the first few names. */
function bundleText(from: string, to: string, members: string[], box: FlowNode): { label: string; title: string } {
  const ns = box.type === "nsgroup" ? box.data.namespace : "";
  const shown = members.slice(0, 12).join(", ") + (members.length > 12 ? `, … (${members.length - 12} more)` : "");
  return { label: `×${members.length}`, title: `${from} → ${to}\n${members.length} objects of namespace ${ns}, drawn as one line: ${shown}` };
}

/**
 * The drawn edge between visible ends `from` → `to` standing for `refs` (a bundle's `members` when
 * it is one); `old` when it draws the same.
 */
export function edgeOf(from: string, to: string, refs: GraphEdge[], na: FlowNode, nb: FlowNode, vis: Visibility, old: FlowEdge | undefined, members?: string[]): FlowEdge {
  let source = from;
  let target = to;
  let targetHandle = "left";
  if (nb.position.x < na.position.x - 1) {
    source = to;
    target = from;
  } else if (Math.abs(nb.position.x - na.position.x) <= 1) targetHandle = "right";
  if (old && old.source === source && old.target === target && old.targetHandle === targetHandle && old.data && old.data.members === members?.length && sameRefs(old.data.refs, refs)) return old;
  let broken = 0;
  let cross = false;
  for (const r of refs) {
    if (!r.ok) broken++;
    if (!cross && GRANTED.has(r.type)) {
      const fa = vis.byId.get(r.from)?.namespace;
      const fb = vis.byId.get(r.to)?.namespace;
      cross = !!fa && !!fb && fa !== fb;
    }
  }
  const kind = refs.some((r) => r.type === "backendRef") ? "backendRef" : refs[0].type;
  const data: RefEdgeData = {
    from,
    to,
    testId: edgeTestId(from, to),
    refs,
    ok: broken === 0,
    broken,
    cross,
    label: edgeLabel(refs),
    title: `${from} → ${to}\n${refs.slice(0, MAX_TITLE_LINES).map((r) => refLine(r, cross)).join("\n")}${refs.length > MAX_TITLE_LINES ? `\n… (${refs.length - MAX_TITLE_LINES} more)` : ""}`,
    kind,
  };
  if (members) {
    const t = bundleText(from, to, members, na.type === "nsgroup" ? na : nb);
    data.members = members.length;
    data.label = broken ? `${t.label}, ✕ ${broken} broken` : t.label;
    data.title = t.title + (broken ? `\n${refs.filter((r) => !r.ok).map((r) => refLine(r, cross)).slice(0, 12).join("\n")}` : "");
  }
  return { id: old?.id ?? `${from}>${to}`, type: "ref", source, target, sourceHandle: "right", targetHandle, focusable: false, data };
}
