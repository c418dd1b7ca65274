/**
 * The visual-edit loop at 1,000 routes (issue 5: "everything downstream — graph, status, simulator
 * results, the sample-request list — updates within one frame of an edit"): a canary weight shift
 * written into the text (applyEdit with the document hints the app passes), the text re-imported
 * with the app's caches (parse, controller, graph), the layout updated from the previous one unless
 * the graph's layout inputs are unchanged (as the worker decides, web/worker/positions.ts), and ten
 * sample requests matched again (the matcher's index patched from the previous Model's). All of it
 * is the worker's work; one frame is 16.7 ms.
 */
import { routesYaml } from "./fixtures";
import { fmtMs, type Row } from "./table";
import { applyEdit, targetOf } from "../src/edit";
import { parse, ParseCache } from "../src/parse";
import { simulate, ControllerCache } from "../src/controller";
import { buildGraph, GraphCache } from "../src/graph";
import { layoutGraph } from "../src/graph/layout";
import { sameLayoutInput } from "../src/graph/layoutInput";
import { indexCounts } from "../src/match/index-patch";
import { match } from "../src/match";
import type { SimRequest } from "../src/model/request";

export function editLoopRows(): Row[] {
  const n = 1000;
  let text = routesYaml(n);
  const pc = new ParseCache();
  const cc = new ControllerCache();
  const gc = new GraphCache();
  let p = parse(text, pc);
  let model = simulate(p.resources, { lines: p.lines, cache: cc });
  let graph = buildGraph(model, gc);
  let layout = layoutGraph(graph);
  let laidOut = 0;
  const samples: SimRequest[] = Array.from({ length: 10 }, (_, i) => ({ gateway: "infra/edge", request: { protocol: "HTTP", host: `app-${i * 97}.example.com`, path: "/api/v1/items", headers: { "x-canary": "true" } } }));
  const route = p.resources.find((r) => r.kind === "HTTPRoute" && r.name === `app-${n / 2}`)!;
  let flip = 0;
  const runs: number[][] = [];
  const step = () => {
    const w = flip++ % 2 ? 30 : 70;
    const t0 = performance.now();
    const r = applyEdit(text, { op: "setWeights", target: targetOf(p.resources.find((x) => x.obj === route.obj) ?? route), rule: 0, weights: [w, 100 - w] });
    if (!r.ok) throw new Error(r.error);
    text = r.text;
    const t1 = performance.now();
    p = parse(text, pc);
    model = simulate(p.resources, { lines: p.lines, cache: cc });
    const next = buildGraph(model, gc);
    const t2 = performance.now();
    if (!sameLayoutInput(graph, next)) {
      layout = layoutGraph(next, { previous: layout });
      laidOut++;
    }
    graph = next;
    const t3 = performance.now();
    for (const s of samples) match(model, s);
    const t4 = performance.now();
    runs.push([t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3]);
  };
  for (let i = 0; i < 5; i++) step();
  runs.length = 0;
  laidOut = 0;
  const patched0 = indexCounts.patched;
  for (let i = 0; i < 15; i++) step();
  const med = (j: number) => runs.map((r) => r[j]).sort((x, y) => x - y)[runs.length >> 1];
  const total = med(0);
  const detail = `medians: edit ${fmtMs(med(1))} · parse+controller+graph ${fmtMs(med(2))} (${cc.lastPatched && gc.lastPatched ? "patched" : "rebuilt"}) · layout ${fmtMs(med(3))} (laid out ${laidOut} of ${runs.length}) · 10 samples ${fmtMs(med(4))} (match index patched ${indexCounts.patched - patched0} of ${runs.length})`;
  return [{ name: `visual edit → text → model, graph, layout, samples (${n} routes)`, value: fmtMs(total), reference: detail, target: "< 16.7 ms (one frame)", met: total < 16.7 }];
}
