/**
 * A share link reopens the same state in a fresh browser: YAML, the current request, the samples,
 * theme, collapsed namespaces and the selected node. A broken link falls back without harm.
 */
import { test, expect, openApp, keepScreenshot } from "./fixtures";
import { GALLERY } from "../web/gallery";

const ex = GALLERY.find((e) => e.id === "shared-gateway")!;
const getYaml = () => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml();

test("a share link reopens exactly the shared state", async ({ page, browser, external }) => {
  await openApp(page);
  await page.getByTestId("gallery-button").click();
  await page.getByTestId(`gallery-item-${ex.id}`).click();
  await page.waitForFunction((y) => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml() === y, ex.yaml);

  // Change the state away from the example's defaults.
  await page.getByTestId("panel-tab-simulator").click();
  await page.getByTestId("sim-url").fill("http://blog.example.com/posts/42");
  await page.getByTestId("sim-headers").fill("x-team: b");
  await expect(page.getByTestId("sim-result")).toHaveAttribute("data-backend", "team-b/blog");
  await page.getByTestId("sample-label").fill("a blog post");
  await page.getByTestId("sample-add").click();
  await expect(page.getByTestId("sample")).toHaveCount(ex.samples.length + 1);
  await page.getByTestId("theme-toggle").click();
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByTestId("canvas-filter-namespaces").click();
  await page.getByTestId("collapse-ns-sandbox").click();
  await page.keyboard.press("Escape");
  await page.getByTestId("node-HTTPRoute-team-a-store").click();
  await expect(page.getByTestId("node-HTTPRoute-team-a-store")).toHaveAttribute("data-selected", "true");

  await page.keyboard.press("Control+Shift+S");
  const link = await page.getByTestId("share-link").inputValue();
  const origin = new URL(page.url()).origin;
  expect(link.startsWith(`${origin}/#s=`)).toBe(true);
  expect(link.slice(origin.length + 4)).toMatch(/^[A-Za-z0-9_-]+$/);

  // A fresh browser (no saved workspace) opens the link.
  const other = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page2 = await other.newPage();
  const external2: string[] = [];
  page2.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) external2.push(r.url());
  });
  await openApp(page2, link.slice(origin.length));
  await page2.waitForFunction((y) => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml() === y, ex.yaml);
  expect(await page2.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  await expect(page2.getByTestId("node-HTTPRoute-team-a-store")).toHaveAttribute("data-selected", "true");
  await expect(page2.getByTestId("ns-summary-sandbox-3")).toBeVisible();
  await page2.getByTestId("panel-tab-simulator").click();
  await expect(page2.getByTestId("sim-url")).toHaveValue("http://blog.example.com/posts/42");
  await expect(page2.getByTestId("sim-headers")).toHaveValue("x-team: b");
  await expect(page2.getByTestId("sim-result")).toHaveAttribute("data-backend", "team-b/blog");
  const labels = await page2.getByTestId("sample").locator(".sample-label").allTextContents();
  expect(labels).toEqual([...ex.samples.map((s) => s.label), "a blog post"]);
  // The link did its job: the address bar no longer carries it.
  expect(new URL(page2.url()).hash).toBe("");
  await keepScreenshot(page2, "share-reopened");
  expect(external2).toEqual([]);
  await other.close();
  expect(external).toEqual([]);
});

test("a damaged share link opens the app anyway", async ({ page, external }) => {
  await openApp(page, "/#s=this-is-not-a-valid-link");
  await page.waitForFunction(() => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml().length > 0);
  expect(await page.evaluate(getYaml)).toBe(GALLERY[0].yaml);
  expect(external).toEqual([]);
});
