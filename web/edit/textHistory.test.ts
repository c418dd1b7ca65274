/** The text history: undo/redo return exact texts, typing bursts merge, limits hold. */
import { describe, expect, it } from "vitest";
import { TextHistory, compose, type Entry } from "./textHistory";

describe("TextHistory", () => {
  it("undo and redo walk back and forth through the texts exactly", () => {
    const h = new TextHistory();
    const texts = ["a: 1\n", "a: 2\n", "a: 2\nb: 3\n", "# c\na: 2\nb: 3\n"];
    const origins = ["visual", "editor", "api"] as const;
    for (let i = 1; i < texts.length; i++) h.record(texts[i - 1], texts[i], origins[i - 1], i * 10_000);
    let t = texts[texts.length - 1];
    for (let i = texts.length - 2; i >= 0; i--) {
      t = h.undo(t)!;
      expect(t).toBe(texts[i]);
    }
    expect(h.undo(t)).toBeNull();
    expect(h.canUndo).toBe(false);
    for (let i = 1; i < texts.length; i++) {
      t = h.redo(t)!;
      expect(t).toBe(texts[i]);
    }
    expect(h.redo(t)).toBeNull();
  });

  it("a new change after an undo drops the redo future", () => {
    const h = new TextHistory();
    h.record("x", "xy", "visual", 0);
    const back = h.undo("xy")!;
    expect(h.canRedo).toBe(true);
    h.record(back, "xz", "visual", 5000);
    expect(h.canRedo).toBe(false);
    expect(h.undo("xz")).toBe("x");
  });

  it("editor changes in one burst are one entry; a visual edit in between separates them", () => {
    const h = new TextHistory({ mergeTypingMs: 1000 });
    h.record("port: 80", "port: 8", "editor", 0);
    h.record("port: 8", "port: 84", "editor", 300);
    h.record("port: 84", "port: 843", "editor", 600);
    expect(h.undo("port: 843")).toBe("port: 80");
    expect(h.canUndo).toBe(false);
    h.redo("port: 80");
    h.record("port: 843", "port: 443", "visual", 700);
    h.record("port: 443", "port: 4430", "editor", 800);
    expect(h.undo("port: 4430")).toBe("port: 443");
    expect(h.undo("port: 443")).toBe("port: 843");
    expect(h.undo("port: 843")).toBe("port: 80");
  });

  it("typing after a pause is a new entry", () => {
    const h = new TextHistory({ mergeTypingMs: 1000 });
    h.record("a", "ab", "editor", 0);
    h.record("ab", "abc", "editor", 5000);
    expect(h.undo("abc")).toBe("ab");
  });

  it("identical texts record nothing", () => {
    const h = new TextHistory();
    h.record("same", "same", "visual", 0);
    expect(h.canUndo).toBe(false);
  });

  it("keeps at most maxEntries, dropping the oldest", () => {
    const h = new TextHistory({ maxEntries: 2 });
    h.record("1", "2", "visual", 0);
    h.record("2", "3", "visual", 0);
    h.record("3", "4", "visual", 0);
    expect(h.undo("4")).toBe("3");
    expect(h.undo("3")).toBe("2");
    expect(h.undo("2")).toBeNull();
  });

  it("keeps at most maxChars, but always the newest entry", () => {
    const h = new TextHistory({ maxChars: 10 });
    h.record("", "abcdefgh", "load", 0);
    h.record("abcdefgh", "ABCDEFGH", "load", 0);
    expect(h.undo("ABCDEFGH")).toBe("abcdefgh");
    expect(h.undo("abcdefgh")).toBeNull();
  });
});

describe("compose", () => {
  const rows: { name: string; t0: string; t1: string; t2: string }[] = [
    { name: "second change after the first", t0: "hello world", t1: "hello brave world", t2: "hello brave new world" },
    { name: "second change before the first", t0: "hello world", t1: "hello world!", t2: "oh hello world!" },
    { name: "overlapping changes", t0: "abcdef", t1: "abXYef", t2: "aQf" },
    { name: "second undoes the first", t0: "abc", t1: "abxc", t2: "abc" },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const h = new TextHistory({ mergeTypingMs: 10_000 });
      h.record(r.t0, r.t1, "editor", 0);
      h.record(r.t1, r.t2, "editor", 1);
      if (r.t0 === r.t2) {
        // Composed into a no-op span: undo still returns the original text.
        expect(h.undo(r.t2)).toBe(r.t0);
        return;
      }
      expect(h.undo(r.t2)).toBe(r.t0);
      expect(h.redo(r.t0)).toBe(r.t2);
    });
  }

  it("returns the union span", () => {
    const a: Entry = { start: 2, oldText: "cd", newText: "XY", origin: "editor", at: 0 };
    const b: Entry = { start: 1, oldText: "bX", newText: "", origin: "editor", at: 1 };
    const e = compose(a, b, "abXYef", "aYef");
    expect(e).toMatchObject({ start: 1, oldText: "bcd", newText: "Y" });
  });
});

describe("replacementIn: a change known to lie in a span of the new text", () => {
  const rows: { name: string; before: string; after: string; span: { from: number; to: number } }[] = [
    { name: "one value changed", before: "port: 80\nname: a\n", after: "port: 8080\nname: a\n", span: { from: 6, to: 10 } },
    { name: "lines inserted", before: "a: 1\nc: 3\n", after: "a: 1\nb: 2\nc: 3\n", span: { from: 5, to: 10 } },
    { name: "a document removed (empty span)", before: "x\n---\ny\n", after: "x\n", span: { from: 2, to: 2 } },
    { name: "a wider span than the change", before: "abcdef", after: "abXdef", span: { from: 1, to: 5 } },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const h = new TextHistory();
      h.record(r.before, r.after, "visual", 0, r.span);
      expect(h.undo(r.after)).toBe(r.before);
      expect(h.redo(r.before)).toBe(r.after);
    });
  }
});
