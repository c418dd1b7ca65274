import type { PathSegment } from "./source";
import type { ObjectRef } from "./ids";

export type Severity = "error" | "warning" | "info";

/**
 * A problem found in the input, with its place. `line`/`column` are 1-based; they are filled by the
 * parser for syntax problems and resolved from `resource` + `path` for everything else.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `yaml-syntax`, `duplicate-key`, `schema`, `duplicate-object`, `unknown-kind`, or a condition reason. */
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Document index in the file, when known. */
  docIndex?: number;
  /** The object concerned, if any. */
  resource?: ObjectRef;
  /** Path of the field inside the object, if any. */
  path?: PathSegment[];
}

/** `file:line:column: severity: message`, the CLI's line format. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
