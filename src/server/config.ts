/** Reading a configuration for a command: files → parse → simulate, with bad input reported the CLI's way. */
import { load, type Loaded } from "../index";
import type { Diagnostic } from "../model/diagnostic";
import type { Io } from "./io";
import { formatProblem, readInputs, type InputProblem } from "./input";

/**
 * Diagnostics that mean the YAML itself could not be read as written: for `route` and `status`,
 * answering from a half-read configuration would mislead, so they are bad input (exit 2).
 */
const UNREADABLE_CODES = new Set(["yaml-syntax", "duplicate-key", "alias-limit", "too-large", "internal"]);

export function isUnreadable(d: Diagnostic): boolean {
  return d.severity === "error" && UNREADABLE_CODES.has(d.code) && !d.resource;
}

/** Print input problems to stderr; always exit status 2. */
export function badInput(io: Io, problems: InputProblem[]): number {
  for (const p of problems) io.err(formatProblem(p) + "\n");
  return 2;
}

/**
 * Load the configuration named by `-f` paths. Returns the exit status 2 (after printing the
 * problems) when a file cannot be read, or — with `strictYaml` — when a document is not valid YAML.
 */
export function loadConfig(paths: string[], io: Io, strictYaml: boolean): Loaded | number {
  if (paths.length === 0) return badInput(io, [{ file: "<args>", line: 1, column: 1, message: "no input: give at least one -f PATH" }]);
  const { inputs, problems } = readInputs(paths, io);
  if (problems.length > 0) return badInput(io, problems);
  const loaded = load(inputs);
  if (strictYaml) {
    const bad = loaded.parse.diagnostics.filter(isUnreadable);
    if (bad.length > 0) return badInput(io, bad.map((d) => ({ file: d.file, line: d.line, column: d.column, message: d.message })));
  }
  return loaded;
}
