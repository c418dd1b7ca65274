/**
 * The engine behind the worker, as plain functions so it can be tested in Node without a Worker:
 * load text → snapshot (parse, simulate, graph, layout, spans), lay the current graph out again
 * (collapsed namespaces, tidy), simulate requests on the current model. Objects that did not change
 * since the previous snapshot are the same objects (engine caches, then stable.ts for what is rebuilt
 * every time), which is what lets the worker send deltas (delta.ts).
 */
import { parse, ParseCache } from "../../src/parse";
import { simulate, ControllerCache, modelDelta } from "../../src/controller";
import { buildGraph, GraphCache } from "../../src/graph";
import { match } from "../../src/match";
import { refKey } from "../../src/model/ids";
import type { Model } from "../../src/model/model";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";
import type { LineIndex } from "../../src/model/source";
import type { Resource } from "../../src/model/resource";
import type { Graph, GraphEdge, GraphNode, NamespaceGroup } from "../../src/graph";
import type { Diagnostic } from "../../src/model/diagnostic";
import type { Assumption } from "../../src/model/model";
import type { ResourceStatus } from "../../src/model/status";
import type { GatewayInfo, Positioned, ResourceSpan, Snapshot } from "./protocol";
import { effectiveCollapsed, Positions } from "./positions";
import { suggestCollapsed } from "../../src/graph/layout";
import { Interner } from "./stable";

/** How to load: namespaces to lay out collapsed, from scratch, collapse a new picture's largest namespaces. */
export interface LoadOptions {
  collapsed?: readonly string[];
  tidy?: boolean;
  autoCollapse?: boolean;
}

/** Whether `next` is an edit of `prev` (most node ids shared) rather than a new picture. */
export function samePicture(prev: Graph | undefined, next: Graph): boolean {
  if (!prev || !prev.nodes.length || !next.nodes.length) return false;
  const ids = new Set<string>();
  for (const n of prev.nodes) ids.add(n.id);
  let shared = 0;
  for (const n of next.nodes) if (ids.has(n.id)) shared++;
  return shared >= 0.5 * Math.max(prev.nodes.length, next.nodes.length);
}

/** What a snapshot is made of apart from its layout, kept to lay the same graph out again. */
type Parts = Omit<Snapshot, "version" | "positions" | "collapsed" | "timings">;

export class Engine {
  // One cache per stage: an edit re-parses, re-simulates and re-draws only what it touched.
  private cache = new ParseCache();
  private controllerCache = new ControllerCache();
  private graphCache = new GraphCache();
  private model: Model | null = null;
  private positions = new Positions();
  private version = 0;
  private parts: Parts | null = null;
  /** Namespaces to lay out collapsed (as asked; the graph may not have them all). */
  private collapsed: string[] = [];
  // Interned per kind of object: unchanged values keep their identity from one load to the next.
  private nodes = new Interner<GraphNode>((n) => n.id);
  private edges = new Interner<GraphEdge>((e) => e.id);
  private groups = new Interner<NamespaceGroup>((g) => g.id);
  private spanSet = new Interner<ResourceSpan>((s) => s.id, sameSpan);
  private statuses = new Interner<ResourceStatus>((s) => refKey(s));
  private diags = new Interner<Diagnostic>((d) => `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`);
  private assumed = new Interner<Assumption>((a) => `${a.code}|${a.message}|${a.refs.join(",")}`);
  private gws = new Interner<GatewayInfo>((g) => g.ref);

  /**
   * Parse and simulate a text, laid out with `opts.collapsed` namespaces (default: as before), from
   * scratch when `tidy`; never throws. With `autoCollapse`, a new picture (not an edit of the last
   * one) none of whose namespaces is asked collapsed opens with its largest namespaces collapsed
   * (suggestCollapsed: a readable first view), laid out once that way; `Snapshot.collapsed` says so.
   */
  load(text: string, fileName: string, opts: LoadOptions = {}): Snapshot {
    if (opts.collapsed) this.collapsed = [...opts.collapsed];
    const prevGraph = this.parts?.graph;
    const t0 = performance.now();
    const parsed = parse({ name: fileName, text }, this.cache);
    const t1 = performance.now();
    const model = simulate(parsed.resources, { lines: parsed.lines, cache: this.controllerCache });
    const t2 = performance.now();
    const built = buildGraph(model, this.graphCache);
    const graph: Graph = { nodes: this.nodes.list(built.nodes), edges: this.edges.list(built.edges), groups: this.groups.list(built.groups) };
    if (opts.autoCollapse && !samePicture(prevGraph, graph)) {
      const present = new Set(graph.groups.map((g) => g.namespace));
      if (!this.collapsed.some((ns) => present.has(ns))) {
        const suggested = suggestCollapsed(graph);
        if (suggested.size) this.collapsed = [...suggested];
      }
    }
    const t3 = performance.now();
    const previous = this.model;
    this.model = model;
    this.parts = {
      graph,
      diagnostics: this.diags.list([...parsed.diagnostics, ...model.diagnostics]),
      spans: this.spanSet.list(spans(parsed.resources, parsed.lines)),
      status: this.statuses.list([...model.status.values()]),
      assumptions: this.assumed.list(model.assumptions),
      gateways: this.gws.list(this.gatewayInfos(model, previous)),
      syntaxErrors: parsed.diagnostics.some((d) => d.code === "yaml-syntax" || d.code === "duplicate-key"),
    };
    const t4 = performance.now();
    const { positions, laidOut } = this.layOut(!!opts.tidy);
    const t5 = performance.now();
    return { ...this.parts, version: ++this.version, positions, ...laidOut, timings: { parse: t1 - t0, simulate: t2 - t1, graph: t3 - t2, snapshot: t4 - t3, layout: t5 - t4 } };
  }

  /**
   * The current graph laid out again with `collapsed` namespaces; `tidy` lays it out from scratch
   * (with crossing reduction) instead of from the previous layout. Null before the first load.
   */
  layout(collapsed: readonly string[], tidy: boolean): Snapshot | null {
    if (!this.parts) return null;
    this.collapsed = [...collapsed];
    const t0 = performance.now();
    const { positions, laidOut } = this.layOut(tidy);
    return { ...this.parts, version: ++this.version, positions, ...laidOut, timings: { layout: performance.now() - t0 } };
  }

  private layOut(tidy: boolean): { positions: Record<string, Positioned>; laidOut: { collapsed?: string[] } } {
    const graph = this.parts!.graph;
    const eff = effectiveCollapsed(graph, this.collapsed);
    return { positions: this.positions.of(graph, eff, tidy), laidOut: eff.length ? { collapsed: eff } : {} };
  }

  private lastInfos: GatewayInfo[] = [];

  /**
   * The simulator's gateway list. A Model patched from the previous one (an edit inside routes'
   * rules: listeners and attachments as they were) keeps it unless an edited route's hostnames changed.
   */
  private gatewayInfos(model: Model, previous: Model | null): GatewayInfo[] {
    const d = modelDelta(model);
    if (d && previous && d.previous === previous && d.routes.every((r) => sameStrings(r.before.hostnames, r.after.hostnames))) return this.lastInfos;
    return (this.lastInfos = gateways(model));
  }

  /** The current model (null before the first load). */
  current(): Model | null {
    return this.model;
  }

  /**
   * Run `text` through the whole load path as an edit would (rehearsal.ts), and `after` on its
   * snapshot, then put the engine back: the current model, snapshot parts and version are the ones
   * from before; only the caches (valid for any next text) moved on.
   */
  rehearse(text: string, fileName: string, after: (s: Snapshot, simulate: (r: SimRequest[]) => Outcome[]) => void): void {
    const kept = { model: this.model, parts: this.parts, version: this.version, infos: this.lastInfos };
    try {
      after(this.load(text, fileName), (r) => this.simulate(r, true));
    } finally {
      this.model = kept.model;
      this.parts = kept.parts;
      this.version = kept.version;
      this.lastInfos = kept.infos;
    }
  }

  /** Run requests against the current model. */
  simulate(requests: SimRequest[], trace: boolean): Outcome[] {
    const model = this.model;
    if (!model) return [];
    return requests.map((r) => match(model, r, { trace }));
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function sameSpan(a: ResourceSpan, b: ResourceSpan): boolean {
  return a.start === b.start && a.end === b.end && a.startLine === b.startLine && a.startColumn === b.startColumn && a.endLine === b.endLine && a.endColumn === b.endColumn && a.file === b.file;
}

function spans(resources: Resource[], lines: Map<string, LineIndex>): ResourceSpan[] {
  const out: ResourceSpan[] = [];
  for (const r of resources) {
    const li = lines.get(r.source.file);
    const tree = r.source.tree;
    if (!li || !tree) continue;
    const start = r.source.offset + tree.r[0];
    const end = r.source.offset + tree.r[1];
    const a = li.position(start);
    const b = li.position(end);
    out.push({ id: refKey(r), file: r.source.file, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, start, end });
  }
  return out;
}

function gateways(model: Model): GatewayInfo[] {
  return model.gateways.map((g) => {
    const hostnames = new Set<string>();
    for (const l of g.listeners) for (const a of l.routes) for (const h of a.hostnames) hostnames.add(h);
    return {
      ref: `${g.resource.namespace}/${g.resource.name}`,
      listeners: g.listeners.map((l) => ({ name: l.name, port: l.port, protocol: l.protocol, hostname: l.hostname })),
      hostnames: [...hostnames].sort(),
    };
  });
}
