/**
 * `switchyard serve`: parse the options, load the kubeconfig (failing clearly when it names no
 * usable cluster), start the server, print the URL to open as the first line of standard output,
 * and run until SIGINT/SIGTERM.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError, one, type ArgSpec, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { KubeconfigError, loadKubeconfig } from "../cluster/kubeconfig";
import { DEFAULT_LIMITS } from "../cluster/limits";
import { ClusterSession } from "../cluster/session";
import { createReadOnlyClient } from "../cluster/transport";
import { startServe, type ServeHandle } from "./server";
import { findAppDir } from "./static";

export const DEFAULT_PORT = 7447;

/** A reason the server cannot start (other than the kubeconfig), for the terminal. */
class StartError extends Error {}

export const SERVE_HELP = `Usage: switchyard serve [--port N] [--host 127.0.0.1] [--kubeconfig PATH] [--context NAME]

Serve the built app (dist/app) and, with --kubeconfig, a read-only proxy to that cluster: the app
can then show the cluster's Gateway API objects live. The proxy only ever sends GET requests.

Options:
  --port N           port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1; anything else exposes the proxy)
  --kubeconfig PATH  kubeconfig to read the cluster with (exec credential plugins work)
  --context NAME     context of the kubeconfig (default: its current-context)
  --app-dir DIR      the built app (default: dist/app next to the CLI)

The first line printed is the URL to open. With a cluster it carries a token for this launch in
its fragment (#token=…), which browsers never send in requests or Referer headers; keep it private.
The cluster's RBAC needs get/list/watch on the kinds read: see docs/cluster-rbac.md.`;

export const SERVE_SPEC: ArgSpec = {
  values: { "--port": "port", "--host": "host", "--kubeconfig": "kubeconfig", "--context": "context", "--app-dir": "app-dir" },
  flags: {},
};

export interface ServeConfig {
  port: number;
  host: string;
  kubeconfig?: string;
  context?: string;
  appDir?: string;
}

/** Validate the options (throws UsageError). */
export function serveConfig(args: ParsedArgs): ServeConfig {
  const portText = one(args, "port");
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^\d+$/.test(portText ?? "0")) throw new UsageError(`--port must be a number from 0 to 65535`);
  const host = one(args, "host") ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new UsageError(`--host must be an address or a host name`);
  const kubeconfig = one(args, "kubeconfig");
  const context = one(args, "context");
  if (context !== undefined && kubeconfig === undefined) throw new UsageError(`--context needs --kubeconfig`);
  return { port, host, kubeconfig, context, appDir: one(args, "app-dir") };
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Start everything; resolves with the handle once listening. Throws KubeconfigError or listen errors. */
export async function startFromConfig(cfg: ServeConfig, io: Io): Promise<{ handle: ServeHandle; session?: ClusterSession }> {
  const appDir = cfg.appDir ?? findAppDir();
  if (!appDir) throw new StartError("the app is not built (no dist/app/index.html); run `npm run build` first");
  if (!existsSync(join(appDir, "index.html"))) throw new StartError(`no index.html in ${appDir}`);
  let session: ClusterSession | undefined;
  let describe = "";
  if (cfg.kubeconfig !== undefined) {
    const target = await loadKubeconfig(cfg.kubeconfig, cfg.context);
    describe = target.describe;
    session = new ClusterSession(createReadOnlyClient(target, DEFAULT_LIMITS), { log: (l) => io.err(`switchyard serve: ${l}\n`), context: target.context });
  }
  const handle = await startServe({ host: cfg.host, port: cfg.port, appDir, session });
  io.out(handle.url + "\n");
  io.err(`switchyard serve: serving ${appDir} on ${handle.origin}${session ? ` with a read-only view of ${describe}` : " (no cluster: pass --kubeconfig for one)"}\n`);
  if (!LOOPBACK.has(cfg.host)) io.err(`switchyard serve: warning: listening on ${cfg.host}, not loopback: anyone who can reach it and has the URL can read the cluster\n`);
  session?.start();
  return { handle, session };
}

/** The command: exit 2 on bad options or an unusable kubeconfig; 0 after a signal stops the server. */
export async function runServe(args: ParsedArgs, io: Io, until?: Promise<unknown>): Promise<number> {
  let cfg: ServeConfig;
  try {
    cfg = serveConfig(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`switchyard: serve: ${e.message}\nRun \`switchyard serve --help\` for usage.\n`);
    return 2;
  }
  let started: Awaited<ReturnType<typeof startFromConfig>>;
  try {
    started = await startFromConfig(cfg, io);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (e instanceof KubeconfigError || e instanceof StartError) io.err(`switchyard serve: ${e.message}\n`);
    else if (code === "EADDRINUSE") io.err(`switchyard serve: port ${cfg.port} is in use; pass --port N (0 picks a free one)\n`);
    else if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") io.err(`switchyard serve: cannot listen on ${cfg.host}\n`);
    else throw e;
    return 2;
  }
  await (until ?? signalled());
  await started.handle.close();
  await started.session?.stop();
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM. */
function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.on("SIGINT", done);
    process.on("SIGTERM", done);
  });
}
