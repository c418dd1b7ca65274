/**
 * toFlow's fast path for an edit that keeps the picture's structure — typing inside a route (a
 * weight, a hostname, a match), a status that changes: same positions, same view, the same node
 * and edge ids in the same order with the same ends. Snapshots keep unchanged graph objects, so a
 * walk over both graphs comparing object identity finds the few that changed; only their drawn
 * nodes and edges are rebuilt, and everything else (visibility, namespace boxes, bundles, the
 * other nodes and edges) is the previous flow's. Anything else — a node added, moved, hidden; a
 * summary's health changing; many changes at once — returns null and toFlow builds afresh.
 */
import type { GraphEdge, GraphNode } from "../../src/graph";
import { groupNodeId, type FlowEdge, type FlowNode, type ResourceNode } from "./flowTypes";
import { edgeOf, type EdgeIndex } from "./flowEdges";
import type { BundleMembers } from "./bundles";
import { sameGraphNode } from "./same";
import { ownerOf, type ViewOptions, type Visibility } from "./visibility";
import type { Flow, FlowInput } from "./toFlow";

/** What toFlow keeps with a flow so the next edit can patch it. */
export interface FlowMemo {
  /** The input this flow was built (or patched) from. */
  input: FlowInput;
  vis: Visibility;
  bundles: BundleMembers;
  /** Ends of the pairs in large fans: the only ids whose focus changes the drawing (bundles.ts). */
  fanEnds: ReadonlySet<string>;
  /** Lookups that hold as long as the structure does: built on first need, shared along patches. */
  shared: SharedLookups;
}

interface SharedLookups {
  /** Drawn node id → index in `nodes`. */
  nodeAt?: Map<string, number>;
  /** Drawn edge id → index in `edges`. */
  edgeAt?: Map<string, number>;
}

/** Past this many changed objects (or this share of them), a fresh build is cheaper. */
const MAX_CHANGES = 200;
const MAX_SHARE = 0.05;

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether two views draw the same structure. The focus (the selection, the request's path) only
 * keeps lines out of large fans, so focus on anything that is not an end of such a line draws
 * nothing different: a request whose path changes as its route is edited patches the flow.
 */
function sameView(a: ViewOptions, b: ViewOptions, fanEnds: ReadonlySet<string>): boolean {
  return sameList(a.hiddenNamespaces, b.hiddenNamespaces) && sameList(a.hiddenKinds, b.hiddenKinds) && sameList(a.collapsed, b.collapsed) && (sameList(a.focus, b.focus) || sameList(inFans(a.focus, fanEnds), inFans(b.focus, fanEnds)));
}

function inFans(focus: readonly string[] | undefined, fanEnds: ReadonlySet<string>): string[] {
  return focus && fanEnds.size ? [...new Set(focus.filter((id) => fanEnds.has(id)))].sort() : [];
}

/** The fields visibility, boxes, columns and ports are made of. */
function sameStructure(a: GraphNode, b: GraphNode): boolean {
  return a.id === b.id && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace && a.rank === b.rank && a.role === b.role && ownerOf(a) === ownerOf(b);
}

/** Indices where two lists of equal length hold different objects; null past `max`. */
function changed<T>(a: readonly T[], b: readonly T[], max: number): number[] | null {
  const out: number[] = [];
  if (a === b) return out;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (out.length >= max) return null;
    out.push(i);
  }
  return out;
}

function indexOfIds(items: readonly { id: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  items.forEach((x, i) => m.set(x.id, i));
  return m;
}

/**
 * The drawn edge standing for graph edge `e` in `prev`: between what stands for its ends, or a
 * bundle from one end into the other end's box (bundles.ts). Undefined when the reference is not
 * drawn at all; null when it should be drawn but was not found (then the caller builds afresh).
 */
function drawnEdgeOf(e: GraphEdge, prev: Flow, vis: Visibility): FlowEdge | null | undefined {
  if (e.type === "listener" && vis.portOwner.has(e.to)) return undefined;
  const a = prev.rep.get(e.from);
  const b = prev.rep.get(e.to);
  if (a === undefined || b === undefined || a === b) return undefined;
  const holds = (fe: FlowEdge | undefined): fe is FlowEdge => !!fe && fe.data!.refs.some((r) => r.id === e.id);
  const direct = prev.edgeIndex.get(a)?.get(b);
  if (holds(direct)) return direct;
  const boxOf = (id: string): string | undefined => {
    const n = vis.byId.get(id);
    return n && n.namespace && !vis.portOwner.has(id) && vis.rep.get(id) === id ? groupNodeId(n.namespace, vis.column.get(id)!) : undefined;
  };
  const bb = boxOf(b);
  const intoBox = bb === undefined ? undefined : prev.edgeIndex.get(a)?.get(bb);
  if (holds(intoBox)) return intoBox;
  const ba = boxOf(a);
  const fromBox = ba === undefined ? undefined : prev.edgeIndex.get(ba)?.get(b);
  return holds(fromBox) ? fromBox : null;
}

/** The previous flow patched for `input`, or null when the edit changed the structure. */
export function patchFlow(input: FlowInput, prev: Flow): Flow | null {
  const m = prev.memo;
  if (!m) return null;
  const before = m.input;
  if (input.positions !== before.positions || !sameView(input.view, before.view, m.fanEnds)) return null;
  const g0 = before.graph;
  const g1 = input.graph;
  if (g1 === g0) return prev;
  if (g0.nodes.length !== g1.nodes.length || g0.edges.length !== g1.edges.length || g0.groups.length !== g1.groups.length) return null;
  for (let i = 0; i < g0.groups.length; i++) {
    const a = g0.groups[i];
    const b = g1.groups[i];
    if (a !== b && (a.id !== b.id || a.defined !== b.defined)) return null;
  }
  const max = Math.min(MAX_CHANGES, Math.max(8, Math.floor(MAX_SHARE * (g1.nodes.length + g1.edges.length))));
  const nodeIdx = changed(g0.nodes, g1.nodes, max);
  const edgeIdx = nodeIdx && changed(g0.edges, g1.edges, max - nodeIdx.length);
  if (!nodeIdx || !edgeIdx) return null;

  // Nodes: a changed node drawn as itself gets a new flow node; one standing in a collapsed
  // summary matters only through the summary's health.
  const newNodes = new Map<string, FlowNode>();
  for (const i of nodeIdx) {
    const a = g0.nodes[i];
    const b = g1.nodes[i];
    if (!sameStructure(a, b)) return null;
    const rep = prev.rep.get(b.id);
    if (rep === undefined) continue; // filtered out
    if (rep !== b.id) {
      if (a.status.level !== b.status.level) return null;
      continue;
    }
    const old = prev.byId.get(b.id) as ResourceNode | undefined;
    if (!old || old.type !== b.role) return null;
    if (sameGraphNode(old.data.g, b)) continue;
    newNodes.set(b.id, { ...old, data: { ...old.data, g: b } });
  }

  // Edges: the drawn edge standing for each changed reference is rebuilt with it.
  const changedRefs = new Map<FlowEdge, Map<string, GraphEdge>>(); // drawn edge → ref id → new ref
  for (const i of edgeIdx) {
    const a = g0.edges[i];
    const b = g1.edges[i];
    if (a.id !== b.id || a.from !== b.from || a.to !== b.to || a.type !== b.type) return null;
    const fe = drawnEdgeOf(b, prev, m.vis);
    if (fe === null) return null;
    if (fe === undefined) continue; // not drawn (inside a collapsed namespace, a port's own listener edge…)
    let refs = changedRefs.get(fe);
    if (!refs) changedRefs.set(fe, (refs = new Map()));
    refs.set(b.id, b);
  }
  const byId = newNodes.size ? new Map(prev.byId) : prev.byId;
  for (const [id, n] of newNodes) byId.set(id, n);
  const newEdges = new Map<string, FlowEdge>();
  for (const [fe, repl] of changedRefs) {
    const { from, to } = fe.data!;
    const na = byId.get(from);
    const nb = byId.get(to);
    if (!na || !nb) return null;
    const refs = fe.data!.refs.map((r) => repl.get(r.id) ?? r);
    const e = edgeOf(from, to, refs, na, nb, m.vis, fe, m.bundles.get(from)?.get(to));
    if (e !== fe) newEdges.set(e.id, e);
  }

  // Nothing drawn changed: the same flow (its memo keeps the older input, whose drawing is the same).
  if (!newNodes.size && !newEdges.size) return prev;
  let nodes = prev.nodes;
  if (newNodes.size) {
    const at = (m.shared.nodeAt ??= indexOfIds(prev.nodes));
    nodes = prev.nodes.slice();
    for (const [id, n] of newNodes) nodes[at.get(id)!] = n;
  }
  let edges = prev.edges;
  let edgeIndex: EdgeIndex = prev.edgeIndex;
  if (newEdges.size) {
    const at = (m.shared.edgeAt ??= indexOfIds(prev.edges));
    edges = prev.edges.slice();
    edgeIndex = new Map(prev.edgeIndex);
    const copied = new Set<string>();
    for (const [id, e] of newEdges) {
      edges[at.get(id)!] = e;
      const from = e.data!.from;
      if (!copied.has(from)) {
        copied.add(from);
        edgeIndex.set(from, new Map(prev.edgeIndex.get(from)));
      }
      edgeIndex.get(from)!.set(e.data!.to, e);
    }
  }
  return { ...prev, nodes, edges, byId, edgeIndex, memo: { ...m, input } };
}
