/**
 * Shared e2e helpers: a page fixture that records every request leaving localhost (the app must
 * load nothing from the internet), and helpers over the `window.switchyard` automation API.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

export const ARTIFACTS = "test-results/screenshots";

export const test = base.extend<{ external: string[] }>({
  external: async ({ page }, use) => {
    const external: string[] = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (!["127.0.0.1", "localhost"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) external.push(r.url());
    });
    await use(external);
  },
});
export { expect };

/** Open the app with an empty local storage and wait until the engine has drawn a graph. */
export async function openApp(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => typeof (window as unknown as { switchyard?: unknown }).switchyard === "object");
}

/** Replace the workspace YAML through the automation API; resolves once the graph reflects it. */
export async function setYaml(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => (window as unknown as { switchyard: { setYaml(t: string): Promise<void> } }).switchyard.setYaml(t), text);
}

/** Keep a screenshot of the current view as a test artifact. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}
