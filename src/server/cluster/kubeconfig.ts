/**
 * Loading a kubeconfig with @kubernetes/client-node (which handles client certificates, tokens,
 * token files and exec credential plugins), and refusing configurations that name no usable cluster.
 * The library is imported on demand: it takes most of a second to load and only `serve` needs it.
 */
import { statSync } from "node:fs";
import type { RequestOptions } from "node:https";
import type { ClusterTarget } from "./target";

/** A kubeconfig that cannot be used; the message is for the operator's terminal. */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KubeconfigError";
  }
}

/** The first line of a library message: YAML errors go on to quote the file, which may hold credentials. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 200);
}

/**
 * Load `path` and select `context` (or the file's current-context). Throws KubeconfigError when the
 * file cannot be read, has no such context, or its context names no cluster with an http(s) server.
 * client-node's fallback to `http://localhost:8080` (used when nothing is configured) never applies:
 * the cluster must be one the file defines.
 */
export async function loadKubeconfig(path: string, context?: string): Promise<ClusterTarget> {
  try {
    if (!statSync(path).isFile()) throw new KubeconfigError(`kubeconfig ${path} is not a file`);
  } catch (e) {
    if (e instanceof KubeconfigError) throw e;
    const code = (e as { code?: string }).code;
    throw new KubeconfigError(`cannot read kubeconfig ${path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : firstLine(e)}`);
  }
  const { KubeConfig } = await import("@kubernetes/client-node");
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(path);
  } catch (e) {
    throw new KubeconfigError(`kubeconfig ${path} could not be loaded: ${firstLine(e)}`);
  }
  const names = (kc.getContexts() ?? []).map((c) => c.name);
  const known = names.length > 0 ? ` (contexts: ${names.join(", ")})` : " (it defines no contexts)";
  const name = context ?? kc.getCurrentContext();
  if (!name) throw new KubeconfigError(`kubeconfig ${path} sets no current-context; pass --context NAME${known}`);
  const ctx = kc.getContextObject(name);
  if (!ctx) throw new KubeconfigError(`kubeconfig ${path} has no context "${name}"${known}`);
  kc.setCurrentContext(name);
  const cluster = ctx.cluster ? kc.getCluster(ctx.cluster) : null;
  if (!cluster) throw new KubeconfigError(`context "${name}" in ${path} names cluster "${ctx.cluster ?? ""}", which the file does not define`);
  let server: URL;
  try {
    server = new URL(cluster.server);
  } catch {
    throw new KubeconfigError(`cluster "${cluster.name}" in ${path} has no valid server URL`);
  }
  if (server.protocol !== "https:" && server.protocol !== "http:") throw new KubeconfigError(`cluster "${cluster.name}" in ${path}: server must be an http(s) URL`);
  // client-node refuses plain http unless TLS verification is explicitly off; say so now, not per request.
  if (server.protocol === "http:" && !cluster.skipTLSVerify) throw new KubeconfigError(`cluster "${cluster.name}" in ${path} uses plain http://; set insecure-skip-tls-verify: true on it to allow that`);
  if (server.username || server.password) throw new KubeconfigError(`cluster "${cluster.name}" in ${path}: credentials in the server URL are not supported`);
  return {
    server,
    applyAuth: (opts: RequestOptions) => kc.applyToHTTPSOptions(opts),
    context: name,
    describe: `context "${name}", cluster ${server.origin}${server.pathname === "/" ? "" : server.pathname}`,
  };
}
