import { describe, expect, it } from "vitest";
import { applyList, applyRecord, isIdentity, patchList, patchRecord, PatchMismatch } from "./patch";
import { Interner, sameData } from "./stable";

// Items are objects: patches work by identity, so `o("a")` twice is two different items.
const pool = new Map<string, { id: string }>();
const o = (id: string) => {
  let x = pool.get(id);
  if (!x) pool.set(id, (x = { id }));
  return x;
};
const list = (ids: string) => (ids ? ids.split(" ").map(o) : []);

describe("patchList / applyList", () => {
  const rows: { name: string; prev: string; next: string; fresh: number; runs?: number[] }[] = [
    { name: "unchanged", prev: "a b c d", next: "a b c d", fresh: 0, runs: [0, 4] },
    { name: "both empty", prev: "", next: "", fresh: 0, runs: [] },
    { name: "one replaced in the middle", prev: "a b c d", next: "a x c d", fresh: 1, runs: [0, 1, -1, 1, 2, 2] },
    { name: "appended", prev: "a b", next: "a b c", fresh: 1, runs: [0, 2, -1, 1] },
    { name: "inserted at the front", prev: "a b c", next: "x a b c", fresh: 1, runs: [-1, 1, 0, 3] },
    { name: "removed in the middle", prev: "a b c d", next: "a d", fresh: 0, runs: [0, 1, 3, 1] },
    { name: "moved to the end", prev: "a b c d", next: "b c d a", fresh: 0, runs: [1, 3, 0, 1] },
    { name: "everything new", prev: "a b", next: "x y z", fresh: 3, runs: [-1, 3] },
    { name: "emptied", prev: "a b", next: "", fresh: 0, runs: [] },
    { name: "an item twice", prev: "a b", next: "a a b", fresh: 0 },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const prev = list(r.prev);
      const next = list(r.next);
      const p = patchList(prev, next);
      expect(p.fresh.length).toBe(r.fresh);
      if (r.runs) expect(p.runs).toEqual(r.runs);
      // Through a structured clone, as between the worker and the app: fresh items arrive as copies.
      const out = applyList(prev, structuredClone(p));
      expect(out.map((x) => x.id)).toEqual(next.map((x) => x.id));
      // Items taken from the previous list are the previous objects.
      out.forEach((x, i) => {
        if (prev.includes(next[i])) expect(x).toBe(next[i]);
      });
    });
  }

  it("gives back the same array when nothing changed", () => {
    const prev = list("a b c");
    const p = patchList(prev, [...prev]);
    expect(isIdentity(p, 3)).toBe(true);
    expect(applyList(prev, p)).toBe(prev);
  });

  it("matches random edits", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 300; round++) {
      const prev = Array.from({ length: rnd(30) }, (_, i) => o(`r${round}-${i}`));
      const next = [...prev];
      for (let k = rnd(5); k > 0; k--) {
        const op = rnd(3);
        if (op === 0) next.splice(rnd(next.length + 1), 0, o(`n${round}-${k}`));
        else if (op === 1 && next.length) next.splice(rnd(next.length), 1);
        else if (next.length) next.push(next.splice(rnd(next.length), 1)[0]);
      }
      expect(applyList(prev, structuredClone(patchList(prev, next))).map((x) => x.id)).toEqual(next.map((x) => x.id));
    }
  });

  it("refuses a patch made against another list", () => {
    const p = patchList(list("a b c d"), list("a b c d x"));
    expect(() => applyList(list("a b"), p)).toThrow(PatchMismatch);
  });
});

describe("patchRecord / applyRecord", () => {
  const A = { x: 1 };
  const B = { x: 2 };
  const C = { x: 3 };
  it("sets changed and new keys, removes gone ones, keeps the rest", () => {
    const prev = { a: A, b: B };
    const next = { a: A, b: C, c: A };
    const p = patchRecord(prev, next);
    expect(p).toEqual({ set: { b: C, c: A }, remove: [] });
    expect(applyRecord(prev, p)).toEqual(next);
    const q = patchRecord(next, { a: A });
    expect(q.remove.sort()).toEqual(["b", "c"]);
    expect(applyRecord(next, q)).toEqual({ a: A });
  });
  it("gives back the same object when nothing changed", () => {
    const prev = { a: A };
    expect(applyRecord(prev, patchRecord(prev, { a: A }))).toBe(prev);
  });
  it("treats keys named like Object.prototype members as plain keys", () => {
    expect(patchRecord({}, { constructor: A }).set).toEqual({ constructor: A });
  });
});

describe("Interner", () => {
  it("hands back the previous item for an equal one, by key", () => {
    const i = new Interner<{ id: string; v: number[] }>((x) => x.id);
    const a1 = { id: "a", v: [1] };
    const b1 = { id: "b", v: [2] };
    i.list([a1, b1]);
    const [a2, b2, c2] = i.list([{ id: "a", v: [1] }, { id: "b", v: [3] }, { id: "c", v: [] }]);
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect(b2.v).toEqual([3]);
    expect(c2.id).toBe("c");
  });
  const rows: { a: unknown; b: unknown; same: boolean }[] = [
    { a: { x: [1, { y: "z" }] }, b: { x: [1, { y: "z" }] }, same: true },
    { a: { x: 1 }, b: { x: 1, y: undefined }, same: false },
    { a: [1, 2], b: { 0: 1, 1: 2 }, same: false },
    { a: NaN, b: NaN, same: true },
    { a: null, b: {}, same: false },
    { a: "1", b: 1, same: false },
  ];
  for (const r of rows) it(`sameData(${JSON.stringify(r.a)}, ${JSON.stringify(r.b)}) = ${r.same}`, () => expect(sameData(r.a, r.b)).toBe(r.same));
});
