/** Shared pieces of the cluster proxy's tests: fast limits, sample objects, kubeconfigs, waiting. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RequestOptions } from "node:https";
import { DEFAULT_LIMITS, type ClusterLimits } from "../cluster/limits";
import type { ClusterTarget } from "../cluster/target";

/** Backoff and refresh timings small enough for tests (no test waits more than a few hundred ms). */
export const FAST_LIMITS: ClusterLimits = {
  ...DEFAULT_LIMITS,
  pageSize: 2,
  backoffInitialMs: 5,
  backoffMaxMs: 40,
  rediscoverMs: 60_000,
  secretRefreshMs: 60_000,
  requestTimeoutMs: 2000,
  watchIdleMs: 5000,
};

export const TEST_CERT = readFileSync(join(import.meta.dirname, "test-cert.pem"), "utf8");
export const TEST_KEY = readFileSync(join(import.meta.dirname, "test-key.pem"), "utf8");

/** A target without a kubeconfig: plain HTTP, optional bearer token and CA. */
export function directTarget(server: string, auth: { token?: string; ca?: string } = {}): ClusterTarget {
  return {
    server: new URL(server),
    describe: server,
    applyAuth: async (opts: RequestOptions) => {
      if (auth.ca) opts.ca = auth.ca;
      if (auth.token) opts.headers = { ...opts.headers, Authorization: `Bearer ${auth.token}` };
    },
  };
}

/** A temporary directory, removed by the returned function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-cluster-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface KubeconfigSpec {
  server: string;
  token?: string;
  /** PEM of the CA, written inline as certificate-authority-data. */
  ca?: string;
  /** An exec credential plugin: command and arguments. */
  exec?: { command: string; args: string[] };
  context?: string;
}

/** Write a kubeconfig with one cluster, user and context. */
export function writeKubeconfig(path: string, k: KubeconfigSpec): string {
  const ctx = k.context ?? "test";
  const user: Record<string, unknown> = {};
  if (k.token) user.token = k.token;
  if (k.exec) user.exec = { apiVersion: "client.authentication.k8s.io/v1", command: k.exec.command, args: k.exec.args, interactiveMode: "Never" };
  const cluster: Record<string, unknown> = { server: k.server };
  // client-node (like a careful operator) only talks plain http with TLS verification explicitly off.
  if (k.server.startsWith("http:")) cluster["insecure-skip-tls-verify"] = true;
  if (k.ca) cluster["certificate-authority-data"] = Buffer.from(k.ca).toString("base64");
  const doc = {
    apiVersion: "v1",
    kind: "Config",
    "current-context": ctx,
    clusters: [{ name: "fake", cluster }],
    users: [{ name: "fake-user", user }],
    contexts: [{ name: ctx, context: { cluster: "fake", user: "fake-user" } }],
  };
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

/** Poll until `check` returns a truthy value (or throw after `ms`). */
export async function waitFor<T>(check: () => T | undefined | null | false, ms = 3000, what = "condition"): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const G = "gateway.networking.k8s.io/v1";

/** The value of the sample Secret's data: it must never appear in anything the proxy sends. */
export const SECRET_MARKER = "c2VjcmV0LWtleS1tYXRlcmlhbA==";

export const sample = {
  gatewayClass: (name = "gc") => ({ apiVersion: G, kind: "GatewayClass", metadata: { name }, spec: { controllerName: "example.com/gw" } }),
  gateway: (name = "gw", ns = "infra", secret = "tls-cert") => ({
    apiVersion: G,
    kind: "Gateway",
    metadata: { name, namespace: ns },
    spec: {
      gatewayClassName: "gc",
      listeners: [
        { name: "http", port: 80, protocol: "HTTP" },
        { name: "https", port: 443, protocol: "HTTPS", tls: { certificateRefs: [{ name: secret }] } },
      ],
    },
  }),
  route: (name: string, ns = "apps", extra: Record<string, unknown> = {}) => ({
    apiVersion: G,
    kind: "HTTPRoute",
    metadata: {
      name,
      namespace: ns,
      managedFields: [{ manager: "kubectl", operation: "Apply" }],
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"secret":"leak"}', keep: "yes" },
    },
    spec: { parentRefs: [{ name: "gw", namespace: "infra" }], rules: [{ backendRefs: [{ name: "web", port: 80 }] }], ...extra },
  }),
  secret: (name = "tls-cert", ns = "infra") => ({
    apiVersion: "v1",
    kind: "Secret",
    type: "kubernetes.io/tls",
    metadata: { name, namespace: ns, annotations: { "kubectl.kubernetes.io/last-applied-configuration": `{"data":{"tls.key":"${SECRET_MARKER}"}}`, other: SECRET_MARKER } },
    data: { "tls.crt": SECRET_MARKER, "tls.key": SECRET_MARKER },
    stringData: { extra: SECRET_MARKER },
  }),
  service: (name = "web", ns = "apps") => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec: { ports: [{ port: 80 }] } }),
  namespace: (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } }),
};
