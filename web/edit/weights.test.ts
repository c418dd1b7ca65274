/** Weight shares, slider ranges and canary steps. */
import { describe, expect, it } from "vitest";
import { currentStep, pctText, shares, sliderMax, weightOf } from "./weights";

describe("weights", () => {
  const rows: { weights: number[]; shares: number[] }[] = [
    { weights: [90, 10], shares: [90, 10] },
    { weights: [1, 1, 2], shares: [25, 25, 50] },
    { weights: [0, 0], shares: [0, 0] },
    { weights: [3], shares: [100] },
    { weights: [0, 5], shares: [0, 100] },
  ];
  for (const r of rows) it(`shares of ${r.weights.join("/")}`, () => expect(shares(r.weights)).toEqual(r.shares));

  it("absent weights count as 1", () => {
    expect(weightOf({ name: "a" })).toBe(1);
    expect(weightOf({ weight: 0 })).toBe(0);
    expect(weightOf(null)).toBe(1);
  });

  it("percent text", () => {
    expect(pctText(100 / 3)).toBe("33.3%");
    expect(pctText(50)).toBe("50%");
  });

  const maxRows: [number[], number][] = [
    [[90, 10], 200],
    [[1, 1], 100],
    [[50, 50], 100],
    [[600, 400], 2000],
    [[900_000], 1_000_000],
  ];
  for (const [w, m] of maxRows) it(`slider max for ${w.join("/")} is ${m}`, () => expect(sliderMax(w)).toBe(m));

  it("the current canary step", () => {
    expect(currentStep([90, 10])).toBe(1);
    expect(currentStep([9, 1])).toBe(1);
    expect(currentStep([1, 1])).toBe(2);
    expect(currentStep([70, 30])).toBe(-1);
    expect(currentStep([1, 1, 1])).toBe(-1);
  });
});
