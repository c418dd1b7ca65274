/**
 * Engine diagnostics → Monaco markers. Pure (no Monaco at runtime: the severities are Monaco's
 * stable numeric `MarkerSeverity` values), so it runs in unit tests without a DOM.
 */
import type { editor } from "monaco-editor/editor";
import type { Diagnostic, Severity } from "../../src/model/diagnostic";

/** The marker owner of engine diagnostics; monaco-yaml's own markers use the owner `yaml`. */
export const ENGINE_MARKER_OWNER = "switchyard";

/** `monaco.MarkerSeverity`: Hint 1, Info 2, Warning 4, Error 8. */
export const MARKER_SEVERITY: Readonly<Record<Severity, number>> = { error: 8, warning: 4, info: 2 };

/** Options of {@link toMarkers}. */
export interface ToMarkersOptions {
  /** Keep only diagnostics of this input file (the editor shows one file). Default: keep all. */
  file?: string;
  /** Number of lines of the text shown, to clamp positions of stale diagnostics. */
  lineCount?: number;
}

/**
 * One marker per diagnostic. Positions are clamped into the text (diagnostics may be one edit behind
 * the text); an end before the start collapses onto the start, and Monaco then underlines the word
 * there. The diagnostic's `code` becomes the marker's code (shown in the hover), `source` says who
 * reported it.
 */
export function toMarkers(diagnostics: readonly Diagnostic[], options: ToMarkersOptions = {}): editor.IMarkerData[] {
  const out: editor.IMarkerData[] = [];
  const maxLine = options.lineCount && options.lineCount > 0 ? options.lineCount : Number.MAX_SAFE_INTEGER;
  for (const d of diagnostics) {
    if (options.file !== undefined && d.file !== options.file) continue;
    const startLineNumber = clamp(d.line, 1, maxLine);
    const startColumn = clamp(d.column, 1, Number.MAX_SAFE_INTEGER);
    let endLineNumber = clamp(d.endLine, 1, maxLine);
    let endColumn = clamp(d.endColumn, 1, Number.MAX_SAFE_INTEGER);
    if (endLineNumber < startLineNumber || (endLineNumber === startLineNumber && endColumn < startColumn)) {
      endLineNumber = startLineNumber;
      endColumn = startColumn;
    }
    out.push({
      severity: MARKER_SEVERITY[d.severity] ?? MARKER_SEVERITY.error,
      message: d.message,
      code: d.code,
      source: "switchyard",
      startLineNumber,
      startColumn,
      endLineNumber,
      endColumn,
    });
  }
  return out;
}

/** Non-finite or missing numbers (a diagnostic without a place) fall back to the low bound. */
function clamp(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return Math.min(Math.max(Math.trunc(n), lo), hi);
}
