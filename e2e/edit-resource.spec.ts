/**
 * Whole resources from the Inspector: rename (references follow), delete, create an object that is
 * only referenced; a Service's port; a listener added. Undo takes each back.
 */
import { test, expect, openApp, setYaml } from "./fixtures";
import { apiUndo, expectYaml, getYaml, inspect } from "./edit-helpers";
import { basicHttp } from "../web/gallery/basic-http";

test("rename a Service: the route's backendRef follows; undo restores both", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Service-shop-api");
  const name = page.getByTestId("edit-name-Service-shop-api");
  await name.fill("Bad_Name");
  await expect(page.getByTestId("edit-form").getByTestId("field-issue").first()).toContainText("lower-case");
  await name.fill("api-v2");
  await name.press("Enter");
  const yaml = await expectYaml(page, (y) => y.includes("name: api-v2\n  namespace: shop"), "the Service is renamed");
  expect(yaml).toContain("        - name: api-v2\n          port: 8080");
  expect(yaml).not.toMatch(/name: api\n/);
  await expect(page.getByTestId("edge-HTTPRoute/shop/shop-Service/shop/api-v2")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("node-Service-shop-api-v2")).toHaveAttribute("data-selected", "true");
  await apiUndo(page);
  expect(await getYaml(page)).toBe(basicHttp.yaml);
});

test("delete a Service: the route's reference is drawn broken; create it back from the placeholder", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Service-shop-storefront");
  await page.getByTestId("edit-delete-Service-shop-storefront").click();
  await expectYaml(page, (y) => !y.includes("name: storefront\n  namespace: shop"), "the Service is deleted");
  const edge = page.getByTestId("edge-HTTPRoute/shop/shop-Service/shop/storefront");
  await expect(edge).toHaveAttribute("data-ok", "false");
  await inspect(page, "node-Service-shop-storefront");
  await page.getByTestId("edit-create-Service-shop-storefront").click();
  await expectYaml(page, (y) => y.includes("kind: Service\nmetadata:\n  name: storefront\n  namespace: shop"), "the Service is created");
  await expect(edge).toHaveAttribute("data-ok", "true");
});

test("a Service port and a new listener", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Service-shop-api");
  const port = page.getByTestId("service-ports-shop-api-0").getByLabel("port", { exact: true });
  await port.fill("8081");
  await port.blur();
  await expectYaml(page, (y) => y.includes("    - port: 8081"), "the Service port is written");
  await inspect(page, "node-Gateway-infra-web");
  await page.getByTestId("listener-add-infra-web").selectOption("HTTPS");
  const yaml = await expectYaml(page, (y) => y.includes("name: https"), "an HTTPS listener is added");
  expect(yaml).toMatch(/- name: https\n\s+port: 443\n\s+protocol: HTTPS\n\s+tls:\n\s+mode: Terminate/);
  await expect(page.getByTestId("node-Listener-infra-web-https")).toBeVisible();
  await expect(page.getByTestId("listener-port-infra-web-https")).toHaveValue("443");
});
