/**
 * The YAML editor inside the app: Monaco renders offline, the Kubernetes schema gives completion,
 * hover docs and squiggles, engine diagnostics show as markers, text flows both ways with the
 * workspace, and canvas selection and the YAML cursor follow each other.
 */
import type { Page } from "@playwright/test";
import { expect, openApp, setYaml, test } from "./fixtures";

const YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: example.com/gateway
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
spec:
  gatewayClassName: example
  listeners:
    - name: http
      port: 80
      protocol: HTTP
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
spec:
  parentRefs:
    - name: web
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /store
      backendRefs:
        - name: store-v1
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: store-v2
spec:
  ports:
    - port: 8080
`;

const editor = (page: Page) => page.getByTestId("yaml-editor");
const lines = (page: Page) => editor(page).locator(".monaco-editor .view-lines");

/** Open the app on YAML, wait for Monaco, and put the cursor at the end of a 1-based line. */
async function open(page: Page): Promise<void> {
  await openApp(page);
  await setYaml(page, YAML);
  await expect(lines(page)).toContainText("gatewayClassName");
}

/** Hover `target` until Monaco shows a hover with `text` (the YAML worker may still be starting). */
async function hoverUntil(page: Page, target: ReturnType<Page["locator"]>, text: string): Promise<void> {
  await expect(async () => {
    await page.mouse.move(0, 0);
    await target.hover();
    await expect(page.locator(".monaco-hover").filter({ hasText: text }).first()).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}

async function gotoLineEnd(page: Page, line: number): Promise<void> {
  await lines(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
}

test("the editor renders the workspace offline", async ({ page, external }) => {
  await open(page);
  await expect(editor(page).locator(".monaco-editor")).toBeVisible();
  await expect(lines(page)).toContainText("kind: HTTPRoute");
  expect(external).toEqual([]);
});

test("typing reaches the workspace and the canvas", async ({ page }) => {
  await open(page);
  await gotoLineEnd(page, 22); // "  name: store"
  await page.keyboard.type("-x");
  await expect.poll(() => page.evaluate(() => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml())).toContain("name: store-x\n");
  await expect(page.getByTestId("node-HTTPRoute-default-store-x")).toBeVisible();
});

test("completion offers Gateway API fields", async ({ page }) => {
  await open(page);
  await gotoLineEnd(page, 12); // "spec:" of the Gateway
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Space");
  const rows = page.locator(".suggest-widget .monaco-list-row");
  await expect(rows.first()).toBeVisible();
  const labels = await rows.allInnerTexts();
  expect(labels.join("\n")).toMatch(/addresses|infrastructure/);
});

test("a schema violation gets a squiggle and a hover message", async ({ page }) => {
  await open(page);
  await gotoLineEnd(page, 17); // "protocol: HTTP"
  await page.keyboard.press("Enter");
  await page.keyboard.type("hostnamez: a.example.com");
  await expect(editor(page).locator(".squiggly-warning").first()).toBeVisible({ timeout: 15_000 });
  await hoverUntil(page, editor(page).getByText("hostnamez"), "Property hostnamez is not allowed");
});

test("hover shows the API reference of a field", async ({ page }) => {
  await open(page);
  await hoverUntil(page, editor(page).getByText("gatewayClassName"), "GatewayClassName used for this Gateway");
});

test("an engine diagnostic shows as a marker", async ({ page }) => {
  await open(page);
  await expect(editor(page).locator(".squiggly-error").first()).toBeVisible({ timeout: 15_000 });
  await hoverUntil(page, editor(page).getByText("store-v1"), "Service default/store-v1 not found");
});

test("selecting a node on the canvas selects its YAML lines; the cursor selects the node", async ({ page }) => {
  await open(page);
  await page.getByTestId("node-HTTPRoute-default-store").click();
  await expect(editor(page).locator(".view-overlays .selected-text").first()).toBeVisible();
  await gotoLineEnd(page, 11); // "  name: web" of the Gateway
  await expect(page.getByTestId("node-Gateway-default-web")).toHaveAttribute("data-selected", "true");
});

test("an outside change keeps the editor's undo history", async ({ page }) => {
  await open(page);
  await setYaml(page, YAML.replace("port: 8080\n---", "port: 9090\n---"));
  await expect(lines(page)).toContainText("port: 9090");
  await lines(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await expect(lines(page)).not.toContainText("port: 9090");
  await expect.poll(() => page.evaluate(() => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml())).not.toContain("port: 9090");
});

test("past 20,000 lines completion comes on request (Ctrl+Space), not as you type", async ({ page }) => {
  await open(page);
  // The YAML above, then 2,000 short routes (24,000 lines): past LARGE_LINES.
  const routes = Array.from({ length: 2000 }, (_, i) => `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r${i}\nspec:\n  parentRefs:\n    - name: web\n  rules:\n    - backendRefs:\n        - name: store-v2\n          port: 8080\n`).join("");
  await setYaml(page, YAML + routes);
  await gotoLineEnd(page, 12); // "spec:" of the Gateway
  await page.keyboard.press("Enter");
  await page.keyboard.type("  add", { delay: 50 });
  // As-you-type suggestions would show within seconds (the YAML worker parses the whole document).
  await page.waitForTimeout(8000);
  await expect(page.locator(".suggest-widget.visible")).toHaveCount(0);
  await page.keyboard.press("Control+Space");
  await expect(page.locator(".suggest-widget .monaco-list-row").filter({ hasText: "addresses" }).first()).toBeVisible({ timeout: 30_000 });
});
