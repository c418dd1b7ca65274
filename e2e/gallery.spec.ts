/**
 * Every gallery example, loaded through the toolbar menu, draws the nodes it declares, shows its
 * explanation, and its suggested sample requests reach the destinations it promises.
 */
import { test, expect, openApp, keepScreenshot } from "./fixtures";
import type { Page } from "@playwright/test";
import { GALLERY } from "../web/gallery";
import { nodeTestId } from "../web/canvas/testids";

/** A graph node id (`Kind/ns/name`, `Kind/name`, `Listener/ns/gw/name`) → the canvas testid. */
function testIdOf(id: string): string {
  const parts = id.split("/");
  const kind = parts[0];
  if (kind === "Listener") return nodeTestId({ id, kind, namespace: parts[1], name: parts[3] });
  return parts.length === 2 ? nodeTestId({ id, kind, namespace: "", name: parts[1] }) : nodeTestId({ id, kind, namespace: parts[1], name: parts[2] });
}

async function loadFromMenu(page: Page, yaml: string, id: string): Promise<void> {
  await page.getByTestId("gallery-button").click();
  await page.getByTestId(`gallery-item-${id}`).click();
  await page.waitForFunction((y) => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml() === y, yaml);
}

test("the gallery menu lists every example with its description", async ({ page, external }) => {
  await openApp(page);
  await page.getByTestId("gallery-button").click();
  for (const ex of GALLERY) {
    const item = page.getByTestId(`gallery-item-${ex.id}`);
    await expect(item).toContainText(ex.title);
    await expect(item).toContainText(ex.description);
  }
  await keepScreenshot(page, "gallery-menu");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("gallery-item-basic-http")).toHaveCount(0);
  expect(external).toEqual([]);
});

for (const ex of GALLERY) {
  test(`example ${ex.id} renders its nodes and samples`, async ({ page, external }) => {
    await openApp(page);
    await loadFromMenu(page, ex.yaml, ex.id);
    for (const id of ex.nodes) await expect(page.getByTestId(testIdOf(id)), id).toBeVisible();
    // Nothing selected: the side panel explains the example.
    await expect(page.getByTestId("example-explanation")).toContainText(ex.title);
    // The samples come with it and are evaluated.
    await page.getByTestId("panel-tab-simulator").click();
    const rows = page.getByTestId("sample");
    await expect(rows).toHaveCount(ex.samples.length);
    for (let i = 0; i < ex.samples.length; i++) {
      // Samples of a scenario the engine does not simulate yet state what the spec requires.
      if (ex.notSimulatedYet) continue;
      const e = ex.samples[i].expect;
      await expect(rows.nth(i)).toHaveAttribute("data-status", String(e.statusCode));
      if (e.backend !== undefined) await expect(rows.nth(i)).toHaveAttribute("data-backend", e.backend ?? "");
      if (e.grpcStatus !== undefined) await expect(rows.nth(i)).toHaveAttribute("data-grpc-status", e.grpcStatus);
      if (e.connectionError !== undefined) await expect(rows.nth(i)).toHaveAttribute("data-connection-error", String(e.connectionError));
    }
    await keepScreenshot(page, `gallery-${ex.id}`);
    expect(external).toEqual([]);
  });
}
