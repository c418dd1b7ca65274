/**
 * Drawing references on the canvas: drag a route's grip onto a listener (a parentRef with
 * sectionName), a rule's grip (Inspector) onto a Service (a backendRef in that rule), a route with
 * several rules onto a Service (asks which rule); delete an edge (Delete key, or its remove button);
 * add resources from the palette. Asserted on the YAML and on the canvas.
 */
import { test, expect, openApp, setYaml } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import { expectYaml, getYaml, inspect, lineDiff } from "./edit-helpers";
import { basicHttp } from "../web/gallery/basic-http";

const YAML = `# Two listeners, one route not attached yet.
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: example.com/gateway-controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
    - name: admin
      protocol: HTTP
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: orders
  namespace: infra
spec:
  parentRefs:
    - name: edge
      sectionName: http # public
  rules:
    - backendRefs:
        - name: orders
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: orders
  namespace: infra
spec:
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: audit
  namespace: infra
spec:
  ports:
    - port: 9000
`;

/** Drag with the mouse from one element's centre to another's. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 20, a.y + a.height / 2 + 10, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await expect(page.getByTestId("connect-line")).toBeVisible();
  await page.mouse.up();
}

test("route → listener: a parentRef with sectionName; the edge is drawn", async ({ page, external }) => {
  await openApp(page);
  await setYaml(page, YAML);
  await page.getByTestId("node-HTTPRoute-infra-orders").click();
  await drag(page, page.getByTestId("connect-grip"), page.getByTestId("node-Listener-infra-edge-admin"));
  const yaml = await expectYaml(page, (y) => y.includes("sectionName: admin"), "the parentRef is written");
  expect(lineDiff(YAML, yaml)).toEqual({ removed: [], added: ["    - name: edge", "      sectionName: admin"] });
  expect(yaml).toContain("sectionName: http # public");
  await expect(page.getByTestId("edge-HTTPRoute/infra/orders-Listener/infra/edge/admin")).toHaveAttribute("data-ok", "true");
  expect(external).toEqual([]);
});

test("rule → Service: a backendRef in that rule with the Service's port", async ({ page }) => {
  await openApp(page);
  await setYaml(page, YAML);
  await inspect(page, "node-HTTPRoute-infra-orders");
  await drag(page, page.getByTestId("rule-grip-HTTPRoute-infra-orders-0"), page.getByTestId("node-Service-infra-audit"));
  const yaml = await expectYaml(page, (y) => y.includes("- name: audit"), "the backendRef is written");
  expect(lineDiff(YAML, yaml)).toEqual({ removed: [], added: ["        - name: audit", "          port: 9000"] });
  await expect(page.getByTestId("edge-HTTPRoute/infra/orders-Service/infra/audit")).toBeVisible();
  await expect(page.getByTestId("weight-HTTPRoute-infra-orders-0-1")).toBeVisible();
});

test("a route with several rules asks which rule takes the backendRef", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: search\n  namespace: shop\nspec:\n  ports:\n    - port: 7000\n");
  await page.getByTestId("node-HTTPRoute-shop-shop").click();
  await drag(page, page.getByTestId("connect-grip"), page.getByTestId("node-Service-shop-search"));
  await expect(page.getByTestId("rule-chooser")).toBeVisible();
  await page.getByTestId("rule-choice-1").click();
  const yaml = await expectYaml(page, (y) => y.includes("- name: search\n          port: 7000"), "the backendRef is written in rule 1");
  expect(yaml).toMatch(/- name: storefront\n\s+port: 80\n\s+- name: search\n\s+port: 7000/);
});

test("deleting an edge removes the reference: the Delete key, and the edge's remove button", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  const edge = page.getByTestId("edge-HTTPRoute/shop/shop-Service/shop/api");
  await edge.locator(".sy-edge-hit").click({ force: true });
  await expect(edge).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Delete");
  let yaml = await expectYaml(page, (y) => !y.includes("- name: api\n"), "the backendRef to api is gone");
  // The rule keeps an empty list (it now answers 500, as the status shows).
  expect(lineDiff(basicHttp.yaml, yaml)).toEqual({ removed: ["      backendRefs:", "        - name: api", "          port: 8080"], added: ["      backendRefs: []"] });
  await expect(edge).toHaveCount(0);

  const parent = page.getByTestId("edge-HTTPRoute/shop/shop-Listener/infra/web/http");
  await parent.locator(".sy-edge-hit").click({ force: true });
  await page.getByTestId("edge-remove").click();
  yaml = await expectYaml(page, (y) => !y.includes("namespace: infra\n  hostnames"), "the parentRef is gone");
  await expect(parent).toHaveCount(0);
  expect(yaml).toContain("# No matches");
});

test("the palette adds a resource with defaults, selects it and opens its form", async ({ page }) => {
  await openApp(page);
  await setYaml(page, YAML);
  await page.getByTestId("node-Service-infra-audit").click();
  await page.getByTestId("palette-button").click();
  await page.getByTestId("palette-HTTPRoute").click();
  const yaml = await expectYaml(page, (y) => y.includes("name: http-route"), "the route is appended");
  expect(yaml.startsWith(YAML)).toBe(true);
  // Appended in the file's own style (4-space indented lists), attached to the Gateway, sending to the selected Service on its port.
  expect(yaml.slice(YAML.length)).toContain("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: http-route\n  namespace: infra\nspec:\n  parentRefs:\n    - name: edge\n");
  expect(yaml.slice(YAML.length)).toContain("      backendRefs:\n        - name: audit\n          port: 9000\n");
  const node = page.getByTestId("node-HTTPRoute-infra-http-route");
  await expect(node).toHaveAttribute("data-selected", "true");
  await expect(page.getByTestId("edit-form")).toHaveAttribute("data-node", "HTTPRoute/infra/http-route");
  await expect(page.getByTestId("edge-HTTPRoute/infra/http-route-Service/infra/audit")).toBeVisible();

  await page.getByTestId("palette-button").click();
  await page.getByTestId("palette-Gateway").click();
  await expectYaml(page, (y) => y.includes("kind: Gateway\nmetadata:\n  name: gateway"), "a Gateway is appended");
  await expect(page.getByTestId("node-Gateway-infra-gateway")).toBeVisible();
  expect((await getYaml(page)).startsWith(YAML)).toBe(true);
});
