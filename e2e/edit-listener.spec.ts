/**
 * Editing a Gateway's listener in the Inspector: the port through its automation test id, the
 * hostname with live validation, TLS mode and certificateRefs. The YAML changes only on the edited
 * lines (comments elsewhere intact) and the canvas follows.
 */
import { test, expect, openApp, setYaml } from "./fixtures";
import { expectYaml, getYaml, inspect, lineDiff } from "./edit-helpers";
import { basicHttp } from "../web/gallery/basic-http";

test("the listener port: set through its test id, committed on blur, one line changes", async ({ page, external }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Listener-infra-web-http");
  const port = page.getByTestId("listener-port-infra-web-http");
  await expect(port).toHaveValue("80");
  await port.fill("8080");
  // Nothing is written while typing.
  expect(await getYaml(page)).toBe(basicHttp.yaml);
  await port.blur();
  const yaml = await expectYaml(page, (y) => y.includes("port: 8080"), "the new port is written");
  expect(lineDiff(basicHttp.yaml, yaml)).toEqual({ removed: ["      port: 80"], added: ["      port: 8080"] });
  expect(yaml).toContain("# Basic HTTP routing: a Gateway owned by the platform team, a route owned by an app team.");
  expect(yaml).toContain('    # No matches: this rule takes every other path (PathPrefix "/").');
  await expect(page.getByTestId("node-Listener-infra-web-http")).toContainText(":8080");
  expect(external).toEqual([]);
});

test("an out-of-range port is refused as typed, and nothing is written", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Gateway-infra-web");
  const port = page.getByTestId("listener-port-infra-web-http");
  await port.fill("70000");
  await expect(page.getByTestId("edit-form").getByTestId("field-issue").first()).toContainText("between 1 and 65535");
  await port.blur();
  await page.waitForTimeout(300);
  expect(await getYaml(page)).toBe(basicHttp.yaml);
});

test("hostname validated as typed; a valid one is written after the name", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Listener-infra-web-http");
  const host = page.getByTestId("listener-hostname-infra-web-http");
  await host.fill("Shop.Example.com");
  await expect(page.getByTestId("field-issue").first()).toContainText("lower case");
  await host.fill("*.example.com");
  await host.press("Enter");
  const yaml = await expectYaml(page, (y) => y.includes("hostname: \"*.example.com\"") || y.includes("hostname: '*.example.com'"), "the hostname is written");
  expect(lineDiff(basicHttp.yaml, yaml).removed).toEqual([]);
  await expect(page.getByTestId("node-Listener-infra-web-http")).toContainText("*.example.com");
});

test("TLS: HTTP → HTTPS adds Terminate and a certificateRef; the Secret is renamed; Passthrough drops the certificates", async ({ page }) => {
  await openApp(page);
  await setYaml(page, basicHttp.yaml);
  await inspect(page, "node-Listener-infra-web-http");
  await page.getByTestId("listener-protocol-infra-web-http").selectOption("HTTPS");
  let yaml = await expectYaml(page, (y) => y.includes("protocol: HTTPS"), "HTTPS is written");
  expect(yaml).toMatch(/tls:\n\s+mode: Terminate\n\s+certificateRefs:\n\s+- kind: Secret\n\s+name: http-tls/);
  await expect(page.getByTestId("listener-tls-mode-infra-web-http")).toHaveValue("Terminate");
  const cert = page.getByTestId("listener-certs-infra-web-http-0").getByLabel("Secret");
  await cert.fill("shop-cert");
  await cert.blur();
  yaml = await expectYaml(page, (y) => y.includes("name: shop-cert"), "the certificate is renamed");
  expect(yaml).not.toContain("http-tls");
  await page.getByTestId("listener-certs-infra-web-http-add").click();
  yaml = await expectYaml(page, (y) => (y.match(/kind: Secret/g) ?? []).length === 2, "a second certificate is added");
  await page.getByTestId("listener-protocol-infra-web-http").selectOption("TLS");
  await page.getByTestId("listener-tls-mode-infra-web-http").selectOption("Passthrough");
  yaml = await expectYaml(page, (y) => y.includes("mode: Passthrough"), "Passthrough is written");
  await page.getByTestId("node-Listener-infra-web-http").click();
  await expect(page.getByTestId("node-Listener-infra-web-http")).toContainText("TLS");
  expect(yaml).toContain("# Basic HTTP routing");
});
