/**
 * The fast path (js-yaml + its listener, fastYaml.ts) and the slow path (the `yaml` package,
 * slowYaml.ts) must agree on every value and on the source range of every node; the fast path is
 * only an optimisation. Checked on hand-written shapes with the expected ranges, and on every YAML
 * document of the shared corpus and the upstream examples.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { SourceNode } from "../model/source";
import { fastParse } from "./fastYaml";
import { slowParse } from "./slowYaml";
import { splitDocuments } from "./split";
import { SHARED_DIR } from "../testing/conformance";

/** Every node as `path: "source text of its range"` (and the key's text), for readable comparisons. */
function ranges(text: string, n: SourceNode | null, path = "$", out: string[] = []): string[] {
  if (!n) return out;
  out.push(`${path}: ${JSON.stringify(text.slice(n.r[0], n.r[1]))}${n.k ? ` key ${JSON.stringify(text.slice(n.k[0], n.k[1]))}` : ""}`);
  if (Array.isArray(n.c)) n.c.forEach((c, i) => ranges(text, c, `${path}[${i}]`, out));
  else if (n.c) for (const [k, c] of Object.entries(n.c)) ranges(text, c, `${path}.${k}`, out);
  return out;
}

function both(text: string) {
  const fast = fastParse(text, 64);
  const slow = slowParse(text, 100);
  return { fast, slow };
}

describe("fast and slow paths: expected ranges", () => {
  it.each([
    {
      name: "block mapping with a trailing comment",
      text: "a: 1 # one\nb:\n  c: x\n  # a comment after the last entry\n",
      expect: ['$: "a: 1 # one\\nb:\\n  c: x"', '$.a: "1" key "a"', '$.b: "c: x" key "b"', '$.b.c: "x" key "c"'],
    },
    {
      name: "flow collections end at their bracket",
      text: "a: [1, 2]  # c\nb: {x: 1, y: [z]}\n",
      expect: ['$: "a: [1, 2]  # c\\nb: {x: 1, y: [z]}"', '$.a: "[1, 2]" key "a"', '$.a[0]: "1"', '$.a[1]: "2"', '$.b: "{x: 1, y: [z]}" key "b"', '$.b.x: "1" key "x"', '$.b.y: "[z]" key "y"', '$.b.y[0]: "z"'],
    },
    {
      name: "a key with no value sits at the key's end",
      text: "rules:\n- matches:\n  backendRefs:\n  - name: a\n",
      expect: ['$: "rules:\\n- matches:\\n  backendRefs:\\n  - name: a"', '$.rules: "- matches:\\n  backendRefs:\\n  - name: a" key "rules"', '$.rules[0]: "matches:\\n  backendRefs:\\n  - name: a"', '$.rules[0].matches: "" key "matches"', '$.rules[0].backendRefs: "- name: a" key "backendRefs"', '$.rules[0].backendRefs[0]: "name: a"', '$.rules[0].backendRefs[0].name: "a" key "name"'],
    },
    {
      name: "block scalars end at their last character",
      text: "a: |\n  one\n\n  two\n\nb: >-\n  folded\n",
      expect: ['$: "a: |\\n  one\\n\\n  two\\n\\nb: >-\\n  folded"', '$.a: "|\\n  one\\n\\n  two" key "a"', '$.b: ">-\\n  folded" key "b"'],
    },
    {
      name: "quoted scalars and keys include their quotes",
      text: "\"k\": 'v'\nx: \"a b\"\n",
      expect: ["$: \"\\\"k\\\": 'v'\\nx: \\\"a b\\\"\"", "$.k: \"'v'\" key \"\\\"k\\\"\"", '$.x: "\\"a b\\"" key "x"'],
    },
    {
      name: "a document marker and comments before the content",
      text: "--- # first\n# about\napiVersion: v1\n",
      expect: ['$: "apiVersion: v1"', '$.apiVersion: "v1" key "apiVersion"'],
    },
    { name: "an empty document has no tree", text: "---\n# nothing\n", expect: [] },
    {
      name: "sequences of sequences",
      text: "- - a\n  - b\n- []\n",
      expect: ['$: "- - a\\n  - b\\n- []"', '$[0]: "- a\\n  - b"', '$[0][0]: "a"', '$[0][1]: "b"', '$[1]: "[]"'],
    },
  ])("$name", ({ text, expect: want }) => {
    const { fast, slow } = both(text);
    expect(ranges(text, slow.tree)).toEqual(want);
    if (fast) {
      expect(fast.value).toEqual(slow.value);
      expect(ranges(text, fast.tree)).toEqual(want);
    }
  });

  it.each([
    { name: "anchors", text: "a: &x 1\nb: *x\n" },
    { name: "a null item in a sequence", text: "- \n- b\n" },
    { name: "tags", text: "a: !!map {b: 1}\n" },
    { name: "syntax error", text: "a: [\n" },
    // Found by the fuzz test (fuzz.test.ts): places where js-yaml and YAML 1.2 / `yaml` part ways.
    { name: "a tagged scalar", text: "a: !!str 1\n" },
    { name: "a byte-order mark", text: "\ufeffa: 1\n" },
    { name: "a tab in indentation", text: "a:\n\t- b\n" },
    { name: "a directive", text: "%YAML 1.2\n---\na: 1\n" },
    { name: "an explicit key", text: "? a\n: 1\n" },
    { name: "a comment glued to a quote", text: "a: 'q'# c\n" },
    { name: "a multi-line quoted scalar", text: 'a: "x\n  y"\n' },
    { name: "a root scalar", text: "|\n  text\n" },
    { name: "a null key", text: "~: 1\n" },
    { name: "a mapping as a key", text: "{k: v}: 1\n" },
    { name: "a single-pair mapping in a flow sequence", text: "[a: b]\n" },
  ])("the fast path declines $name", ({ text }) => {
    expect(fastParse(text, 64)).toBeNull();
    // …and the slow path still reads it (or reports why not).
    const slow = slowParse(text, 100);
    expect(slow.usable || slow.problems.length > 0).toBe(true);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/i.test(n) ? [p] : [];
    });
}

const DIRS = [join(SHARED_DIR, "corpus", "gateway"), join(SHARED_DIR, "gateway-api", "examples")];
const present = DIRS.every((d) => existsSync(d));

describe.skipIf(!present)("fast and slow paths agree on every corpus document", () => {
  if (!present) it.skip(`corpus not found under ${SHARED_DIR}; skipping`, () => {});
  const files = present ? DIRS.flatMap(walk) : [];
  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(100);
  });
  it("values and ranges", () => {
    let documents = 0;
    let fastAccepted = 0;
    const disagreements: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const chunk of splitDocuments(text)) {
        documents++;
        const fast = fastParse(chunk.text, 64);
        if (!fast) continue;
        fastAccepted++;
        const slow = slowParse(chunk.text, 100);
        const where = `${file} @${chunk.offset}`;
        if (JSON.stringify(fast.value) !== JSON.stringify(slow.value)) disagreements.push(`${where}: values differ`);
        const f = ranges(chunk.text, fast.tree);
        const s = ranges(chunk.text, slow.tree);
        const i = f.findIndex((x, j) => x !== s[j]);
        if (i !== -1 || f.length !== s.length) disagreements.push(`${where}: fast ${f[i] ?? "(none)"} / slow ${s[i] ?? "(none)"}`);
      }
    }
    console.log(`fast/slow: ${files.length} files, ${documents} documents, fast path accepted ${fastAccepted}, disagreements ${disagreements.length}`);
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The fast path is the common case; if it declines most documents, it is no longer fast.
    expect(fastAccepted / documents).toBeGreaterThan(0.95);
  });
});
