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

  it("finds the same replacement as a character walk on long texts (compared in chunks)", () => {
    const line = "  - name: app\n    port: 8080\n";
    const base = line.repeat(700); // ~20,000 characters: many chunks
    const naive = (a: string, b: string) => {
      let p = 0;
      while (p < Math.min(a.length, b.length) && a[p] === b[p]) p++;
      let q = 0;
      while (q < Math.min(a.length, b.length) - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
      return { start: p, end: a.length - q, text: b.slice(p, b.length - q) };
    };
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Edits at chunk boundaries and anywhere else, inserting, deleting and replacing.
    const places = [0, 2047, 2048, 2049, 4096, base.length - 2048, base.length - 1, base.length];
    for (let i = 0; i < 200; i++) {
      const s = i < places.length ? places[i] : rnd(base.length);
      const e = Math.min(base.length, s + rnd(3) * rnd(40));
      const b = base.slice(0, s) + ["", "x", "yy: 1\n"][rnd(3)] + base.slice(e);
      const r = minimalReplacement(base, b);
      expect(applyReplacement(base, r)).toBe(b);
      if (b !== base) expect(r).toEqual(naive(base, b));
    }
  });
});
