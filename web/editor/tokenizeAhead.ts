/**
 * Keep the lines around the cursor tokenized, so YAML's "indent after `key:`" rule applies on Enter.
 *
 * Monaco applies a language's onEnterRules only when the line is "cheap to tokenize" — already reached
 * by the background tokenizer, which runs in idle time. With the app busy (engine results, canvas) a
 * user who clicks into a fresh document and presses Enter after `spec:` got no indentation about one
 * time in five. Tokenizing up to the cursor when it moves fixes that; the gap is bounded so one jump
 * into a 20,000-line document never blocks typing (Monarch YAML: ~20–50 µs a line here).
 *
 * Uses Monaco's model-internal `tokenization` part (not in the public typings); without it this does
 * nothing.
 */
import type { editor } from "monaco-editor/editor";

/** Most lines tokenized synchronously on one cursor move. */
export const MAX_TOKENIZE_GAP = 800;

interface TokenizationPart {
  hasAccurateTokensForLine(lineNumber: number): boolean;
  forceTokenization(lineNumber: number): void;
}

/** Tokenize up to `lineNumber` if the background tokenizer is at most {@link MAX_TOKENIZE_GAP} lines behind. */
export function tokenizeUpTo(model: editor.ITextModel, lineNumber: number): void {
  const t = (model as unknown as { tokenization?: Partial<TokenizationPart> }).tokenization;
  if (typeof t?.hasAccurateTokensForLine !== "function" || typeof t.forceTokenization !== "function") return;
  if (t.hasAccurateTokensForLine(lineNumber)) return;
  // Accurate lines form a prefix of the model: one probe tells whether the gap is within bounds.
  const edge = lineNumber - MAX_TOKENIZE_GAP - 1;
  if (edge > 1 && !t.hasAccurateTokensForLine(edge)) return;
  t.forceTokenization(lineNumber);
}
