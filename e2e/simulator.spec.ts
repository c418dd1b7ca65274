/**
 * The request simulator through its form: gateway, URL, method and headers in, the outcome out
 * (`sim-result` with data-status / data-backend); the trace links select nodes; samples follow edits.
 */
import { test, expect, openApp, setYaml, keepScreenshot } from "./fixtures";
import type { Page } from "@playwright/test";
import { GALLERY } from "../web/gallery";

const example = (id: string) => GALLERY.find((e) => e.id === id)!;

async function simulate(page: Page, gateway: string, url: string, method = "GET", headers = ""): Promise<void> {
  await page.getByTestId("panel-tab-simulator").click();
  await page.getByTestId("sim-gateway").selectOption(gateway);
  await page.getByTestId("sim-url").fill(url);
  await page.getByTestId("sim-method").selectOption(method);
  await page.getByTestId("sim-headers").fill(headers);
  await page.getByTestId("sim-run").click();
}

test("a request through the form reaches its backend", async ({ page, external }) => {
  await openApp(page);
  await setYaml(page, example("basic-http").yaml);
  await simulate(page, "infra/web", "http://shop.example.com/api/orders?page=2");
  const result = page.getByTestId("sim-result");
  await expect(result).toHaveAttribute("data-backend", "shop/api");
  await expect(result).toHaveAttribute("data-status", "200");
  await expect(result).toContainText("HTTPRoute/shop/shop");
  await expect(page.getByTestId("sim-trace")).toContainText("wins with match 0");

  await page.getByTestId("sim-url").fill("http://elsewhere.example.com/");
  await page.getByTestId("sim-run").click();
  await expect(result).toHaveAttribute("data-status", "404");
  await expect(result).toHaveAttribute("data-backend", "");
  expect(external).toEqual([]);
});

test("headers and methods take part in matching; Ctrl+Enter runs", async ({ page }) => {
  await openApp(page);
  await setYaml(page, example("canary-header").yaml);
  await simulate(page, "infra/web", "http://search.example.com/q", "POST", "X-Canary: always");
  const result = page.getByTestId("sim-result");
  await expect(result).toHaveAttribute("data-backend", "search/search-v2");
  await page.getByTestId("sim-headers").fill("");
  await page.getByTestId("sim-headers").press("Control+Enter");
  await expect(result).toHaveAttribute("data-backend", "search/search-v1");
  await page.getByTestId("sim-url").fill("http://search.example.com/q?canary=on");
  await page.getByTestId("sim-url").press("Control+Enter");
  await expect(result).toHaveAttribute("data-backend", "search/search-v2");
});

test("a weighted split shows both backends; redirects and rewrites are shown", async ({ page }) => {
  await openApp(page);
  await setYaml(page, example("canary-weight").yaml);
  await simulate(page, "shop/web", "http://shop.example.com/checkout", "POST");
  const result = page.getByTestId("sim-result");
  await expect(result).toHaveAttribute("data-status", "200");
  await expect(result).toHaveAttribute("data-backend", "");
  await expect(result).toContainText("shop/checkout-v1:8080");
  await expect(result).toContainText("90%");
  await expect(result).toContainText("10%");
  await keepScreenshot(page, "simulator-split");

  await setYaml(page, example("rewrite-redirect").yaml);
  await simulate(page, "site/web", "http://www.example.com/blog/2024/hello");
  await expect(result).toHaveAttribute("data-status", "301");
  await expect(page.getByTestId("sim-redirect")).toContainText("https://blog.example.org/2024/hello");
  await simulate(page, "site/web", "http://www.example.com/v1/users");
  await expect(result).toHaveAttribute("data-backend", "site/api");
  await expect(page.getByTestId("sim-rewritten")).toContainText("/users");
  await expect(result).toContainText("x-api-version");
});

test("trace refs select nodes; samples are flagged when an edit moves them", async ({ page }) => {
  const ex = example("canary-weight");
  await openApp(page);
  await setYaml(page, ex.yaml);
  await simulate(page, "shop/web", "http://shop.example.com/static/app.js");
  await expect(page.getByTestId("sim-result")).toHaveAttribute("data-backend", "shop/assets");

  // A trace ref selects its node on the canvas, and the Inspector shows it.
  await page.getByTestId("sim-trace").getByRole("button", { name: "Service/shop/assets" }).first().click();
  await expect(page.getByTestId("node-Service-shop-assets")).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Alt+1");
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-node", "Service/shop/assets");

  // Keep two samples (the list starts with the first example's samples: clear it), then move /static to the checkout service.
  await page.keyboard.press("Alt+2");
  const removeButtons = page.getByRole("button", { name: /^Remove sample/ });
  while ((await removeButtons.count()) > 0) await removeButtons.first().click();
  await page.getByTestId("sample-label").fill("static");
  await page.getByTestId("sample-add").click();
  await page.getByTestId("sim-url").fill("http://shop.example.com/checkout");
  await page.getByTestId("sample-label").fill("checkout");
  await page.getByTestId("sample-add").click();
  const samples = page.getByTestId("sample");
  await expect(samples).toHaveCount(2);
  await expect(samples.nth(0)).toHaveAttribute("data-backend", "shop/assets");
  await setYaml(page, ex.yaml.replace("        - name: assets\n          port: 80", "        - name: checkout-v1\n          port: 8080"));
  await expect(samples.nth(0)).toHaveAttribute("data-changed", "true");
  await expect(samples.nth(0)).toHaveAttribute("data-backend", "shop/checkout-v1");
  await expect(samples.nth(1)).toHaveAttribute("data-changed", "false");
  await expect(page.getByTestId("samples-changed")).toContainText("1 changed");
  await keepScreenshot(page, "simulator-samples-changed");

  // Removing a sample.
  await page.getByRole("button", { name: "Remove sample checkout" }).click();
  await expect(samples).toHaveCount(1);
});

test("the shortcut overlay lists the shortcuts; tabs switch with Alt+1/2/3", async ({ page }) => {
  await openApp(page);
  await page.locator("body").press("?");
  const help = page.getByTestId("help-overlay");
  await expect(help).toBeVisible();
  for (const k of ["Ctrl", "Enter", "Alt", "Shift"]) await expect(help).toContainText(k);
  await keepScreenshot(page, "help-overlay");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  await page.keyboard.press("Alt+3");
  await expect(page.getByTestId("panel-tab-status")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("status-table")).toBeVisible();
  await page.keyboard.press("Alt+1");
  await expect(page.getByTestId("panel-tab-inspector")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("/");
  await expect(page.getByTestId("canvas-search")).toBeFocused();
  // While typing in a field, `?` is text, not a shortcut.
  await page.keyboard.type("?");
  await expect(help).toHaveCount(0);
});
