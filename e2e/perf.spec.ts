/**
 * The app's speed in a real browser, printed as a table (not asserted: speed is judged in
 * benchmarks, and this machine's load varies): paste-to-graph and edit-to-redraw at 10, 100, 500
 * and 2,000 routes, and the longest main-thread task seen during each.
 */
import { test, expect, openApp } from "./fixtures";
import { routesYaml } from "../bench/fixtures";

const SIZES = [10, 100, 500, 2000];

test("paste-to-graph and edit-to-redraw at 10/100/500/2,000 routes (printed)", async ({ page }) => {
  test.setTimeout(600_000);
  await openApp(page);
  const rows: string[] = [];
  for (const n of SIZES) {
    const text = routesYaml(n);
    // A one-line edit: the first route's canary weight.
    const edited = text.replace("      weight: 10\n", "      weight: 20\n");
    expect(edited).not.toBe(text);
    const timed = (t: string) =>
      page.evaluate(async (t) => {
        const w = window as unknown as { switchyard: { setYaml(t: string): Promise<void> } };
        const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
        let longest = 0;
        const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
        obs.observe({ type: "longtask", buffered: false });
        const t0 = performance.now();
        await w.switchyard.setYaml(t);
        await frame();
        await frame();
        const ms = performance.now() - t0;
        obs.disconnect();
        return { ms, longest, nodes: document.querySelectorAll(".react-flow__node").length };
      }, t);
    const paste = await timed(text);
    await expect(page.getByTestId("node-Gateway-infra-edge")).toBeVisible();
    const edit = await timed(edited);
    rows.push(`| ${String(n).padStart(5)} | ${paste.ms.toFixed(0).padStart(8)} ms | ${paste.longest.toFixed(0).padStart(5)} ms | ${edit.ms.toFixed(0).padStart(8)} ms | ${edit.longest.toFixed(0).padStart(5)} ms | ${String(paste.nodes).padStart(6)} |`);
  }
  console.log(
    [
      "\nApp speed in Chromium (this machine; compare rows, not machines)",
      "| routes | paste → graph | longest task | edit → redraw | longest task | nodes drawn |",
      "|-------:|--------------:|-------------:|--------------:|-------------:|------------:|",
      ...rows,
    ].join("\n"),
  );
});
