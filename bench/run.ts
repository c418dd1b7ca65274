/**
 * `npm run bench`: the engine's speed, each figure beside references measured in the same run.
 * Figures are wall-clock on this machine; compare rows with each other, not across machines.
 */
import v8 from "node:v8";
import vm from "node:vm";
import * as YAML from "yaml";
import jsyaml from "js-yaml";
import { routesYaml, routeDoc } from "./fixtures";
import { printTable, timeMs, opsPerSecond, fmtMs, fmtRate, type Row } from "./table";
import { parse, ParseCache } from "../src/parse";
import { simulate, ControllerCache } from "../src/controller";
import { buildGraph, GraphCache } from "../src/graph";
import { match } from "../src/match";
import { naiveMatch } from "../src/match/naive";
import type { SimRequest } from "../src/model/request";

/** The caches the app keeps for one configuration while it is edited. */
interface Caches {
  parse: ParseCache;
  controller: ControllerCache;
  graph: GraphCache;
}

function importAll(text: string, cache?: Caches) {
  const p = parse(text, cache?.parse);
  const model = simulate(p.resources, { lines: p.lines, cache: cache?.controller });
  return buildGraph(model, cache?.graph);
}

function importRows(n: number, runs: number): Row[] {
  const text = routesYaml(n);
  const mb = (text.length / 1e6).toFixed(1);
  const json = JSON.stringify(jsyaml.loadAll(text));
  const ours = timeMs(() => importAll(text), runs);
  const yamlPkg = timeMs(() => YAML.parseAllDocuments(text), runs);
  const jsy = timeMs(() => jsyaml.loadAll(text), runs);
  const jp = timeMs(() => JSON.parse(json), runs);
  const p = parse(text);
  const parseOnly = timeMs(() => parse(text), runs);
  const model = simulate(p.resources, { lines: p.lines });
  const ctl = timeMs(() => simulate(p.resources, { lines: p.lines }), runs);
  const graph = timeMs(() => buildGraph(model), runs);
  const rows: Row[] = [
    { name: `import ${n} routes (${mb} MB): parse + controller + graph`, value: fmtMs(ours), reference: `yaml ${fmtMs(yamlPkg)} · js-yaml ${fmtMs(jsy)} · JSON.parse ${fmtMs(jp)}` },
    { name: `  of which parse (source trees, schema)`, value: fmtMs(parseOnly) },
    { name: `  of which controller`, value: fmtMs(ctl) },
    { name: `  of which graph`, value: fmtMs(graph) },
  ];
  if (n === 1000) Object.assign(rows[0], { target: "< 1 s", met: ours < 1000 });
  return rows;
}

function reimportRows(n: number): Row[] {
  const text = routesYaml(n);
  const cache: Caches = { parse: new ParseCache(), controller: new ControllerCache(), graph: new GraphCache() };
  importAll(text, cache);
  const mid = Math.floor(n / 2);
  const before = routeDoc(mid);
  // Two edits of one document (a weight), applied alternately, so every run re-parses exactly one
  // document. The texts are made (and flattened, as a text that arrives by postMessage is) before
  // timing: making the edit is the editor's work, not the engine's.
  const edits = [before.replace("weight: 90", "weight: 80"), before.replace("weight: 90", "weight: 7")].map((e) => flat(text.replace(before, e)));
  let flip = 0;
  const ms = timeMs(() => importAll(edits[flip++ % 2], cache), 7);
  const local = `documents re-parsed: ${cache.parse.lastMisses} · routes recomputed: ${cache.controller.lastMisses} · edges made: ${cache.graph.lastNewEdges} · model and graph ${cache.controller.lastPatched && cache.graph.lastPatched ? "patched" : "rebuilt"}`;
  // An edit that changes what the route references (a backend renamed): the controller runs its
  // rules (reusing every other route's results) and the graph is built again from its caches.
  const renames = [before.replace(`name: app-${mid}-canary`, `name: app-${mid}-next`), before.replace(`name: app-${mid}-canary`, `name: app-${mid}-other`)].map((e) => flat(text.replace(before, e)));
  const full = timeMs(() => importAll(renames[flip++ % 2], cache), 5);
  const rebuilt = `routes recomputed: ${cache.controller.lastMisses} · edges made: ${cache.graph.lastNewEdges} · model and graph ${cache.controller.lastPatched || cache.graph.lastPatched ? "patched" : "rebuilt"}`;
  return [
    { name: `re-import after editing 1 document of ${n} routes (a weight)`, value: fmtMs(ms), reference: local, target: "< 50 ms", met: ms < 50 },
    { name: `  … an edit that changes a route's references (a backend renamed)`, value: fmtMs(full), reference: rebuilt },
  ];
}

/** The same text as one flat string (a replace makes a rope, which the first read would flatten). */
function flat(s: string): string {
  s.charCodeAt(s.length >> 1);
  return s;
}

function requests(n: number): SimRequest[] {
  const out: SimRequest[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = (i * 7919) % n;
    const kind = i % 4;
    out.push({
      gateway: "infra/edge",
      request: {
        protocol: "HTTP",
        host: kind === 3 ? `nohost-${r}.example.com` : `app-${r}.example.com`,
        path: kind === 0 ? `/api/v${r % 3}/items` : kind === 1 ? "/healthz" : "/index.html",
        method: "GET",
        headers: kind === 0 ? { "x-canary": "true" } : {},
      },
    });
  }
  return out;
}

function matchRows(n: number): Row[] {
  const p = parse(routesYaml(n));
  const model = simulate(p.resources, { lines: p.lines });
  const reqs = requests(n);
  const fast = opsPerSecond((i) => match(model, reqs[i % reqs.length], { trace: false }));
  const traced = opsPerSecond((i) => match(model, reqs[i % reqs.length]), 500);
  const naive = opsPerSecond((i) => naiveMatch(model, reqs[i % reqs.length]), 500);
  return [
    { name: `matching, ${n} routes (no trace)`, value: `${fmtRate(fast)} · ${(1e6 / fast).toFixed(2)} µs/req`, reference: `naive matcher ${fmtRate(naive)} (${(fast / naive).toFixed(0)}× slower)`, target: "≥ 500 k/s, ≥ 20× naive", met: fast >= 500_000 && fast / naive >= 20 },
    { name: `matching, ${n} routes (full trace)`, value: `${fmtRate(traced)} · ${(1e6 / traced).toFixed(2)} µs/req` },
  ];
}

/**
 * A full garbage collection before a section, so it measures its own work and not the garbage the
 * previous one left behind (the reference parsers of the 10,000-route import leave gigabytes, whose
 * marking would otherwise run inside the next section's timings; the app's worker has no such heap).
 */
function settle(): void {
  v8.setFlagsFromString("--expose_gc");
  const gc = vm.runInNewContext("gc") as (() => void) | undefined;
  gc?.();
}

const quick = process.argv.includes("--quick");
printTable("Import (parse + controller + graph)", [...importRows(1000, 5), ...(quick ? [] : importRows(10_000, 2))]);
settle();
printTable("Incremental re-import", reimportRows(quick ? 1000 : 10_000));
settle();
printTable("Matching (HTTP)", matchRows(1000));
settle();
printTable("Layout (ranked columns, crossings, incremental)", (await import("./layout")).layoutRows(quick));
settle();
printTable("Structured edits (applyEdit)", (await import("./edit")).editRows(quick));
settle();
printTable("Visual edit loop", (await import("./edit-loop")).editLoopRows());
