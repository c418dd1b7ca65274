/**
 * Layout in the worker: edits are laid out incrementally (what was drawn stays put), "Tidy" lays the
 * graph out again from scratch with crossing reduction — from the toolbar or with Alt+L.
 */
import type { Page } from "@playwright/test";
import { test, expect, openApp, setYaml, keepScreenshot } from "./fixtures";
import { wired } from "../web/worker/wired.test-data";

const STRAIGHT = wired([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6]]);
// Every route now sends to the opposite Service: an incremental layout keeps them in place, crossed.
const CROSSED = wired([[1, 6], [2, 5], [3, 4], [4, 3], [5, 2], [6, 1]]);

/** Every drawn node's place (React Flow's transform), by node id. */
function places(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    document.querySelectorAll<HTMLElement>(".react-flow__node").forEach((n) => (out[n.dataset.id ?? ""] = n.style.transform));
    return out;
  });
}

const top = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!.y;

for (const how of ["toolbar", "Alt+L"] as const) {
  test(`tidy (${how}) lays the graph out again: positions change, every node stays`, async ({ page }) => {
    await openApp(page);
    await setYaml(page, STRAIGHT);
    await expect(page.getByTestId("node-Service-app-s6")).toBeVisible();
    await setYaml(page, CROSSED);
    await expect(page.getByTestId("edge-HTTPRoute/app/r1-Service/app/s6")).toHaveCount(1);
    // Kept in place: s1 still above s6 although r1 (on top) sends to s6.
    expect(await top(page, "node-Service-app-s1")).toBeLessThan(await top(page, "node-Service-app-s6"));
    const before = await places(page);
    const nodes = Object.keys(before).length;
    expect(nodes).toBeGreaterThanOrEqual(14); // gateway and listener, 6 routes, 6 services, namespace boxes
    if (how === "toolbar") await page.getByTestId("tidy-layout").click();
    else {
      await page.getByTestId("canvas").click({ position: { x: 5, y: 200 } }); // focus out of the editor
      await page.keyboard.press("Alt+L");
    }
    await expect.poll(async () => (await top(page, "node-Service-app-s6")) < (await top(page, "node-Service-app-s1"))).toBe(true);
    const after = await places(page);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(after).filter((id) => after[id] !== before[id]).length).toBeGreaterThan(0);
    // Untangled: each Service faces its route.
    for (let i = 1; i < 6; i++) expect(await top(page, `node-Service-app-s${7 - i}`)).toBeLessThan(await top(page, `node-Service-app-s${6 - i}`));
    if (how === "toolbar") await keepScreenshot(page, "layout-tidy");
  });
}

test("the help overlay lists the tidy shortcut", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("help-button").click();
  await expect(page.getByText("Tidy the graph layout")).toBeVisible();
});
