/** A load's text sent as a change (protocol.ts TextChange): applied to the text the worker holds, checked. */
import { describe, expect, it } from "vitest";
import { applyChange, WorkerHandler } from "./handler";
import { routesYaml } from "../../bench/fixtures";

describe("applyChange", () => {
  const base = "abcdef";
  it.each([
    ["insert", { from: 1, start: 3, end: 3, text: "XY", length: 8 }, "abcXYdef"],
    ["delete", { from: 1, start: 1, end: 4, text: "", length: 3 }, "aef"],
    ["replace", { from: 1, start: 0, end: 6, text: "z", length: 1 }, "z"],
    ["nothing", { from: 1, start: 0, end: 0, text: "", length: 6 }, "abcdef"],
    ["at the end", { from: 1, start: 6, end: 6, text: "!", length: 7 }, "abcdef!"],
    ["made from a longer text", { from: 1, start: 3, end: 3, text: "X", length: 9 }, null],
    ["past the end", { from: 1, start: 4, end: 9, text: "", length: 4 }, null],
    ["reversed", { from: 1, start: 4, end: 2, text: "", length: 8 }, null],
    ["negative", { from: 1, start: -1, end: 2, text: "", length: 5 }, null],
  ])("%s", (_, change, want) => {
    expect(applyChange(base, change)).toBe(want);
  });
});

describe("WorkerHandler loads", () => {
  const A = routesYaml(6, 2);
  const at = A.indexOf("      weight: 10\n") + "      weight: ".length;
  const B = A.slice(0, at) + "25" + A.slice(at + 2);

  it("a change gives the snapshot its whole text gives", () => {
    const h = new WorkerHandler();
    h.handle({ id: 1, type: "load", text: A, textId: 1, fileName: "w.yaml" });
    const a = h.handle({ id: 2, type: "load", text: { from: 1, start: at, end: at + 2, text: "25", length: B.length }, textId: 2, fileName: "w.yaml" });
    const b = new WorkerHandler().handle({ id: 2, type: "load", text: B, fileName: "w.yaml" });
    expect(a.type).toBe("loaded");
    expect(b.type).toBe("loaded");
    if (a.type === "loaded" && b.type === "loaded") expect({ ...a.snapshot, version: 0, timings: {} }).toEqual({ ...b.snapshot, version: 0, timings: {} });
  });

  it("a change without a text to apply it to, or made from another text, is answered stale", () => {
    const h = new WorkerHandler();
    const change = { from: 1, start: at, end: at + 2, text: "25", length: B.length };
    expect(h.handle({ id: 1, type: "load", text: change, textId: 2, fileName: "w.yaml" })).toMatchObject({ type: "error", stale: true });
    // Another text of another length, under the id the change names: the length tells.
    h.handle({ id: 2, type: "load", text: A + "\n", textId: 1, fileName: "w.yaml" });
    expect(h.handle({ id: 3, type: "load", text: change, textId: 2, fileName: "w.yaml" })).toMatchObject({ type: "error", stale: true });
    // The right text under another id (a text sent meanwhile was lost): the id tells.
    h.handle({ id: 4, type: "load", text: A, textId: 7, fileName: "w.yaml" });
    expect(h.handle({ id: 5, type: "load", text: change, textId: 8, fileName: "w.yaml" })).toMatchObject({ type: "error", stale: true });
    expect(h.handle({ id: 6, type: "load", text: { ...change, from: 7 }, textId: 8, fileName: "w.yaml" }).type).toBe("loaded");
  });
});
