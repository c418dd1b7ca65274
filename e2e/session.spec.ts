/**
 * A full session — gallery, simulation, files (picker and drag-and-drop), share, export, theme —
 * makes no request beyond localhost. Screenshots of the main views are kept as artifacts.
 */
import { test, expect, openApp, keepScreenshot } from "./fixtures";
import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { GALLERY } from "../web/gallery";

const byId = (id: string) => GALLERY.find((e) => e.id === id)!;
const yamlNow = (page: Page) => page.evaluate(() => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml());

async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), body: readFileSync(path) };
}

test("a full session stays on localhost", async ({ page, external }) => {
  await openApp(page);
  // The first visit opens the first example, explained in the Inspector.
  await page.getByTestId("panel-tab-inspector").click();
  await expect(page.getByTestId("example-explanation")).toContainText(GALLERY[0].title);
  await expect(page.getByTestId("node-Gateway-infra-web")).toBeVisible();
  await keepScreenshot(page, "session-inspector-example");
  // Its sample requests come with it, and are evaluated.
  await page.getByTestId("panel-tab-simulator").click();
  await expect(page.getByTestId("sample")).toHaveCount(GALLERY[0].samples.length);
  await expect(page.getByTestId("sample").first()).toHaveAttribute("data-backend", GALLERY[0].samples[0].expect.backend ?? "");

  // Gallery: cross-namespace, which teaches RefNotPermitted.
  const ex = byId("cross-namespace");
  await page.getByTestId("gallery-button").click();
  await page.getByTestId(`gallery-item-${ex.id}`).click();
  await expect.poll(() => yamlNow(page)).toBe(ex.yaml);
  await expect(page.getByTestId("node-Service-reports-exports")).toBeVisible();

  // Inspector on a node with a problem.
  await page.getByTestId("node-HTTPRoute-frontend-portal").click();
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toHaveAttribute("data-node", "HTTPRoute/frontend/portal");
  await expect(inspector).toContainText("RefNotPermitted");
  await expect(inspector).toContainText("parent");
  await keepScreenshot(page, "session-inspector-node");

  // Status tab: problems first, assumptions, diagnostics; a diagnostic selects its object.
  await page.getByTestId("panel-tab-status").click();
  await expect(page.getByTestId("status-table").locator("tbody tr").first()).toContainText("RefNotPermitted");
  await page.getByTestId("node-Service-billing-invoices").click();
  await page.getByTestId("diagnostics").getByRole("button").first().click();
  await expect(page.getByTestId("node-HTTPRoute-frontend-portal")).toHaveAttribute("data-selected", "true");
  await keepScreenshot(page, "session-status");

  // Simulate both the granted and the refused backend.
  await page.getByTestId("panel-tab-simulator").click();
  await page.getByTestId("sim-url").fill("http://portal.example.com/invoices/1");
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("sim-result")).toHaveAttribute("data-backend", "billing/invoices");
  await page.getByTestId("sim-url").fill("http://portal.example.com/exports/1");
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("sim-result")).toHaveAttribute("data-status", "500");
  await keepScreenshot(page, "session-simulator");

  // Share (the link is shown even when the clipboard is not available).
  await page.getByTestId("share").click();
  await expect(page.getByTestId("share-link")).toHaveValue(/#s=/);

  // Export: YAML, SVG and PNG downloads.
  const y = await download(page, () => page.keyboard.press("Control+s"));
  expect(y.name).toBe("cross-namespace.yaml");
  expect(y.body.toString("utf8")).toBe(ex.yaml);
  await page.getByTestId("export-button").click();
  const svg = await download(page, () => page.getByTestId("export-svg").click());
  expect(svg.name).toBe("cross-namespace.svg");
  expect(svg.body.toString("utf8")).toContain("<svg");
  await page.getByTestId("export-button").click();
  const png = await download(page, () => page.getByTestId("export-png").click());
  expect(png.name).toBe("cross-namespace.png");
  expect(png.body.subarray(1, 4).toString("latin1")).toBe("PNG");

  // Open two files through the picker: joined with --- and named in comments.
  const a = byId("basic-http").yaml;
  const b = "apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\n  namespace: shop\nspec:\n  ports:\n    - port: 80\n";
  await page.getByTestId("open-files-input").setInputFiles([
    { name: "gateway.yaml", mimeType: "application/yaml", buffer: Buffer.from(a) },
    { name: "extra.yaml", mimeType: "application/yaml", buffer: Buffer.from(b) },
  ]);
  await expect.poll(() => yamlNow(page)).toContain("# file: extra.yaml");
  const opened = await yamlNow(page);
  expect(opened.startsWith("# file: gateway.yaml\n")).toBe(true);
  expect(opened).toContain("---\n# file: extra.yaml\n");
  await expect(page.getByTestId("node-Service-shop-extra")).toBeVisible();

  // Drop a file anywhere on the app.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.yaml", { type: "application/yaml" }));
    const target = document.querySelector('[data-testid="canvas"]') ?? document.body;
    for (const type of ["dragenter", "dragover", "drop"]) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, byId("canary-weight").yaml);
  await expect.poll(() => yamlNow(page)).toBe(byId("canary-weight").yaml);
  await expect(page.getByTestId("node-Service-shop-checkout-v2")).toBeVisible();
  await expect(page.getByTestId("drop-overlay")).toHaveCount(0);

  // Dark theme.
  await page.getByTestId("theme-toggle").click();
  const dark = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByTestId("panel-tab-simulator").click();
  await keepScreenshot(page, `session-${dark}-theme`);
  await page.getByTestId("theme-toggle").click();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(dark);

  expect(external).toEqual([]);
});
