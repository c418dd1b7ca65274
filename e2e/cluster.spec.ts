/**
 * Cluster mode end to end: the fake Kubernetes API server (src/server/testing/fake-apiserver-cli.ts)
 * loaded with a small topology, `switchyard serve --kubeconfig` (the built CLI and the built app in
 * dist/app) in front of it, and the app in Chromium opened on the URL serve prints. A change made in
 * the cluster through the fake's control endpoint must appear on the canvas without a reload.
 * Both processes are started and stopped here (not by playwright.config.ts's webServer, which
 * serves `vite preview` for the other specs).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { test, expect, keepScreenshot } from "./fixtures";
import type { Page } from "@playwright/test";

const ROOT = join(import.meta.dirname, "..");
const TOPOLOGY = join(ROOT, "e2e", "cluster", "topology.yaml");

let dir = "";
let fake: ChildProcess | null = null;
let serve: ChildProcess | null = null;
let control = "";
let url = "";

/** Start a process and resolve with its first line of standard output. */
function firstLine(child: ChildProcess, what: string, timeoutMs = 30_000): Promise<string> {
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no output within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(t);
      resolve(line);
    });
    child.once("exit", (code) => {
      clearTimeout(t);
      reject(new Error(`${what} exited with ${code}\n${stderr}`));
    });
  });
}

function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function post(route: string, body: string): Promise<unknown> {
  const res = await fetch(control + route, { method: "POST", body });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

const node = (page: Page, id: string) => page.getByTestId(id);

test.beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist", "cli", "switchyard.js"))) throw new Error("the CLI is not built: run `npm run build` (or `npm run build:cli`) first");
  if (!existsSync(join(ROOT, "dist", "app", "index.html"))) throw new Error("the app is not built: run `npx vite build` first");
  dir = mkdtempSync(join(tmpdir(), "switchyard-e2e-cluster-"));
  const kubeconfig = join(dir, "kubeconfig.yaml");
  // One node process each (no npx/sh wrapper), so stopping it stops the server.
  fake = spawn(process.execPath, ["--import", "tsx", "src/server/testing/fake-apiserver-cli.ts", "--kubeconfig-out", kubeconfig, "--load", TOPOLOGY], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const ready = JSON.parse(await firstLine(fake, "fake API server")) as { control: string; kubeconfig: string };
  control = ready.control;
  serve = spawn(process.execPath, ["bin/switchyard.js", "serve", "--kubeconfig", ready.kubeconfig, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  url = await firstLine(serve, "switchyard serve");
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
});

test.afterAll(async () => {
  await stop(serve);
  await stop(fake);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the app mirrors the cluster live, read-only, and a change appears without a reload", async ({ page, external }) => {
  await page.goto(url);
  // The token is taken out of the address bar at once.
  await expect.poll(() => page.url()).not.toContain("token");
  expect(page.url()).not.toContain(url.split("#token=")[1]);

  // The canvas draws the cluster's objects.
  for (const id of ["node-GatewayClass--eg", "node-Gateway-infra-edge", "node-Listener-infra-edge-http", "node-HTTPRoute-apps-web", "node-Service-apps-web"]) await expect(node(page, id)).toBeVisible();
  await expect(page.getByTestId("cluster-readonly")).toContainText("read-only");
  await expect(page.getByTestId("cluster-context")).toHaveText("fake");
  await expect(page.getByTestId("cluster-connection")).toHaveAttribute("data-state", "synced");
  // The fake serves the standard channel only: TCPRoute and friends are "not installed".
  await expect(page.getByTestId("cluster-not-installed")).toBeVisible();

  // The Secret arrives as metadata only and is assumed to hold a certificate: no error for it.
  await expect(node(page, "node-Listener-infra-edge-https")).toHaveAttribute("data-status", "ok");

  // The controller reports attachedRoutes 2 on listener http, where one route attaches: flagged.
  await expect(node(page, "node-Listener-infra-edge-http").getByTestId("drift-badge")).toBeVisible();
  await node(page, "node-Gateway-infra-edge").click({ position: { x: 12, y: 6 } }); // its header (the ports cover the rest)
  // Editing affordances are hidden: the Inspector has no edit forms, the canvas no palette.
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-node", "Gateway/infra/edge");
  await expect(page.getByTestId("edit-form")).toBeHidden();
  await expect(page.getByTestId("palette-button")).toBeHidden();
  const reported = page.getByTestId("reported-status");
  await expect(reported).toBeVisible();
  await expect(reported.locator('[data-testid="drift-row"][data-differs="true"]', { hasText: "attachedRoutes" })).toHaveCount(1);

  // The editor shows the cluster's objects, read-only: neither typing nor the automation API changes them.
  const getYaml = () => page.evaluate(() => (window as unknown as { switchyard: { getYaml(): string } }).switchyard.getYaml());
  const before = await getYaml();
  expect(before).toContain("kind: HTTPRoute");
  expect(before).not.toContain("VEhJUy1JUy1TRUNSRVQtREFUQQ"); // the Secret's data never reaches the browser
  await page.getByTestId("yaml-editor").locator(".view-lines").click();
  await page.keyboard.type("zzz");
  await page.evaluate(() => (window as unknown as { switchyard: { setYaml(t: string): Promise<void> } }).switchyard.setYaml("kind: Nothing"));
  expect(await getYaml()).toBe(before);

  // A change in the cluster: a second route on listener http. It appears without a reload.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await post(
    "/apply",
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: api
  namespace: apps
spec:
  parentRefs:
    - name: edge
      namespace: infra
      sectionName: http
  hostnames: ["api.example.com"]
  rules:
    - backendRefs:
        - name: api
          port: 8080
`,
  );
  await expect(node(page, "node-HTTPRoute-apps-api")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  // Two routes attach now, as the controller claimed: that disagreement is gone.
  await expect(node(page, "node-Listener-infra-edge-http").getByTestId("drift-badge")).toHaveCount(0);
  // The new route has no reported status yet (no controller here): flagged on its node.
  await expect(node(page, "node-HTTPRoute-apps-api").getByTestId("drift-badge")).toBeVisible();

  // The simulator runs on the live configuration.
  const outcome = await page.evaluate(() =>
    (window as unknown as { switchyard: { simulate(r: unknown): Promise<{ statusCode: number; backend: string | null }> } }).switchyard.simulate({
      gateway: "infra/edge",
      request: { protocol: "HTTP", host: "api.example.com", path: "/", port: 80 },
    }),
  );
  expect(outcome).toMatchObject({ statusCode: 200, backend: "apps/api" });

  // The Cluster tab: per-kind availability, and "copy as YAML" of the selection and of the view.
  await keepScreenshot(page, "cluster-mode");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("panel-tab-cluster").click();
  await expect(page.getByTestId("cluster-kind-HTTPRoute")).toHaveAttribute("data-state", "synced");
  await expect(page.getByTestId("cluster-kind-TCPRoute")).toHaveAttribute("data-state", "not-installed");
  await node(page, "node-HTTPRoute-apps-api").click();
  await page.getByTestId("copy-selected-yaml").click();
  await expect(page.getByTestId("notice")).toContainText("Copied the selected object");
  const selectedYaml = await page.evaluate(() => navigator.clipboard.readText());
  expect(selectedYaml).toMatch(/^---\napiVersion: gateway.networking.k8s.io\/v1\nkind: HTTPRoute\nmetadata:\n {2}name: api\n/);
  expect(selectedYaml).not.toContain("status:");
  // The view with namespace apps hidden: the Gateway, not the routes.
  await page.getByTestId("canvas-filter-namespaces").click();
  await page.getByTestId("filter-ns-apps").click();
  await page.keyboard.press("Escape");
  await page.getByTestId("copy-view-yaml").click();
  // The copy is asynchronous (the clipboard's promise): read once it says it is done.
  await expect(page.getByTestId("notice")).toContainText("Copied the view");
  const viewYaml = await page.evaluate(() => navigator.clipboard.readText());
  expect(viewYaml).toContain("name: edge");
  expect(viewYaml).not.toContain("kind: HTTPRoute");
  await page.getByTestId("canvas-filter-namespaces").click();
  await page.getByTestId("filter-ns-apps").click();
  await page.keyboard.press("Escape");

  // A deletion too.
  await post("/delete", JSON.stringify({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", namespace: "apps", name: "api" }));
  await expect(node(page, "node-HTTPRoute-apps-api")).toHaveCount(0);

  // The user's own saved workspace is never overwritten by the cluster's objects.
  expect(await page.evaluate(() => localStorage.getItem("switchyard.workspace.v1"))).toBeNull();
  // A reload stays in cluster mode (the tab kept the token, not the address bar).
  await page.reload();
  await expect(node(page, "node-HTTPRoute-apps-web")).toBeVisible();
  await expect(page.getByTestId("cluster-connection")).toHaveAttribute("data-state", "synced");
  expect(page.url()).not.toContain("token");

  expect(external).toEqual([]);
});
