/** Properties of the parser (fast-check, bounded runs): it never throws and places every diagnostic inside the text, whatever the text. */
import { describe, it } from "vitest";
import fc from "fast-check";
import { parse } from "./index";
import { fastParse } from "./fastYaml";
import { slowParse } from "./slowYaml";

/** Runs per property; raise with PROPERTY_RUNS=5000 to hunt for bugs. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

/** Pieces of YAML syntax, so generated text reaches deep into the parser rather than failing at once. */
const YAML_TOKENS = ["\n", "  ", " ", "- ", ": ", ":", "---\n", "...\n", "#c", "[", "]", "{", "}", ",", "&a ", "*a", "? ", "|\n", ">-\n", "'", '"', "\\", "\t", "!!str ", "!t ", "%YAML 1.2\n", "key", "apiVersion: v1\n", "kind: Service\n", "metadata:\n", "  name: x\n", "~", "null", "1", "0x1F", "<<: ", "\u0000", "\ufeff", "\r\n", "é", "😀"];
const yamlish = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((a) => a.join(""));

function checkParse(text: string): void {
  const r = parse({ name: "p.yaml", text });
  const lines = text.split("\n").length;
  for (const d of r.diagnostics) {
    // Every diagnostic is placed inside the text.
    if (d.line < 1 || d.line > lines || d.column < 1) throw new Error(`diagnostic outside the text: ${d.line}:${d.column} ${d.code} ${d.message}`);
  }
  for (const res of r.resources) if (!res.kind || !res.name) throw new Error("resource without kind or name");
}

describe("parse never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => checkParse(s)), { numRuns: RUNS });
  });
  it("on arbitrary Unicode, including lone surrogates", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => checkParse(s)), { numRuns: RUNS });
  });
  it("on YAML-shaped noise", () => {
    fc.assert(fc.property(yamlish, (s) => checkParse(s)), { numRuns: RUNS * 2 });
  });
  it("on JSON of arbitrary values", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => checkParse(JSON.stringify(v))), { numRuns: RUNS });
  });
});

/** Keys and scalars in block and flow style: text the fast path accepts, so the comparison bites. */
const BLOCK_TOKENS = ["a: ", "b: ", "- ", "\n", "\n  ", "\n    ", "x", "1", "'q'", '"d"', "[1, 2]", "{k: v}", "[]", "{}", "# c", "|\n  t", ">-\n  f", "~", "null", ":", ",", "---\n"];
const blockish = fc.array(fc.constantFrom(...BLOCK_TOKENS), { maxLength: 30 }).map((a) => a.join(""));

describe("the fast path agrees with the slow path wherever it accepts a document", () => {
  it("values and source ranges", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(blockish, yamlish), (text) => {
        const fast = fastParse(text, 64);
        if (!fast) return;
        const slow = slowParse(text, 100);
        if (slow.problems.some((p) => p.severity === "error")) throw new Error(`fast path accepted what the slow path rejects: ${slow.problems[0].message}`);
        accepted++;
        if (JSON.stringify(fast.value) !== JSON.stringify(slow.value)) throw new Error(`values differ: ${JSON.stringify(fast.value)} / ${JSON.stringify(slow.value)}`);
        if (JSON.stringify(fast.tree) !== JSON.stringify(slow.tree)) throw new Error(`trees differ: ${JSON.stringify(fast.tree)} / ${JSON.stringify(slow.tree)}`);
      }),
      // A fixed seed (override with PROPERTY_SEED): how many generated texts the fast path accepts
      // varies with the draw, and the count below must not make the suite flaky.
      { numRuns: RUNS * 5, seed: Number(process.env.PROPERTY_SEED ?? 20261122) },
    );
    // The comparison must actually bite: a fair share of the texts reach it (about 20% of the draws do).
    if (accepted < RUNS / 2) throw new Error(`only ${accepted} documents reached the comparison`);
  });
});
