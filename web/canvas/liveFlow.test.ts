/** React Flow's arrays kept while only data changes (liveFlow.ts). */
import { describe, expect, it } from "vitest";
import { sameShape, Shapes } from "./liveFlow";

const node = (over: Record<string, unknown> = {}) => ({ id: "a", type: "route", position: { x: 1, y: 2 }, width: 10, height: 5, data: { v: 1 }, ...over });

describe("sameShape", () => {
  it.each([
    ["the same object", () => { const n = node(); return [n, n]; }, true],
    ["only data differs", () => [node(), node({ data: { v: 2 } })], true],
    ["an equal position, another object", () => [node(), node({ position: { x: 1, y: 2 } })], true],
    ["moved", () => [node(), node({ position: { x: 1, y: 3 } })], false],
    ["resized", () => [node(), node({ width: 11 })], false],
    ["another type", () => [node(), node({ type: "service" })], false],
    ["another id", () => [node(), node({ id: "b" })], false],
    ["a field more", () => [node(), node({ hidden: true })], false],
    ["a field less", () => [node({ zIndex: 1 }), node()], false],
    ["edge ends", () => [{ id: "e", source: "a", target: "b", data: 1 }, { id: "e", source: "a", target: "c", data: 1 }], false],
    ["edge handle", () => [{ id: "e", source: "a", target: "b", targetHandle: "left" }, { id: "e", source: "a", target: "b", targetHandle: "right" }], false],
  ])("%s", (_, pair, want) => {
    const [a, b] = pair() as unknown as [{ id: string }, { id: string }];
    expect(sameShape(a, b)).toBe(want);
    expect(sameShape(b, a)).toBe(want);
  });
});

describe("Shapes", () => {
  it("hands back the array it gave while only data changes, a new one otherwise", () => {
    const s = new Shapes<ReturnType<typeof node>>();
    const a = [node(), node({ id: "b" })];
    expect(s.of(a)).toBe(a);
    const b = [node({ data: { v: 2 } }), a[1]];
    expect(s.of(b)).toBe(a);
    const c = [node({ data: { v: 3 }, position: { x: 9, y: 9 } }), a[1]];
    expect(s.of(c)).toBe(c);
    const d = [c[0]];
    expect(s.of(d)).toBe(d);
    const e = [c[0], a[1]];
    expect(s.of(e)).toBe(e);
  });
});
