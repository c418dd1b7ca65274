/** `switchyard graph -f PATH … [--format json|dot|svg]`: the configuration's graph. */
import { buildGraph } from "../../index";
import { one, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { badInput, loadConfig } from "../config";
import { toDot } from "./dot";

export const GRAPH_HELP = `Usage: switchyard graph -f PATH [-f PATH …] [--format json|dot|svg]

Print the graph of the configuration: nodes (GatewayClasses, Gateways, listeners, routes,
backends, ReferenceGrants, policies) with ranks and status, and edges (parentRef, backendRef with
weights, mirror, certificateRef, targetRef, ReferenceGrant) with whether each reference holds.

Options:
  -f, --file PATH    a file, or a directory (every *.yaml, *.yml, *.json inside); repeatable; - = stdin
  --format FORMAT    json (default) or dot (Graphviz); svg is not supported yet
  -h, --help         this help

Exit status: 0 printed; 2 bad input or unsupported format.`;

export const GRAPH_SPEC = {
  values: { "-f": "file", "--file": "file", "--format": "format" },
  repeatable: ["file"],
  flags: { "-h": "help", "--help": "help" },
};

export function runGraph(args: ParsedArgs, io: Io): number {
  const format = one(args, "format") ?? "json";
  if (format === "svg") return badInput(io, [{ file: "<args>", line: 1, column: 1, message: "--format svg is not yet supported (use json or dot; `dot -Tsvg` renders dot)" }]);
  if (format !== "json" && format !== "dot") return badInput(io, [{ file: "<args>", line: 1, column: 1, message: `unknown format "${format}" (json, dot or svg)` }]);
  const loaded = loadConfig(args.values.get("file") ?? [], io, true);
  if (typeof loaded === "number") return loaded;
  const graph = buildGraph(loaded.model);
  io.out(format === "json" ? JSON.stringify(graph, null, 2) + "\n" : toDot(graph));
  return 0;
}
