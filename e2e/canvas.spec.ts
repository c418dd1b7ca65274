/**
 * The graph canvas in the built app: nodes and edges by test id, selection, filters, collapsing a
 * namespace, traffic shares on edges, SVG export, the stale banner; and (printed, not asserted) how
 * long a 2,000-route configuration takes to draw and a one-line edit to redraw.
 */
import { test, expect, openApp, setYaml, keepScreenshot } from "./fixtures";
import { readFileSync } from "node:fs";
import { GALLERY } from "../web/gallery";
import { canaryWeight } from "../web/gallery/canary-weight";
import { nodeTestId } from "../web/canvas/testids";
import { routesYaml } from "../bench/fixtures";

/** A graph node id (`Kind/ns/name`, `Kind/name`, `Listener/ns/gw/name`) → its canvas test id. */
function testIdOf(id: string): string {
  const parts = id.split("/");
  const kind = parts[0];
  if (kind === "Listener") return nodeTestId({ id, kind, namespace: parts[1], name: parts[3] });
  return parts.length === 2 ? nodeTestId({ id, kind, namespace: "", name: parts[1] }) : nodeTestId({ id, kind, namespace: parts[1], name: parts[2] });
}

test("the default example draws its nodes and edges", async ({ page, external }) => {
  await openApp(page);
  const canvas = page.getByTestId("canvas");
  await expect(canvas).toBeVisible();
  for (const id of GALLERY[0].nodes) await expect(canvas.getByTestId(testIdOf(id)), id).toBeVisible();
  // Edges carry graph ids in reference order; status on every node.
  await expect(canvas.getByTestId("edge-HTTPRoute/shop/shop-Service/shop/api")).toHaveCount(1);
  await expect(canvas.getByTestId("edge-HTTPRoute/shop/shop-Listener/infra/web/http")).toHaveAttribute("data-ok", "true");
  await expect(canvas.getByTestId("node-Gateway-infra-web")).toHaveAttribute("data-status", "ok");
  await expect(canvas.getByTestId("node-Listener-infra-web-http")).toContainText(":80");
  await expect(canvas.getByTestId("node-Listener-infra-web-http")).toContainText("HTTP");
  await keepScreenshot(page, "canvas-default");
  expect(external).toEqual([]);
});

test("clicking a node selects it; clicking the background clears the selection", async ({ page }) => {
  await openApp(page);
  const route = page.getByTestId("node-HTTPRoute-shop-shop");
  await expect(route).toHaveAttribute("data-selected", "false");
  await route.click();
  await expect(route).toHaveAttribute("data-selected", "true");
  await page.getByTestId("node-Service-shop-api").click();
  await expect(route).toHaveAttribute("data-selected", "false");
  await expect(page.getByTestId("node-Service-shop-api")).toHaveAttribute("data-selected", "true");
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 300 } });
  await expect(page.getByTestId("node-Service-shop-api")).toHaveAttribute("data-selected", "false");
});

test("a node selected elsewhere is highlighted and brought into view", async ({ page }) => {
  await openApp(page);
  await setYaml(page, routesYaml(120));
  const far = page.getByTestId("node-HTTPRoute-team-19-app-119");
  await expect(far).toHaveCount(0); // off-screen: not rendered
  await page.getByTestId("panel-tab-simulator").click();
  await page.getByTestId("sim-gateway").selectOption("infra/edge");
  await page.getByTestId("sim-url").fill("http://app-119.example.com/");
  await page.getByTestId("sim-run").click();
  await page.getByTestId("sim-trace").getByTitle("Select HTTPRoute/team-19/app-119").first().click();
  await expect(far).toBeInViewport();
  await expect(far).toHaveAttribute("data-selected", "true");
  // On the request's path: lit.
  await expect(far).toHaveClass(/sy-lit/);
});

test("filters hide a namespace and a kind; search highlights matches", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("canvas-filter-namespaces").click();
  await page.getByTestId("filter-ns-shop").uncheck();
  await expect(page.getByTestId("node-HTTPRoute-shop-shop")).toHaveCount(0);
  await expect(page.getByTestId("node-Service-shop-api")).toHaveCount(0);
  await expect(page.getByTestId("edge-HTTPRoute/shop/shop-Listener/infra/web/http")).toHaveCount(0);
  await expect(page.getByTestId("node-Gateway-infra-web")).toBeVisible();
  await page.getByTestId("filter-ns-shop").check();
  await expect(page.getByTestId("node-HTTPRoute-shop-shop")).toBeVisible();

  await page.getByTestId("canvas-filter-kinds").click();
  await page.getByTestId("filter-kind-Service").uncheck();
  await expect(page.getByTestId("node-Service-shop-api")).toHaveCount(0);
  await expect(page.getByTestId("node-HTTPRoute-shop-shop")).toBeVisible();
  await page.getByTestId("filter-kind-Service").check();

  await page.getByTestId("canvas-search").fill("storefront");
  await expect(page.getByTestId("canvas-search-count")).toHaveText("1/1");
  await expect(page.getByTestId("node-Service-shop-storefront")).toHaveClass(/sy-hit/);
  await expect(page.getByTestId("node-Service-shop-api")).toHaveClass(/sy-miss/);
});

test("a namespace collapses into a summary node and expands again", async ({ page }) => {
  await openApp(page);
  const canvas = page.getByTestId("canvas");
  // Routes are in column 3, Services in column 4: one summary per column.
  await canvas.getByTestId("ns-toggle-shop-3").click();
  await expect(canvas.getByTestId("node-HTTPRoute-shop-shop")).toHaveCount(0);
  await expect(canvas.getByTestId("node-Service-shop-api")).toHaveCount(0);
  const routes = canvas.getByTestId("ns-summary-shop-3");
  await expect(routes).toContainText("1 HTTPRoute");
  await expect(canvas.getByTestId("ns-summary-shop-4")).toContainText("2 Service");
  // Edges now end at the summaries, merged.
  await expect(canvas.getByTestId("edge-Namespace/shop@3-Namespace/shop@4")).toHaveAttribute("data-count", "2");
  await expect(canvas.getByTestId("edge-Namespace/shop@3-Listener/infra/web/http")).toHaveCount(1);
  await keepScreenshot(page, "canvas-collapsed");
  await routes.click();
  await expect(canvas.getByTestId("node-HTTPRoute-shop-shop")).toBeVisible();
  await expect(canvas.getByTestId("ns-summary-shop-3")).toHaveCount(0);
});

test("a weighted backendRef shows its weight and share on the edge", async ({ page }) => {
  await openApp(page);
  await setYaml(page, canaryWeight.yaml);
  const v1 = page.getByTestId("edge-HTTPRoute/shop/checkout-Service/shop/checkout-v1");
  const v2 = page.getByTestId("edge-HTTPRoute/shop/checkout-Service/shop/checkout-v2");
  await expect(v1).toContainText("90%");
  await expect(v2).toContainText("10%");
  await expect(v2.locator("title")).toContainText("weight 10");
  await keepScreenshot(page, "canvas-canary-weight");
});

test("broken YAML dims the canvas and keeps the last valid graph", async ({ page }) => {
  await openApp(page);
  await setYaml(page, GALLERY[0].yaml + "\n---\nkind: [unclosed\n");
  await expect(page.getByTestId("canvas-stale")).toHaveText("YAML has errors — showing the last valid graph");
  await expect(page.getByTestId("node-HTTPRoute-shop-shop")).toBeVisible();
  await setYaml(page, GALLERY[0].yaml);
  await expect(page.getByTestId("canvas-stale")).toHaveCount(0);
});

test("export SVG holds every node of the graph", async ({ page }) => {
  await openApp(page);
  await setYaml(page, canaryWeight.yaml);
  await page.getByTestId("export-button").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
  const svg = readFileSync((await download.path())!, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  for (const name of ["example", "web", "checkout", "checkout-v1", "checkout-v2", "assets"]) expect(svg).toContain(`>${name}`);
  expect(svg).toContain("90%");
});

test("more than ten routes of a namespace on one listener are drawn as one bundled edge", async ({ page }) => {
  await openApp(page);
  await setYaml(page, routesYaml(30, 2));
  const bundle = page.getByTestId("edge-group:Namespace/team-0@3-Listener/infra/edge/http");
  await expect(bundle).toContainText("×15");
  await expect(page.getByTestId("edge-HTTPRoute/team-0/app-0-Listener/infra/edge/http")).toHaveCount(0);
  // The selected route keeps its own line.
  await page.getByTestId("node-HTTPRoute-team-0-app-0").click();
  await expect(page.getByTestId("edge-HTTPRoute/team-0/app-0-Listener/infra/edge/http")).toHaveCount(1);
  await expect(bundle).toContainText("×14");
  await keepScreenshot(page, "canvas-bundles");
});

test("export PNG is a picture of the graph; dark theme", async ({ page }) => {
  await openApp(page);
  // The opening example drawn first: exporting before it arrives would picture an empty canvas.
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await page.getByTestId("export-button").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
  const png = readFileSync((await download.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(2000);
  await keepScreenshot(page, "canvas-dark");
});

test("performance at 2,000 routes (printed)", async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  const big = routesYaml(2000);
  // The first route's canary weight: a one-line edit.
  const edited = big.replace("      weight: 10\n", "      weight: 20\n");
  expect(edited).not.toBe(big);
  /**
   * ms from setYaml to the snapshot in the store (settled) and to the next painted frame after the
   * canvas committed the new flow (drawn); the canvas's own share is the `canvas:update` measure.
   */
  const draw = async (text: string) =>
    page.evaluate(async (text) => {
      const w = window as unknown as { switchyard: { setYaml(t: string): Promise<void> } };
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const latest = () => performance.getEntriesByName("canvas:update").at(-1) as PerformanceMeasure | undefined;
      const t0 = performance.now();
      await w.switchyard.setYaml(text);
      const settled = performance.now() - t0;
      for (let i = 0; i < 600 && !((latest()?.startTime ?? -1) >= t0); i++) await frame();
      await frame();
      const m = latest();
      const mine = m && m.startTime >= t0;
      return { settled, drawn: performance.now() - t0, canvas: mine ? m.duration : NaN, toFlow: mine ? (m.detail as { toFlowMs: number }).toFlowMs : NaN, nodes: document.querySelectorAll(".react-flow__node").length };
    }, text);
  const first = await draw(big);
  await expect(page.getByTestId("node-Gateway-infra-edge")).toBeVisible();
  // A large configuration opens with its biggest namespaces collapsed.
  const collapsedNs = await page.locator('[data-testid^="ns-summary-team-"]').count();
  const own = (r: { canvas: number; toFlow: number }) => `canvas's own update ${r.canvas.toFixed(0)} ms (toFlow ${r.toFlow.toFixed(0)} ms)`;
  console.log(`canvas @2000 routes: load → settled ${first.settled.toFixed(0)} ms, drawn ${first.drawn.toFixed(0)} ms, ${own(first)} (${first.nodes} nodes in the DOM, ${collapsedNs} summaries on screen)`);
  // Let the work a load starts elsewhere (the editor's tokenizer, the simulator) finish first.
  await page.waitForTimeout(3000);
  await page.getByTestId("canvas-filter-namespaces").click();
  const expanded = await page.evaluate(async () => {
    const t0 = performance.now();
    (document.querySelector('[data-testid="expand-all"]') as HTMLButtonElement).click();
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    for (let i = 0; i < 600 && document.querySelector('[data-testid^="ns-summary-"]'); i++) await frame();
    await frame();
    const m = performance.getEntriesByName("canvas:update").at(-1) as PerformanceMeasure | undefined;
    return { ms: performance.now() - t0, canvas: m ? m.duration : NaN, nodes: document.querySelectorAll(".react-flow__node").length };
  });
  await page.keyboard.press("Escape");
  console.log(`canvas @2000 routes: expand all → drawn ${expanded.ms.toFixed(0)} ms, canvas's own update ${expanded.canvas.toFixed(0)} ms (${expanded.nodes} nodes in the DOM)`);
  await page.waitForTimeout(3000);
  const edit = await draw(edited);
  await page.waitForTimeout(3000);
  const again = await draw(big);
  console.log(`canvas @2000 routes, expanded: one-line edit → settled ${edit.settled.toFixed(0)} ms, drawn ${edit.drawn.toFixed(0)} ms, ${own(edit)}; edit back → settled ${again.settled.toFixed(0)} ms, drawn ${again.drawn.toFixed(0)} ms, ${own(again)}`);
  await keepScreenshot(page, "canvas-2000-routes");
});
