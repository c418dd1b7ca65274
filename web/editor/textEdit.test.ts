import { describe, expect, it } from "vitest";
import { applyReplacement, minimalReplacement } from "./textEdit";

describe("minimalReplacement", () => {
  const rows: { name: string; a: string; b: string; expect: { start: number; end: number; text: string } | undefined }[] = [
    { name: "equal texts need no edit", a: "kind: Gateway\n", b: "kind: Gateway\n", expect: undefined },
    { name: "a changed value replaces only the value", a: "weight: 10\nname: a\n", b: "weight: 90\nname: a\n", expect: { start: 8, end: 9, text: "9" } },
    { name: "an insertion deletes nothing", a: "a\nc\n", b: "a\nb\nc\n", expect: { start: 2, end: 2, text: "b\n" } },
    { name: "a deletion inserts nothing", a: "a\nb\nc\n", b: "a\nc\n", expect: { start: 2, end: 4, text: "" } },
    { name: "from empty", a: "", b: "x: 1\n", expect: { start: 0, end: 0, text: "x: 1\n" } },
    { name: "to empty", a: "x: 1\n", b: "", expect: { start: 0, end: 5, text: "" } },
    { name: "a repeated character is not counted twice", a: "aaa", b: "aaaa", expect: { start: 3, end: 3, text: "a" } },
    { name: "a surrogate pair is never split (prefix side)", a: "x\u{1F600}", b: "x\u{1F601}", expect: { start: 1, end: 3, text: "\u{1F601}" } },
    { name: "a CRLF is never split", a: "a\r\nb", b: "a\nb", expect: { start: 1, end: 3, text: "\n" } },
  ];
  it.each(rows)("$name", ({ a, b, expect: want }) => {
    const r = minimalReplacement(a, b);
    expect(r).toEqual(want);
    expect(applyReplacement(a, r)).toBe(b);
  });

  it("round-trips random edits of a YAML text", () => {
    const base = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules: []\n";
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const s = rnd(base.length);
      const e = s + rnd(base.length - s);
      const b = base.slice(0, s) + "x\u00e9\u{1F600}\r\n".slice(0, rnd(6)) + base.slice(e);
      const r = minimalReplacement(base, b);
      expect(applyReplacement(base, r)).toBe(b);
      if (r) expect(r.end - r.start).toBeLessThanOrEqual(e - s + 2);
    }
  });
});
