/** `switchyard validate -f PATH … [--each] [--json]`: parse errors, schema violations, False conditions. */
import { load } from "../../index";
import type { Diagnostic } from "../../model/diagnostic";
import type { InputFile } from "../../parse";
import type { ParsedArgs } from "../args";
import type { Io } from "../io";
import { badInput } from "../config";
import { formatProblem, readInputs, type InputProblem } from "../input";

export const VALIDATE_HELP = `Usage: switchyard validate -f PATH [-f PATH …] [--each] [--json]

Report YAML errors, schema violations and every condition a controller would set to False, as
file:line:column: severity: message (info lines, such as kinds Switchyard does not model, are
shown but are not problems).

Options:
  -f, --file PATH    a file, or a directory (every *.yaml, *.yml, *.json inside); repeatable; - = stdin
  --each             treat every file as a configuration of its own (one bad file never stops the others)
  --json             JSON: [{"file","diagnostics":[{"line","column","severity","code","message"}]}], one entry per file
  -h, --help         this help

Exit status: 0 clean; 1 errors or warnings found; 2 input could not be read.`;

export const VALIDATE_SPEC = {
  values: { "-f": "file", "--file": "file" },
  repeatable: ["file"],
  flags: { "-h": "help", "--help": "help", "--json": "json", "--each": "each" },
};

interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}

/** Diagnostics of one configuration, one report per input file (in input order), each sorted by place. */
function reportsFor(inputs: InputFile[]): FileReport[] {
  const { diagnostics } = load(inputs);
  const reports = new Map<string, FileReport>(inputs.map((f) => [f.name, { file: f.name, diagnostics: [] }]));
  for (const d of diagnostics) {
    const name = d.file || "<engine>";
    let r = reports.get(name);
    if (!r) reports.set(name, (r = { file: name, diagnostics: [] }));
    r.diagnostics.push(d);
  }
  for (const r of reports.values()) r.diagnostics.sort(byPlace);
  return [...reports.values()];
}

function unreadable(p: InputProblem): FileReport {
  return { file: p.file, diagnostics: [{ severity: "error", code: "unreadable", message: p.message, file: p.file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column }] };
}

export function runValidate(args: ParsedArgs, io: Io): number {
  const paths = args.values.get("file") ?? [];
  if (paths.length === 0) return badInput(io, [{ file: "<args>", line: 1, column: 1, message: "no input: give at least one -f PATH" }]);
  const { inputs, problems } = readInputs(paths, io);
  let reports: FileReport[];
  if (args.flags.has("each")) {
    // Every file on its own; an unreadable file is reported in its place and the rest still checked.
    if (inputs.length === 0) return badInput(io, problems);
    for (const p of problems) io.err(formatProblem(p) + "\n");
    reports = [...inputs.flatMap((f) => reportsFor([f])), ...problems.map(unreadable)];
  } else {
    if (problems.length > 0) return badInput(io, problems);
    reports = reportsFor(inputs);
  }
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.severity === "error") errors++;
      else if (d.severity === "warning") warnings++;
    }
  }
  if (args.flags.has("json")) {
    const json = reports.map((r) => ({ file: r.file, diagnostics: r.diagnostics.map((d) => ({ line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message })) }));
    io.out(JSON.stringify(json, null, 2) + "\n");
  } else {
    let text = "";
    for (const r of reports) for (const d of r.diagnostics) text += `${r.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`;
    io.out(text);
    io.err(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${reports.length} file${reports.length === 1 ? "" : "s"}\n`);
  }
  return errors + warnings > 0 ? 1 : 0;
}
