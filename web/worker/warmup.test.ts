/**
 * The worker's warm-up runs its own configuration through edits, one task each, without throwing,
 * and those edits take the patch paths it is there to warm up (controller and graph patched).
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../../src/parse";
import { simulate, ControllerCache } from "../../src/controller";
import { WARMUP_EDITS, warmUp, warmupYaml } from "./warmup";

describe("warm-up", () => {
  it("runs every edit as a task of its own, then says it is done", async () => {
    let tasks = 0;
    await new Promise<void>((resolve) => warmUp((fn) => (tasks++, setTimeout(fn, 0)), resolve));
    expect(tasks).toBe(WARMUP_EDITS + 1);
  });

  it("its configuration is clean and its edit is one the controller patches", () => {
    const pc = new ParseCache();
    const cc = new ControllerCache();
    const text = warmupYaml();
    const p = parse({ name: "w.yaml", text }, pc);
    const m = simulate(p.resources, { lines: p.lines, cache: cc });
    expect(p.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(m.routes.every((r) => r.parents.every((x) => x.accepted))).toBe(true);
    const q = parse({ name: "w.yaml", text: text.replace("      weight: 10\n", "      weight: 20\n") }, pc);
    simulate(q.resources, { lines: q.lines, cache: cc });
    expect(cc.lastPatched).toBe(true);
  });
});
