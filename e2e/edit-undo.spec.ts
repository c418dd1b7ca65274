/**
 * Undo and redo: one history of the text for visual and typed edits. A visual edit, then a text
 * edit, then two undos give back the original text exactly — by keyboard with the focus in the
 * editor or on the canvas, and through window.switchyard.undo()/redo(); the canvas follows.
 */
import { test, expect, openApp, setYaml } from "./fixtures";
import type { Page } from "@playwright/test";
import { apiRedo, apiUndo, expectYaml, getYaml, inspect } from "./edit-helpers";
import { basicHttp } from "../web/gallery/basic-http";

const lines = (page: Page) => page.getByTestId("yaml-editor").locator(".monaco-editor .view-lines");

/** Put the cursor at the end of a line (1-based) and type. */
async function typeAtLineEnd(page: Page, line: number, text: string): Promise<void> {
  await expect(lines(page)).toContainText("apiVersion");
  // Forced: on a loaded machine Monaco's automatic layout can keep the lines "unstable" for a while.
  await lines(page).click({ position: { x: 5, y: 5 }, force: true });
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

/** The visual edit: the listener's port to 8080 through its test id. */
async function visualEdit(page: Page): Promise<string> {
  await inspect(page, "node-Listener-infra-web-http");
  const port = page.getByTestId("listener-port-infra-web-http");
  await port.fill("8080");
  await port.blur();
  return expectYaml(page, (y) => y.includes("port: 8080\n      allowedRoutes"), "the visual edit is written");
}

/** The text edit: the route's hostname changed in the editor (line 34: `    - shop.example.com`). */
async function textEdit(page: Page): Promise<string> {
  await typeAtLineEnd(page, 34, "x");
  return expectYaml(page, (y) => y.includes("- shop.example.comx"), "the typed edit reaches the store");
}

test("visual edit + text edit, two undos by keyboard in the editor: the original text; redo by Ctrl+Shift+Z and Ctrl+Y", async ({ page, external }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  const afterVisual = await visualEdit(page);
  const afterText = await textEdit(page);
  expect(afterText).toContain("port: 8080");
  // Focus is in the editor: its Ctrl+Z is the app's undo.
  await page.keyboard.press("Control+z");
  await expectYaml(page, (y) => y === afterVisual, "the first undo takes back the typing");
  await page.keyboard.press("Control+z");
  await expectYaml(page, (y) => y === basicHttp.yaml, "the second undo takes back the visual edit");
  await expect(page.getByTestId("node-Listener-infra-web-http")).toContainText(":80");
  await expect(page.getByTestId("node-Listener-infra-web-http")).not.toContainText(":8080");
  await page.keyboard.press("Control+Shift+z");
  await expectYaml(page, (y) => y === afterVisual, "redo the visual edit");
  await expect(page.getByTestId("node-Listener-infra-web-http")).toContainText(":8080");
  await page.keyboard.press("Control+y");
  await expectYaml(page, (y) => y === afterText, "redo the typing");
  await expect(lines(page)).toContainText("shop.example.comx");
  expect(external).toEqual([]);
});

test("the same with the focus on the canvas, and the toolbar buttons", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await visualEdit(page);
  await textEdit(page);
  await page.locator(".react-flow__pane").click({ position: { x: 30, y: 300 } });
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await expectYaml(page, (y) => y === basicHttp.yaml, "two undos from the canvas");
  await expect(page.getByTestId("node-Listener-infra-web-http")).not.toContainText(":8080");
  await page.getByTestId("redo").click();
  await expectYaml(page, (y) => y.includes("port: 8080") && !y.includes("comx"), "the toolbar's redo");
  await page.getByTestId("undo").click();
  await expectYaml(page, (y) => y === basicHttp.yaml, "the toolbar's undo");
});

test("window.switchyard.undo()/redo() resolve once drawn; a new edit clears the redo", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  const afterVisual = await visualEdit(page);
  const afterText = await textEdit(page);
  await apiUndo(page);
  expect(await getYaml(page)).toBe(afterVisual);
  await apiUndo(page);
  expect(await getYaml(page)).toBe(basicHttp.yaml);
  // Drawn by the time undo() resolves.
  await expect(page.getByTestId("node-Listener-infra-web-http")).toContainText(":80", { timeout: 1000 });
  await apiRedo(page);
  await apiRedo(page);
  expect(await getYaml(page)).toBe(afterText);
  await apiUndo(page);
  // A new visual edit after an undo: the undone typing cannot be redone any more.
  await page.getByTestId("node-HTTPRoute-shop-shop").click();
  await page.getByTestId("route-hostnames-shop-shop").fill("shop.example.org");
  await page.getByTestId("route-hostnames-shop-shop").press("Enter");
  const edited = await expectYaml(page, (y) => y.includes("- shop.example.org"), "a new edit");
  await apiRedo(page);
  expect(await getYaml(page)).toBe(edited);
  await expect(page.getByTestId("redo")).toBeDisabled();
});

test("typing still waiting for the editor's debounce is one undo step of its own", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await typeAtLineEnd(page, 34, "zz");
  // No wait: the undo flushes the pending keystrokes first, then takes them back.
  await apiUndo(page);
  expect(await getYaml(page)).toBe(basicHttp.yaml);
  await expect(lines(page)).not.toContainText("shop.example.comzz");
  await apiRedo(page);
  expect(await getYaml(page)).toContain("- shop.example.comzz");
});

test("Ctrl+Z with the focus on an inspector select undoes its change; in a text field it undoes the typing", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Listener-infra-web-http");
  const protocol = page.getByTestId("listener-protocol-infra-web-http");
  await protocol.selectOption("TCP");
  await expectYaml(page, (y) => y.includes("protocol: TCP"), "TCP is written");
  await protocol.focus();
  await page.keyboard.press("Control+z");
  await expectYaml(page, (y) => y === basicHttp.yaml, "the select's change is undone");
  await expect(protocol).toHaveValue("HTTP");
  // In a text field, Ctrl+Z is the field's own undo: the workspace keeps its text.
  const host = page.getByTestId("listener-hostname-infra-web-http");
  await host.click();
  await page.keyboard.type("abc");
  await page.keyboard.press("Control+z");
  await expect(host).not.toHaveValue("abc");
  expect(await getYaml(page)).toBe(basicHttp.yaml);
});
