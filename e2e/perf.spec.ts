/**
 * The app's speed in a real browser, printed as tables (not asserted: speed is judged in
 * benchmarks, and this machine's load varies):
 * - paste-to-graph and edit-to-redraw at 10, 100, 500 and 2,000 routes, with the longest
 *   main-thread task seen during each;
 * - typing into the editor at 2,000 routes: main-thread long tasks (PerformanceObserver 'longtask')
 *   from the first keystroke until the canvas shows the last one;
 * - panning the expanded 2,000-route graph (6,000 nodes): frame times while dragging, near and far.
 */
import type { Page } from "@playwright/test";
import { test, expect, openApp } from "./fixtures";
import { routesYaml } from "../bench/fixtures";

/** Route counts of the first table (PERF_SIZES=10,2000 picks others; the last one is used for typing and panning). */
const SIZES = (process.env.PERF_SIZES ?? "10,100,500,2000").split(",").map(Number);

type Win = { switchyard: { setYaml(t: string): Promise<void>; getYaml(): string }; __text?: string };

/** Let the work a load starts elsewhere (Monaco's tokenizer, the YAML worker, the simulator) finish. */
const calm = (page: Page, ms = 2000) => page.waitForTimeout(ms);

/**
 * ms from setYaml to two frames after the store took the snapshot, and the longest main-thread task
 * meanwhile. The text is handed to the page beforehand: passing 3 MB into `evaluate` is itself a
 * long task that is not the app's.
 */
async function timedSetYaml(page: Page, text: string): Promise<{ ms: number; longest: number; nodes: number; worker: number }> {
  await page.evaluate((t) => ((window as unknown as Win).__text = t), text);
  return page.evaluate(async () => {
    const w = window as unknown as Win;
    const t = w.__text!;
    delete w.__text;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    let longest = 0;
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
    obs.observe({ type: "longtask", buffered: false });
    const t0 = performance.now();
    await w.switchyard.setYaml(t);
    await frame();
    await frame();
    const ms = performance.now() - t0;
    // Long tasks are reported after they end: give the last one a moment to arrive.
    await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    // The status bar's "updated in N ms": from sending the text to the worker to its snapshot's arrival.
    const worker = Number(/updated in (\d+) ms/.exec(document.querySelector('[data-testid="statusbar"]')?.textContent ?? "")?.[1] ?? NaN);
    return { ms, longest, nodes: document.querySelectorAll(".react-flow__node").length, worker };
  });
}

/** Start collecting long tasks in the page; `stopLongTasks` returns their durations. */
async function startLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __obs: PerformanceObserver };
    w.__tasks = [];
    w.__obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push(e.duration)));
    w.__obs.observe({ type: "longtask", buffered: false });
  });
}

async function stopLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 50));
    const w = window as unknown as { __tasks: number[]; __obs: PerformanceObserver };
    w.__obs.disconnect();
    return w.__tasks;
  });
}

/** Frame intervals (ms) recorded by requestAnimationFrame while `run` goes on. */
async function frameTimes(page: Page, run: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__frames = [];
    w.__rec = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__rec) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
  await run();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__rec = false;
    return w.__frames;
  });
}

function stats(xs: number[]): { median: number; p95: number; max: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN);
  return { median: at(0.5), p95: at(0.95), max: s.length ? s[s.length - 1] : NaN, n: s.length };
}

const ms = (v: number, w = 6) => `${v.toFixed(0).padStart(w)} ms`;

test("paste-to-graph and edit-to-redraw at 10/100/500/2,000 routes; typing and panning at 2,000 (printed)", async ({ page }) => {
  test.setTimeout(900_000);
  await openApp(page);
  await expect(page.getByTestId("yaml-editor").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
  await calm(page, 3000);
  const rows: string[] = [];
  for (const n of SIZES) {
    const text = routesYaml(n);
    // A one-line edit: the first route's canary weight.
    const edited = text.replace("      weight: 10\n", "      weight: 20\n");
    expect(edited).not.toBe(text);
    const paste = await timedSetYaml(page, text);
    await expect(page.getByTestId("node-Gateway-infra-edge")).toBeVisible();
    await calm(page, n >= 500 ? 4000 : 1500);
    const edit = await timedSetYaml(page, edited);
    await calm(page, 1000);
    const back = await timedSetYaml(page, text);
    rows.push(`| ${String(n).padStart(5)} | ${ms(paste.ms, 8)} | ${ms(paste.longest, 5)} | ${ms(edit.ms, 8)} | ${ms(edit.worker, 5)} | ${ms(edit.longest, 5)} | ${ms(back.ms, 8)} | ${ms(back.worker, 5)} | ${ms(back.longest, 5)} | ${String(paste.nodes).padStart(6)} |`);
    await calm(page, 1000);
  }
  console.log(
    [
      "\nApp speed in Chromium (this machine; compare rows, not machines)",
      "| routes | paste → graph | longest task | edit → redraw | of it, worker | longest task | edit back → redraw | of it, worker | longest task | nodes drawn |",
      "|-------:|--------------:|-------------:|--------------:|--------------:|-------------:|-------------------:|--------------:|-------------:|------------:|",
      ...rows,
    ].join("\n"),
  );

  // Typing at 2,000 routes (the last size loaded): characters at the end of the first route's
  // hostname, with the Simulator tab open, then with the Inspector (which shows that route's forms).
  const typingRows: string[] = [];
  for (const tab of ["simulator", "inspector"] as const) {
    await calm(page, 3000);
    await page.getByTestId(`panel-tab-${tab}`).click();
    // Into the editor's text near its top-left corner (not `.view-lines`: scrolled, its corner is off screen).
    await page.getByTestId("yaml-editor").click({ position: { x: 120, y: 12 } });
    await page.keyboard.press("Control+Home");
    const text = await page.evaluate(() => (window as unknown as Win).switchyard.getYaml());
    const hostLine = text.split("\n").findIndex((l) => l.startsWith('  - "app-0.example.com')) + 1;
    for (let i = 1; i < hostLine; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft"); // inside the quotes: the hostname grows
    await calm(page, 1500);
    const typed = tab === "simulator" ? "abcdefghijklmnopqrst" : "uvwxyzabcdefghijklmn";
    await startLongTasks(page);
    const t0 = Date.now();
    await page.keyboard.type(typed, { delay: 90 });
    const typingMs = Date.now() - t0;
    await expect.poll(() => page.evaluate((t) => (window as unknown as Win).switchyard.getYaml().includes(`${t}"`), typed), { timeout: 60_000 }).toBe(true);
    await expect(page.getByTestId("statusbar")).not.toContainText("updating", { timeout: 60_000 });
    await calm(page, 1000);
    const tasks = await stopLongTasks(page);
    const over50 = tasks.filter((t) => t > 50);
    typingRows.push(`| ${tab.padEnd(9)} | ${String(typed.length).padStart(5)} in ${typingMs} ms | ${String(tasks.length).padStart(10)} | ${ms(tasks.length ? Math.max(...tasks) : 0)} | ${over50.length ? over50.map((t) => t.toFixed(0)).join(", ") : "none"} |`);
  }
  console.log(
    [
      "\nTyping into the editor at 2,000 routes (a hostname grows), until the graph caught up: main-thread long tasks",
      "| side tab  | characters       | long tasks | longest | over 50 ms (ms) |",
      "|-----------|------------------|-----------:|--------:|-----------------|",
      ...typingRows,
    ].join("\n"),
  );

  // Panning the expanded graph: every namespace open, 6,000 nodes.
  await page.getByTestId("canvas-filter-namespaces").click();
  await page.getByTestId("expand-all").click();
  await expect(page.locator('[data-testid^="ns-summary-"]')).toHaveCount(0, { timeout: 60_000 });
  await page.keyboard.press("Escape");
  const nodeCount = await page.evaluate(() => document.querySelector('[data-testid="statusbar"]')?.textContent ?? "");
  await calm(page, 3000);
  const pane = page.getByTestId("canvas");
  const box = (await pane.boundingBox())!;
  const drag = async () => {
    const x0 = box.x + box.width / 2;
    const y0 = box.y + box.height / 2;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(x0 - i * 6, y0 - i * 9);
    await page.mouse.up();
  };
  const panRows: string[] = [];
  const pan = async (label: string) => {
    const domNodes = await page.evaluate(() => document.querySelectorAll(".react-flow__node").length);
    const zoom = await page.evaluate(() => document.querySelector('[data-testid="canvas"]')?.getAttribute("data-detail"));
    const f = stats(await frameTimes(page, drag));
    panRows.push(`| ${label.padEnd(22)} | ${String(zoom).padEnd(6)} | ${String(domNodes).padStart(9)} | ${ms(f.median)} | ${ms(f.p95)} | ${ms(f.max)} | ${String(f.n).padStart(6)} |`);
  };
  await pan("start view");
  // Zoomed far out: thousands of nodes on screen at the least detail.
  for (let i = 0; i < 8; i++) await page.getByRole("button", { name: "zoom out" }).click();
  await calm(page, 1500);
  await pan("zoomed out");
  console.log(
    [
      `\nPanning the expanded 2,000-route graph (${nodeCount.split("·")[0].trim()}): frame intervals while dragging`,
      "| view                   | detail | DOM nodes | median | p95 | max | frames |",
      "|------------------------|--------|----------:|-------:|----:|----:|-------:|",
      ...panRows,
    ].join("\n"),
  );
});
