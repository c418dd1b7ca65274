import { describe, expect, it } from "vitest";
import { detailAt, initialViewport, onScreen, sameGraph, START_ZOOM } from "./viewport";

describe("initialViewport", () => {
  it("fits a graph that is legible whole, centred", () => {
    const vp = initialViewport({ x: 0, y: 0, width: 400, height: 200 }, 1000, 600);
    expect(vp.zoom).toBe(1);
    expect(vp.x).toBe(300);
  });
  it("shrinks to fit down to the legible zoom", () => {
    const vp = initialViewport({ x: 0, y: 0, width: 2800, height: 300 }, 1000, 600);
    expect(vp.zoom).toBeCloseTo((1000 - 48) / 2800);
  });
  it("starts a large graph at its top-left corner, legible", () => {
    const vp = initialViewport({ x: -10, y: -24, width: 2000, height: 100_000 }, 800, 600);
    expect(vp).toEqual({ x: 24 + 10 * START_ZOOM, y: 64 + 24 * START_ZOOM, zoom: START_ZOOM });
  });
  it("starts a large graph with its first gateway in the upper third", () => {
    const vp = initialViewport({ x: 0, y: 0, width: 2000, height: 100_000 }, 800, 664, { x: 380, y: 50_000, width: 240, height: 100 });
    expect(vp.zoom).toBe(START_ZOOM);
    // The anchor's middle lands at 64 + 600 / 3 on screen.
    expect((50_050 * START_ZOOM + vp.y)).toBeCloseTo(264);
    // An anchor near the top keeps the top edge in view.
    expect(initialViewport({ x: 0, y: 0, width: 2000, height: 100_000 }, 800, 664, { x: 380, y: 10, width: 240, height: 100 }).y).toBe(64);
  });
  it("has a default for an empty graph or an unmeasured pane", () => {
    expect(initialViewport({ x: 0, y: 0, width: 0, height: 0 }, 800, 600).zoom).toBe(1);
    expect(initialViewport({ x: 0, y: 0, width: 10, height: 10 }, 0, 0).zoom).toBe(1);
  });
});

describe("viewport helpers", () => {
  const rows: { zoom: number; detail: string }[] = [
    { zoom: 0.1, detail: "far" },
    { zoom: 0.44, detail: "far" },
    { zoom: 0.45, detail: "mid" },
    { zoom: 0.74, detail: "mid" },
    { zoom: 0.75, detail: "near" },
    { zoom: 2, detail: "near" },
  ];
  for (const r of rows) it(`zoom ${r.zoom} → ${r.detail}`, () => expect(detailAt(r.zoom)).toBe(r.detail));
  it("onScreen", () => {
    const vp = { x: 0, y: 0, zoom: 1 };
    expect(onScreen({ x: 10, y: 10, width: 100, height: 40 }, vp, 800, 600)).toBe(true);
    expect(onScreen({ x: 750, y: 10, width: 100, height: 40 }, vp, 800, 600)).toBe(false);
    expect(onScreen({ x: 750, y: 10, width: 100, height: 40 }, { x: -100, y: 0, zoom: 1 }, 800, 600)).toBe(true);
  });
  it("sameGraph: an edit shares most nodes, a load does not", () => {
    const prev = new Map([["a", 1], ["b", 1], ["c", 1], ["d", 1]]);
    expect(sameGraph(prev, ["a", "b", "c", "e"], 4)).toBe(true);
    expect(sameGraph(prev, ["x", "y", "z", "a"], 4)).toBe(false);
    expect(sameGraph(undefined, ["a"], 1)).toBe(false);
    expect(sameGraph(prev, [], 0)).toBe(false);
  });
});
