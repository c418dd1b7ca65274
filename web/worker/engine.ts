/**
 * The engine behind the worker, as plain functions so it can be tested in Node without a Worker:
 * load text → snapshot (parse, simulate, graph, layout, spans), simulate requests on the current model.
 */
import { parse, ParseCache } from "../../src/parse";
import { simulate, ControllerCache } from "../../src/controller";
import { buildGraph, GraphCache } from "../../src/graph";
import { match } from "../../src/match";
import { refKey } from "../../src/model/ids";
import type { Model } from "../../src/model/model";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";
import type { LineIndex } from "../../src/model/source";
import type { Resource } from "../../src/model/resource";
import type { GatewayInfo, ResourceSpan, Snapshot } from "./protocol";
import { Positions } from "./positions";

export class Engine {
  // One cache per stage: an edit re-parses, re-simulates and re-draws only what it touched.
  private cache = new ParseCache();
  private controllerCache = new ControllerCache();
  private graphCache = new GraphCache();
  private model: Model | null = null;
  private positions = new Positions();
  private version = 0;

  /** Parse and simulate a text; never throws. */
  load(text: string, fileName: string): Snapshot {
    const t0 = performance.now();
    const parsed = parse({ name: fileName, text }, this.cache);
    const t1 = performance.now();
    const model = simulate(parsed.resources, { lines: parsed.lines, cache: this.controllerCache });
    const t2 = performance.now();
    const graph = buildGraph(model, this.graphCache);
    const t3 = performance.now();
    const positions = this.positions.of(graph);
    const t4 = performance.now();
    this.model = model;
    const diagnostics = [...parsed.diagnostics, ...model.diagnostics];
    return {
      version: ++this.version,
      graph,
      positions,
      diagnostics,
      spans: spans(parsed.resources, parsed.lines),
      status: [...model.status.values()],
      assumptions: model.assumptions,
      gateways: gateways(model),
      syntaxErrors: parsed.diagnostics.some((d) => d.code === "yaml-syntax" || d.code === "duplicate-key"),
      timings: { parse: t1 - t0, simulate: t2 - t1, graph: t3 - t2, layout: t4 - t3 },
    };
  }

  /** Run requests against the current model. */
  simulate(requests: SimRequest[], trace: boolean): Outcome[] {
    const model = this.model;
    if (!model) return [];
    return requests.map((r) => match(model, r, { trace }));
  }
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
