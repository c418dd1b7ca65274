/**
 * Editing a route in the Inspector: a path match (validated as typed), the method, a header match;
 * backend weights through the slider's automation test id, live shares while the slider is dragged,
 * the canary "shift traffic" steps and the edge's own weight tools — the YAML and the edge labels follow.
 */
import { test, expect, openApp, setYaml } from "./fixtures";
import { expectYaml, getYaml, inspect, lineDiff } from "./edit-helpers";
import { basicHttp } from "../web/gallery/basic-http";
import { canaryWeight } from "../web/gallery/canary-weight";
import { grpcMethods } from "../web/gallery/grpc-methods";

const V2_EDGE = "edge-HTTPRoute/shop/checkout-Service/shop/checkout-v2";
const V1_EDGE = "edge-HTTPRoute/shop/checkout-Service/shop/checkout-v1";

test("a path match: a bad value is refused as typed, a good one written; method and header matches", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-HTTPRoute-shop-shop");
  const path = page.getByTestId("match-HTTPRoute-shop-shop-0-0-path");
  await expect(path).toHaveValue("/api");
  await path.fill("api");
  await expect(page.getByTestId("match-HTTPRoute-shop-shop-0-0").getByTestId("field-issue")).toContainText("start with '/'");
  await path.blur();
  await page.waitForTimeout(300);
  expect(await getYaml(page)).toBe(basicHttp.yaml);

  await path.fill("/v2/api");
  await path.press("Enter");
  let yaml = await expectYaml(page, (y) => y.includes("value: /v2/api"), "the path is written");
  expect(lineDiff(basicHttp.yaml, yaml)).toEqual({ removed: ["            value: /api"], added: ["            value: /v2/api"] });
  await expect(page.getByTestId("node-HTTPRoute-shop-shop")).toContainText("/v2/api");

  await page.getByTestId("match-HTTPRoute-shop-shop-0-0-path-type").selectOption("Exact");
  await page.getByTestId("match-HTTPRoute-shop-shop-0-0-method").selectOption("POST");
  yaml = await expectYaml(page, (y) => y.includes("type: Exact") && y.includes("method: POST"), "type and method are written");
  await page.getByTestId("match-HTTPRoute-shop-shop-0-0-headers-add").click();
  yaml = await expectYaml(page, (y) => y.includes("name: x-header"), "a header match is added");
  const header = page.getByTestId("match-HTTPRoute-shop-shop-0-0-headers-0").getByLabel("name");
  await header.fill("bad header");
  await expect(page.getByTestId("match-HTTPRoute-shop-shop-0-0-headers-0").getByTestId("field-issue")).toBeVisible();
  await header.fill("x-version");
  await header.blur();
  yaml = await expectYaml(page, (y) => y.includes("name: x-version"), "the header name is written");
  expect(yaml).toContain('    # No matches: this rule takes every other path (PathPrefix "/").');

  // The simulator sees the new configuration: a POST to /v2/api with the header reaches api.
  const outcome = await page.evaluate(() =>
    (window as unknown as { switchyard: { simulate(r: unknown): Promise<{ backend: string | null }> } }).switchyard.simulate({
      gateway: "infra/web",
      request: { protocol: "HTTP", host: "shop.example.com", path: "/v2/api", method: "POST", headers: { "x-version": "value" } },
    }),
  );
  expect(outcome.backend).toBe("shop/api");
});

test("a weight through its test id: committed on change, the edge shares follow", async ({ page, external }) => {
  await openApp(page);
  await setYaml(page, canaryWeight.yaml);
  await expect(page.getByTestId(V2_EDGE)).toContainText("10%");
  await inspect(page, "node-HTTPRoute-shop-checkout");
  const w = page.getByTestId("weight-HTTPRoute-shop-checkout-0-1");
  await expect(w).toHaveValue("10");
  await w.fill("90");
  await w.blur();
  const yaml = await expectYaml(page, (y) => !/^ +weight: 10$/m.test(y), "the weight is written");
  expect(lineDiff(canaryWeight.yaml, yaml)).toEqual({ removed: ["          weight: 10"], added: ["          weight: 90"] });
  await expect(page.getByTestId(V2_EDGE)).toContainText("50%");
  await expect(page.getByTestId(V1_EDGE)).toContainText("50%");
  await expect(page.getByTestId("weight-pct-HTTPRoute-shop-checkout-0-0")).toHaveText("50%");
  expect(external).toEqual([]);
});

test("dragging a weight slider shows the shares live and writes once, on release", async ({ page }) => {
  await openApp(page);
  await setYaml(page, canaryWeight.yaml);
  await inspect(page, "node-HTTPRoute-shop-checkout");
  const slider = page.getByTestId("weight-HTTPRoute-shop-checkout-0-0");
  const pct = page.getByTestId("weight-pct-HTTPRoute-shop-checkout-0-0");
  await expect(pct).toHaveText("90%");
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  // The slider runs 0..200 (twice the largest weight): 90 sits at 45%.
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.45, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, y, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.05, y, { steps: 4 });
  await expect(pct).not.toHaveText("90%");
  await expect(page.getByTestId("weight-pct-HTTPRoute-shop-checkout-0-1")).not.toHaveText("10%");
  // The canvas follows the slider before anything is written: the canary edge shows the draft share.
  const livePct = (await page.getByTestId("weight-pct-HTTPRoute-shop-checkout-0-1").textContent())!;
  await expect(page.getByTestId(V2_EDGE).locator(".sy-edge-label")).toHaveAttribute("data-draft", "true");
  // (The Inspector shows one decimal, the edge two: 76.9% and 76.92%.)
  await expect(page.getByTestId(V2_EDGE).locator(".sy-edge-label")).toContainText(livePct.replace("%", ""));
  expect(await getYaml(page)).toBe(canaryWeight.yaml);
  await page.mouse.up();
  const yaml = await expectYaml(page, (y) => !/^ +weight: 90$/m.test(y), "the weight is written on release");
  const d = lineDiff(canaryWeight.yaml, yaml);
  expect(d.removed).toEqual(["          weight: 90"]);
  expect(d.added).toHaveLength(1);
  await expect(page.getByTestId(V2_EDGE)).not.toContainText("w10 · 10%");
  // Written: the label is the engine's again.
  await expect(page.getByTestId(V2_EDGE).locator(".sy-edge-label")).not.toHaveAttribute("data-draft", "true");
});

test("shift traffic: canary steps in the inspector and on the selected edge", async ({ page }) => {
  await openApp(page);
  await setYaml(page, canaryWeight.yaml);
  await inspect(page, "node-HTTPRoute-shop-checkout");
  await expect(page.getByTestId("shift-HTTPRoute-shop-checkout-0-90-10")).toHaveClass(/on/);
  await page.getByTestId("shift-HTTPRoute-shop-checkout-0-50-50").click();
  await expectYaml(page, (y) => (y.match(/weight: 50/g) ?? []).length === 2, "50/50 is written");
  await expect(page.getByTestId(V2_EDGE)).toContainText("50%");
  await page.getByTestId("shift-HTTPRoute-shop-checkout-0-0-100").click();
  await expectYaml(page, (y) => y.includes("weight: 0") && y.includes("weight: 100"), "0/100 is written");
  await expect(page.getByTestId(V2_EDGE)).toContainText("100%");

  // The edge's own tools: select the edge, move its slider.
  await page.getByTestId(V1_EDGE).locator(".sy-edge-hit").click({ force: true });
  await expect(page.getByTestId("edge-tools")).toBeVisible();
  await page.getByTestId("edge-shift-0-90-10").click();
  await expectYaml(page, (y) => y.includes("weight: 90") && y.includes("weight: 10"), "90/10 from the edge tools");
  await page.getByTestId("edge-weight-input-0-0").fill("30");
  await expectYaml(page, (y) => y.includes("weight: 30"), "the edge slider writes");
  await expect(page.getByTestId("edge-weight-pct-0-0")).toContainText("75%");
  await expect(page.getByTestId(V1_EDGE)).toContainText("75%");
});

test("gRPC: a method match's service and method; a header filter on a rule", async ({ page }) => {
  await openApp(page);
  await setYaml(page, grpcMethods.yaml);
  await inspect(page, "node-GRPCRoute-catalog-catalog");
  const method = page.getByTestId("match-GRPCRoute-catalog-catalog-1-0-method");
  await expect(method).toHaveValue("UpdateProduct");
  await method.fill("DeleteProduct");
  await method.blur();
  let yaml = await expectYaml(page, (y) => y.includes("method: DeleteProduct"), "the gRPC method is written");
  expect(lineDiff(grpcMethods.yaml, yaml)).toEqual({ removed: ["            method: UpdateProduct"], added: ["            method: DeleteProduct"] });
  const service = page.getByTestId("match-GRPCRoute-catalog-catalog-2-0-service");
  await service.fill("catalog.v2.Catalog");
  await service.press("Enter");
  yaml = await expectYaml(page, (y) => y.includes("service: catalog.v2.Catalog"), "the service is written");
  expect(yaml).toContain("    # Any other method of the service.");

  await page.getByTestId("filter-add-GRPCRoute-catalog-catalog-0").selectOption("RequestHeaderModifier");
  await expectYaml(page, (y) => y.includes("type: RequestHeaderModifier"), "the filter is added");
  await page.getByTestId("filter-GRPCRoute-catalog-catalog-0-0").getByRole("button", { name: "Add to set" }).click();
  yaml = await expectYaml(page, (y) => y.includes("name: x-header"), "a header to set");
  const value = page.getByTestId("filter-GRPCRoute-catalog-catalog-0-0").getByLabel("value");
  await value.fill("read");
  await value.blur();
  yaml = await expectYaml(page, (y) => y.includes("value: read"), "its value is written");
  expect(yaml).toMatch(/filters:\n\s+- type: RequestHeaderModifier\n\s+requestHeaderModifier:\n\s+set:\n\s+- name: x-header\n\s+value: read/);
  const outcome = await page.evaluate(() =>
    (window as unknown as { switchyard: { simulate(r: unknown): Promise<{ requestHeaders: Record<string, string> }> } }).switchyard.simulate({
      gateway: "catalog/grpc",
      request: { protocol: "GRPC", host: "grpc.example.com", grpc: { service: "catalog.v1.Catalog", method: "GetProduct" } },
    }),
  );
  expect(outcome.requestHeaders["x-header"]).toBe("read");
});
