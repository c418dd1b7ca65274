/**
 * The simulator's traffic modes through the form (gRPC, TLS, TCP, UDP, mesh): pick the mode, fill
 * its fields, run, and read `sim-result` (data-status, data-backend, data-grpc-status,
 * data-connection-error); samples of any mode follow edits; the Inspector shows each kind's view.
 */
import { test, expect, openApp, setYaml, keepScreenshot } from "./fixtures";
import type { Page } from "@playwright/test";
import { GALLERY } from "../web/gallery";

const example = (id: string) => GALLERY.find((e) => e.id === id)!;

async function mode(page: Page, m: string, gateway?: string): Promise<void> {
  await page.getByTestId("panel-tab-simulator").click();
  await page.getByTestId("sim-mode").selectOption(m);
  if (gateway) await page.getByTestId("sim-gateway").selectOption(gateway);
}

async function run(page: Page): Promise<void> {
  await page.getByTestId("sim-run").click();
}

const UDP_YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: example}
spec: {controllerName: example.com/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: dns, namespace: infra}
spec:
  gatewayClassName: example
  listeners:
    - {name: dns, protocol: UDP, port: 53, allowedRoutes: {kinds: [{kind: UDPRoute}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata: {name: dns, namespace: infra}
spec:
  parentRefs: [{name: dns}]
  rules:
    - backendRefs: [{name: coredns, port: 53}]
---
apiVersion: v1
kind: Service
metadata: {name: coredns, namespace: infra}
spec:
  selector: {app: coredns}
  ports: [{port: 53, protocol: UDP}]
`;

test("gRPC: service and method pickers from the GRPCRoutes, gRPC status on the result", async ({ page, external }) => {
  await openApp(page);
  await setYaml(page, example("grpc-methods").yaml);
  await mode(page, "GRPC", "catalog/grpc");
  // The pickers offer what the routes match on.
  await expect(page.locator("#sim-grpc-services option[value='catalog.v1.Catalog']")).toHaveCount(1);
  await page.getByTestId("sim-grpc-service").fill("catalog.v1.Catalog");
  await expect(page.locator("#sim-grpc-methods option[value='UpdateProduct']")).toHaveCount(1);
  await page.getByTestId("sim-grpc-method").fill("UpdateProduct");
  await run(page);
  const result = page.getByTestId("sim-result");
  await expect(result).toHaveAttribute("data-backend", "catalog/catalog-write");
  await expect(result).toHaveAttribute("data-grpc-status", "OK");
  await expect(page.getByTestId("sim-verdict")).toHaveText("gRPC OK");
  // The target field follows the pickers.
  await expect(page.getByTestId("sim-url")).toHaveValue(/\/catalog\.v1\.Catalog\/UpdateProduct$/);

  // Free text: a service no route names.
  await page.getByTestId("sim-grpc-service").fill("cart.v1.Cart");
  await page.getByTestId("sim-grpc-method").fill("AddItem");
  await run(page);
  await expect(result).toHaveAttribute("data-grpc-status", "Unimplemented");
  await expect(result).toHaveAttribute("data-backend", "");
  await keepScreenshot(page, "simulator-grpc");
  expect(external).toEqual([]);
});

test("TLS: the SNI picks the route; an unknown name is refused", async ({ page }) => {
  await openApp(page);
  await setYaml(page, example("tls-passthrough").yaml);
  await mode(page, "TLS", "secure/passthrough");
  await page.getByTestId("sim-sni").fill("vault.example.com");
  await page.getByTestId("sim-port").fill("443");
  await run(page);
  const result = page.getByTestId("sim-result");
  await expect(result).toHaveAttribute("data-backend", "secure/vault");
  await expect(result).toHaveAttribute("data-connection-error", "false");
  await expect(page.getByTestId("sim-verdict")).toHaveText("connected");
  await expect(page.getByTestId("sim-meaning")).toContainText("passthrough");

  await page.getByTestId("sim-sni").fill("shop.example.com");
  await run(page);
  await expect(result).toHaveAttribute("data-connection-error", "true");
  await expect(result).toHaveAttribute("data-backend", "");
  await expect(page.getByTestId("sim-verdict")).toHaveText("no connection");
  await keepScreenshot(page, "simulator-tls-refused");
});

test("TCP: the port decides; a split shows both backends; a closed port refuses", async ({ page }) => {
  await openApp(page);
  await setYaml(page, example("tcp-database").yaml);
  await mode(page, "TCP", "data/db-edge");
  const result = page.getByTestId("sim-result");
  await page.getByTestId("sim-port").fill("5432");
  await run(page);
  await expect(result).toHaveAttribute("data-backend", "data/orders-primary");

  await page.getByTestId("sim-port").fill("5433");
  await run(page);
  await expect(result).toHaveAttribute("data-backend", "");
  await expect(result).toHaveAttribute("data-status", "200");
  await expect(result).toContainText("data/orders-replica-a:5432");
  await expect(result).toContainText("data/orders-replica-b:5432");
  await expect(result).toContainText("50%");
  await keepScreenshot(page, "simulator-tcp-split");

  await page.getByTestId("sim-port").fill("3306");
  await run(page);
  await expect(result).toHaveAttribute("data-connection-error", "true");
});

test("UDP: datagrams to a listener port reach the route's backend", async ({ page }) => {
  await openApp(page);
  await setYaml(page, UDP_YAML);
  await mode(page, "UDP", "infra/dns");
  await page.getByTestId("sim-port").fill("53");
  await run(page);
  const result = page.getByTestId("sim-result");
  await expect(result).toHaveAttribute("data-backend", "infra/coredns");
  await expect(page.getByTestId("sim-verdict")).toHaveText("forwarded");
  await page.getByTestId("sim-port").fill("54");
  await run(page);
  await expect(result).toHaveAttribute("data-connection-error", "true");
});

test("mesh: producer and consumer routes by the client's namespace", async ({ page }) => {
  await openApp(page);
  await setYaml(page, example("gamma-canary").yaml);
  await mode(page, "MESH");
  await expect(page.getByTestId("sim-gateway")).toHaveCount(0);
  await page.getByTestId("sim-mesh-service").fill("ratings/ratings");
  await page.getByTestId("sim-port").fill("8080");
  await page.getByTestId("sim-mesh-namespace").fill("qa");
  await run(page);
  const result = page.getByTestId("sim-result");
  await expect(result).toHaveAttribute("data-backend", "ratings/ratings-v2");
  await expect(page.getByTestId("sim-mesh-route")).toContainText("consumer route");

  await page.getByTestId("sim-mesh-namespace").fill("reviews");
  await run(page);
  await expect(result).toHaveAttribute("data-backend", "");
  await expect(result).toHaveAttribute("data-status", "200");
  await expect(result).toContainText("90%");
  await expect(result).toContainText("10%");
  await expect(page.getByTestId("sim-mesh-route")).toContainText("producer route");
  // The canvas lights the call's path from the Service it is sent to.
  await expect(page.getByTestId("node-Service-ratings-ratings")).toBeVisible();
  await keepScreenshot(page, "simulator-mesh");
});

test("samples of any mode are kept and follow edits", async ({ page }) => {
  const ex = example("tcp-database");
  await openApp(page);
  await setYaml(page, ex.yaml);
  await mode(page, "TCP", "data/db-edge");
  const removeButtons = page.getByRole("button", { name: /^Remove sample/ });
  while ((await removeButtons.count()) > 0) await removeButtons.first().click();
  await page.getByTestId("sim-port").fill("5432");
  await page.getByTestId("sample-label").fill("primary");
  await page.getByTestId("sample-add").click();
  const samples = page.getByTestId("sample");
  await expect(samples).toHaveCount(1);
  await expect(samples.nth(0)).toHaveAttribute("data-mode", "TCP");
  await expect(samples.nth(0)).toHaveAttribute("data-backend", "data/orders-primary");
  await expect(samples.nth(0)).toContainText("TCP :5432");
  await setYaml(page, ex.yaml.replace("        - name: orders-primary\n", "        - name: orders-replica-a\n"));
  await expect(samples.nth(0)).toHaveAttribute("data-changed", "true");
  await expect(samples.nth(0)).toHaveAttribute("data-backend", "data/orders-replica-a");
  // Opening a sample brings its mode back into the form.
  await page.getByTestId("sim-mode").selectOption("HTTP");
  await samples.nth(0).getByTitle("Open in the form").click();
  await expect(page.getByTestId("sim-mode")).toHaveValue("TCP");
  await expect(page.getByTestId("sim-port")).toHaveValue("5432");
});

test("the Inspector shows each kind's view", async ({ page }) => {
  await openApp(page);
  const inspect = async (id: string) => {
    await page.getByTestId(id).click();
    await page.getByTestId("panel-tab-inspector").click();
  };
  const inspector = page.getByTestId("inspector");

  await setYaml(page, example("grpc-methods").yaml);
  await inspect("node-GRPCRoute-catalog-catalog");
  await expect(page.getByTestId("insp-rules")).toContainText("catalog.v1.Catalog/GetProduct");
  await expect(page.getByTestId("insp-rule")).toHaveCount(3);

  await setYaml(page, example("tls-passthrough").yaml);
  await inspect("node-TLSRoute-secure-payments");
  await expect(page.getByTestId("insp-hostnames")).toContainText("payments.example.com");

  await setYaml(page, example("gamma-canary").yaml);
  await inspect("node-Service-ratings-ratings");
  await expect(page.getByTestId("insp-mesh-routes")).toContainText("HTTPRoute/qa/ratings-qa");
  await expect(page.getByTestId("insp-mesh-routes")).toContainText("consumer");

  await setYaml(page, example("listenerset-teams").yaml);
  await inspect("node-ListenerSet-blog-blog-listeners");
  await expect(page.getByTestId("insp-listener")).toHaveAttribute("data-status", "ok");
  await expect(page.getByTestId("insp-listeners")).toContainText("blog.example.com");
  await keepScreenshot(page, "inspector-listenerset");

  await setYaml(page, example("backend-tls").yaml);
  await inspect("node-BackendTLSPolicy-finance-billing-tls");
  await expect(page.getByTestId("insp-targets")).toContainText("in force");
  await expect(page.getByTestId("insp-settings")).toContainText("billing.finance.internal");
  await expect(inspector).toContainText("Per ancestor");
  await keepScreenshot(page, "inspector-backendtlspolicy");
});
