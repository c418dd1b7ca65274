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
    // Waited for inside the page: Playwright's own polling (evaluations, text snapshots of the
    // status bar) would run on the main thread and count among the app's long tasks.
    await page.evaluate(async (t) => {
      const sleep = () => new Promise((r) => setTimeout(r, 50));
      const done = () => (window as unknown as Win).switchyard.getYaml().includes(`${t}"`) && !document.querySelector('[data-testid="statusbar"]')?.textContent?.includes("updating");
      const until = performance.now() + 60_000;
      while (!done()) {
        if (performance.now() > until) throw new Error("the typed text did not reach the graph within 60 s");
        await sleep();
      }
    }, typed);
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

test("a visual edit at 1,000 routes: weight slider → text, graph, Inspector, samples (printed)", async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await expect(page.getByTestId("yaml-editor").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
  await timedSetYaml(page, routesYaml(1000));
  await expect(page.getByTestId("node-Gateway-infra-edge")).toBeVisible();
  await calm(page, 3000);
  // Ten sample requests, re-run on every edit: one through the edited route's weighted rule.
  await page.getByTestId("panel-tab-simulator").click();
  await page.getByTestId("sim-gateway").selectOption("infra/edge");
  await page.getByTestId("sim-headers").fill("x-canary: true");
  // (The opening example brings samples of its own: they stay, and are re-run too.)
  const before = await page.getByTestId("sample").count();
  for (let i = 0; i < 10; i++) {
    await page.getByTestId("sim-url").fill(`http://app-${i * 97}.example.com/api/v${(i * 97) % 3}/items`);
    await page.getByTestId("sample-add").click();
  }
  await expect(page.getByTestId("sample")).toHaveCount(before + 10);
  // The Inspector on route app-0 (the cursor in its YAML selects it), its canary weight slider.
  await page.getByTestId("panel-tab-inspector").click();
  await page.getByTestId("yaml-editor").click({ position: { x: 120, y: 12 } });
  await page.keyboard.press("Control+Home");
  const text = await page.evaluate(() => (window as unknown as Win).switchyard.getYaml());
  const nameLine = text.split("\n").findIndex((l) => l === "  name: app-0") + 1;
  for (let i = 1; i < nameLine; i++) await page.keyboard.press("ArrowDown");
  const slider = page.getByTestId("weight-HTTPRoute-team-0-app-0-0-0");
  await expect(slider).toBeVisible({ timeout: 30_000 });
  await calm(page, 2000);
  const rows: string[] = [];
  let from = "10";
  for (const [weight, pct] of [["30", "25%"], ["10", "10%"], ["90", "50%"], ["10", "10%"], ["30", "25%"]]) {
    const r = await page.evaluate(
      async ([w, p]) => {
        const el = document.querySelector('[data-testid="weight-HTTPRoute-team-0-app-0-0-0"]') as HTMLInputElement;
        const canvas = document.querySelector('[data-testid="canvas"]')!;
        const bar = document.querySelector('[data-testid="statusbar"]')!;
        const share = () => document.querySelector('[data-testid="weight-pct-HTTPRoute-team-0-app-0-0-0"]')?.textContent;
        const drawnVersion = () => Number(canvas.getAttribute("data-version"));
        const frame = () => new Promise((res) => requestAnimationFrame(() => res(null)));
        const v0 = drawnVersion();
        let longest = 0;
        const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
        obs.observe({ type: "longtask", buffered: false });
        const t0 = performance.now();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(el, w);
        el.dispatchEvent(new Event("change", { bubbles: true }));
        // Drawn: the canvas shows a newer snapshot (the edited text's) and the Inspector its share;
        // simulated: the samples' outcomes on that snapshot are in.
        let drawn = 0;
        for (;;) {
          await frame();
          const now = performance.now() - t0;
          if (!drawn && drawnVersion() > v0 && share() === p) drawn = now;
          if (drawn && Number(bar.getAttribute("data-simulated")) >= drawnVersion()) return done(drawn, now);
        }
        async function done(d: number, s: number) {
          await new Promise((res) => setTimeout(res, 50));
          obs.disconnect();
          return { drawn: d, simulated: s, longest };
        }
      },
      [weight, pct],
    );
    expect(await getYamlText(page)).toContain(`      weight: ${weight}\n`);
    rows.push(`| ${`${from.padStart(2)} → ${weight.padStart(2)} (${pct.padStart(3)})`.padEnd(14)} | ${ms(r.drawn)} | ${ms(r.simulated)} | ${ms(r.longest)} |`);
    from = weight;
    await calm(page, 1000);
  }
  // The samples were re-run on the last edit: the one through app-0's weighted rule shows the new split.
  await page.getByTestId("panel-tab-simulator").click();
  await expect(page.getByTestId("samples")).toContainText("25%");
  console.log(
    [
      "\nA visual edit at 1,000 routes (canary weight slider in the Inspector; 10 samples kept): from the change until drawn (canvas and Inspector on the new snapshot), and until the samples' outcomes on it are in (measured at frames)",
      "| weight         | change → drawn | → samples re-run | longest task |",
      "|----------------|---------------:|-----------------:|-------------:|",
      ...rows,
    ].join("\n"),
  );
});

const getYamlText = (page: Page) => page.evaluate(() => (window as unknown as Win).switchyard.getYaml());
