/**
 * The ParseCache lines a new text up with the previous one: whatever the edit (in a document, on a
 * `---` line, across documents, a newline removed before a marker), the result must equal a fresh
 * parse — resources, their places, diagnostics and line numbers.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse, ParseCache, locate } from "./index";
import { refKey } from "../model/ids";

const svc = (name: string, extra = "") => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}spec:\n  ports:\n  - port: 80\n`;
const base = Array.from({ length: 8 }, (_, i) => svc(`s${i}`, i % 3 === 0 ? `  labels: {i: "${i}"}\n` : "")).join("---\n");

/** Everything a parse says, with positions resolved. */
function view(r: ReturnType<typeof parse>) {
  return {
    resources: r.resources.map((x) => ({ key: refKey(x), doc: x.source.docIndex, offset: x.source.offset, at: locate(x, ["metadata", "name"], r.lines) })),
    diagnostics: r.diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.code} ${d.message}`),
  };
}

/** Replace [from, from+remove) by `insert`. */
const splice = (t: string, from: number, remove: number, insert: string) => t.slice(0, from) + insert + t.slice(from + remove);

describe("ParseCache lines edits up exactly", () => {
  it.each([
    { name: "a character typed in a document", edit: (t: string) => splice(t, t.indexOf("s4") + 2, 0, "x") },
    { name: "a line added before every later document", edit: (t: string) => splice(t, t.indexOf("name: s2"), 0, "# note\n  ") },
    { name: "the newline before a marker removed (two documents merge)", edit: (t: string) => splice(t, t.indexOf("---", t.indexOf("s3")) - 1, 1, "") },
    { name: "a marker typed in a document (one splits)", edit: (t: string) => splice(t, t.indexOf("spec:", t.indexOf("s5")), 0, "---\n") },
    { name: "a document deleted", edit: (t: string) => splice(t, t.indexOf("apiVersion", t.indexOf("s5")), t.indexOf("apiVersion", t.indexOf("s6")) - t.indexOf("apiVersion", t.indexOf("s5")), "") },
    { name: "the first character removed", edit: (t: string) => t.slice(1) },
    { name: "text appended", edit: (t: string) => t + "---\n" + svc("tail") },
    { name: "a syntax error after the edit point shifts", edit: (t: string) => splice(splice(t, t.length - 3, 0, "  bad: [\n"), 10, 0, "\n\n") },
    { name: "everything replaced by JSON", edit: () => '{"apiVersion":"v1","kind":"Service","metadata":{"name":"j"}}' },
  ])("$name", ({ edit }) => {
    const cache = new ParseCache();
    const first = parse({ name: "f.yaml", text: base }, cache);
    // Build the first line index, so the next one is derived from it.
    locate(first.resources[7], ["metadata", "name"], first.lines);
    const text = edit(base);
    expect(view(parse({ name: "f.yaml", text }, cache))).toEqual(view(parse({ name: "f.yaml", text })));
  });

  it("keeps the Resource objects of untouched documents, before and after the edit", () => {
    const cache = new ParseCache();
    const a = parse({ name: "f.yaml", text: base }, cache).resources.slice();
    const b = parse({ name: "f.yaml", text: splice(base, base.indexOf("s4") + 2, 0, "\n  # grown\n") }, cache).resources;
    expect(cache.lastMisses).toBe(1);
    expect(b.filter((r, i) => r === a[i]).map((r) => r.name)).toEqual(["s0", "s1", "s2", "s3", "s5", "s6", "s7"]);
  });

  it("random edit sequences give what a fresh parse gives", () => {
    const alphabet = ["a", " ", "\n", "-", "---\n", "\n---\n", ":", "#", "[", "kind: Service\n", "name: z\n"];
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 4 }).map((a) => a.join("")), locate: fc.boolean() });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const cache = new ParseCache();
        let text = base;
        let r = parse({ name: "f.yaml", text }, cache);
        for (const e of edits) {
          if (e.locate && r.resources.length > 0) locate(r.resources[r.resources.length - 1], ["metadata"], r.lines);
          const at = e.at % (text.length + 1);
          text = splice(text, at, e.remove, e.insert);
          r = parse({ name: "f.yaml", text }, cache);
          expect(view(r)).toEqual(view(parse({ name: "f.yaml", text })));
        }
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });
});
