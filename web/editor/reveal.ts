/**
 * Reveal (and select) a node's lines in the editor: the canvas or inspector selected something and
 * the YAML follows.
 */
import type { editor } from "monaco-editor/editor";
import type { Monaco } from "./monacoSetup";

/**
 * A range to bring into view, in the shape of the engine's source spans. By default the whole lines
 * `startLine`..`endLine` are selected (a node's YAML lines); `exact` selects the columns given.
 */
export interface RevealRequest {
  /** 1-based first line. */
  startLine: number;
  /** 1-based column on `startLine` (used with `exact`); default 1. */
  startColumn?: number;
  /** 1-based last line (inclusive); default `startLine`. */
  endLine?: number;
  /** 1-based exclusive end column on `endLine` (used with `exact`); default the end of that line. */
  endColumn?: number;
  /** Select exactly startColumn..endColumn instead of whole lines. */
  exact?: boolean;
  /** Select the range (default true); false only scrolls. */
  select?: boolean;
  /**
   * Apply even while the user is typing in the editor. Without it a request that arrives while the
   * editor has text focus is ignored: it is an echo (new spans after an edit), and selecting lines
   * under the user's cursor would make the next keystroke replace them.
   */
  force?: boolean;
}

/**
 * Scroll to the range — centred when it fits in the viewport and is not already visible, its first
 * line near the top when it is taller — and select it. Does not take focus; ignored while the editor
 * has text focus unless `force`.
 */
export function revealLines(ed: editor.IStandaloneCodeEditor, monaco: Monaco, req: RevealRequest): void {
  const model = ed.getModel();
  if (!model || (ed.hasTextFocus() && !req.force)) return;
  const lines = model.getLineCount();
  const line = clampInt(req.startLine, 1, lines);
  const endLine = clampInt(req.endLine ?? line, line, lines);
  const column = req.exact ? Math.max(1, req.startColumn ?? 1) : 1;
  const endColumn = req.exact && req.endColumn !== undefined ? req.endColumn : model.getLineMaxColumn(endLine);
  const range = new monaco.Range(line, column, endLine, endColumn);
  if (req.select !== false) ed.setSelection(range);
  const visible = ed.getVisibleRanges();
  const shown = visible.reduce((n, r) => n + r.endLineNumber - r.startLineNumber + 1, 0);
  if (shown > 0 && endLine - line + 1 >= shown) ed.revealLineNearTop(line, monaco.editor.ScrollType.Smooth);
  else ed.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth);
}

function clampInt(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(lo, Math.trunc(n)), hi) : lo;
}
