import { describe, expect, it } from "vitest";
import type { editor } from "monaco-editor/editor";
import { MAX_TOKENIZE_GAP, tokenizeUpTo } from "./tokenizeAhead";

/** A model whose background tokenizer has reached (made accurate) every line before `frontier`. */
function fakeModel(frontier: number) {
  const forced: number[] = [];
  const model = {
    tokenization: {
      hasAccurateTokensForLine: (n: number) => n < frontier,
      forceTokenization: (n: number) => void forced.push(n),
    },
  };
  return { model: model as unknown as editor.ITextModel, forced };
}

describe("tokenizeUpTo", () => {
  const rows: { name: string; frontier: number; line: number; expect: number[] }[] = [
    { name: "does nothing when the line is already tokenized", frontier: 50, line: 12, expect: [] },
    { name: "tokenizes a fresh document's early line", frontier: 1, line: 12, expect: [12] },
    { name: "tokenizes when the tokenizer is just behind", frontier: 100, line: 100, expect: [100] },
    { name: "tokenizes across exactly the allowed gap", frontier: 1000, line: 1000 + MAX_TOKENIZE_GAP, expect: [1000 + MAX_TOKENIZE_GAP] },
    { name: "skips a jump far ahead of the tokenizer (background catches up)", frontier: 1, line: 18_000, expect: [] },
    { name: "skips one line past the allowed gap", frontier: 1000, line: 1001 + MAX_TOKENIZE_GAP, expect: [] },
  ];
  it.each(rows)("$name", ({ frontier, line, expect: want }) => {
    const { model, forced } = fakeModel(frontier);
    tokenizeUpTo(model, line);
    expect(forced).toEqual(want);
  });

  it("does nothing on a model without Monaco's tokenization part", () => {
    expect(() => tokenizeUpTo({} as editor.ITextModel, 10)).not.toThrow();
  });
});
