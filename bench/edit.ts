/**
 * Structured edits: one canary weight shift (`setWeights` on a rule of one route) in a text of
 * 1,000 and 10,000 routes, with the hints the app passes (a Resource's document index and offset)
 * and without them (the document found by scanning). The edit parses only its own document.
 * Each figure is the median wall time and, beside it, the process's CPU time per edit over the same
 * runs (the machine is shared: CPU time is what the edit itself costs when others are busy).
 */
import * as YAML from "yaml";
import { routesYaml, routeDoc } from "./fixtures";
import { fmtMs, timeMs, type Row } from "./table";
import { applyEdit } from "../src/edit";
import { splitDocuments } from "../src/parse/split";
import { parse } from "../src/parse";
import type { Target } from "../src/edit";

/** Median wall time and mean CPU time (ms) of `fn` over `runs` runs after a warm-up. */
function measure(fn: () => unknown, runs: number): { wall: number; cpu: number } {
  for (let i = 0; i < 5; i++) fn();
  const before = process.cpuUsage();
  const wall = timeMs(fn, runs, 0);
  const used = process.cpuUsage(before);
  return { wall, cpu: (used.user + used.system) / 1000 / runs };
}

const fmt = (m: { wall: number; cpu: number }): string => `${fmtMs(m.wall)} (CPU ${fmtMs(m.cpu)})`;

function rows(n: number, runs: number): Row[] {
  const text = routesYaml(n);
  const mb = (text.length / 1e6).toFixed(1);
  const mid = Math.floor(n / 2);
  // Documents: the GatewayClass, the Gateway, then route i at index i + 2.
  const chunk = splitDocuments(text)[mid + 2];
  const bare: Target = { kind: "HTTPRoute", name: `app-${mid}`, namespace: `team-${mid % 20}` };
  const hinted: Target = { ...bare, doc: mid + 2, offset: chunk.offset };
  let flip = 0;
  const shift = (target: Target) => () => {
    const w = flip++ % 2 ? 30 : 70;
    const r = applyEdit(text, { op: "setWeights", target, rule: 0, weights: [w, 100 - w] });
    if (!r.ok || r.changed.length !== 2) throw new Error(`edit failed: ${r.ok ? JSON.stringify(r.changed) : r.error}`);
    return r;
  };
  const withHints = measure(shift(hinted), runs);
  const scanned = measure(shift(bare), runs);
  // What a consumer pays to read the new text once (V8 keeps the spliced result as a rope until then).
  const flattened = measure(() => {
    const r = shift(hinted)();
    return r.ok && r.text.charCodeAt(r.text.length >> 1);
  }, runs);
  const oneDoc = measure(() => YAML.parseDocument(routeDoc(mid)), runs);
  // A rename that every route follows (all parentRefs name the Gateway), with the parse as context.
  const resources = parse(text).resources;
  const rename = measure(() => {
    const r = applyEdit(text, { op: "rename", target: { kind: "Gateway", name: "edge", namespace: "infra" }, newName: `front-${flip++}` }, { resources });
    if (!r.ok || r.changed.length !== n + 1) throw new Error(`rename failed: ${r.ok ? r.changed.length : r.error}`);
  }, 3);
  const target = n === 10_000 ? { target: "< 5 ms CPU", met: withHints.cpu < 5 } : {};
  return [
    { name: `weight edit, ${n} routes (${mb} MB), with document hints`, value: fmt(withHints), reference: `yaml parse of that one document: ${fmt(oneDoc)}`, ...target },
    { name: `  without hints (document found by scanning)`, value: fmt(scanned) },
    { name: `  with hints, then reading the new text once`, value: fmt(flattened) },
    { name: `rename the Gateway all ${n} routes attach to (parse as context)`, value: fmt(rename), reference: `${n + 1} documents changed, none parsed` },
  ];
}

export function editRows(quick = false): Row[] {
  // Warm the JIT (the yaml parser, the splicing) on a small text, so the first row is not the compiler's.
  const warm = routesYaml(20);
  for (let i = 0; i < 300; i++) applyEdit(warm, { op: "setWeights", target: { kind: "HTTPRoute", name: `app-${i % 20}` }, rule: 0, weights: [i % 100, 100 - (i % 100)] });
  return [...rows(1000, 41), ...(quick ? [] : rows(10_000, 21))];
}
