/**
 * The workspace survives a reload: small texts in local storage, large ones in IndexedDB (saving
 * megabytes to local storage blocked the main thread after every pause in typing).
 */
import { test, expect, openApp, setYaml } from "./fixtures";
import { routesYaml } from "../bench/fixtures";

const yamlNow = (page: import("@playwright/test").Page) => page.evaluate(() => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml());

test("a large workspace, then a small one, come back after a reload", async ({ page }) => {
  await openApp(page);
  const large = routesYaml(300); // ~300 KB: over local storage's share
  await setYaml(page, large);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("switchyard.workspace.v1") ?? ""), { timeout: 10_000 }).toContain('"inDb":true');
  await page.reload();
  await page.waitForFunction(() => typeof (window as unknown as { switchyard?: unknown }).switchyard === "object");
  expect(await yamlNow(page)).toBe(large);
  await expect(page.getByTestId("node-Gateway-infra-edge")).toBeVisible();

  const small = routesYaml(3);
  await setYaml(page, small);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("switchyard.workspace.v1") ?? ""), { timeout: 10_000 }).toContain("apiVersion");
  await page.reload();
  await page.waitForFunction(() => typeof (window as unknown as { switchyard?: unknown }).switchyard === "object");
  expect(await yamlNow(page)).toBe(small);
});
