/**
 * The fake Kubernetes API server, standalone, for end-to-end tests of `switchyard serve`:
 *
 *   npx tsx src/server/testing/fake-apiserver-cli.ts --kubeconfig-out FILE [--port N]
 *       [--control-port N] [--https] [--token T] [--load FILE.yaml …]
 *
 * It writes a kubeconfig pointing to itself (context "fake"), then prints one line of JSON,
 * {"apiserver":URL,"control":URL,"kubeconfig":FILE}, and runs until SIGINT/SIGTERM. Tests change the
 * cluster through the control endpoint (routes listed in fake-control.ts), e.g.
 *   curl -X POST --data-binary @route.yaml http://127.0.0.1:CONTROL/apply
 */
import { readFileSync } from "node:fs";
import { UsageError, one, parseArgs } from "../args";
import { readyLine, startFakeCluster } from "./fake-control";

const SPEC = {
  values: { "--port": "port", "--control-port": "control-port", "--kubeconfig-out": "kubeconfig-out", "--token": "token", "--load": "load" },
  repeatable: ["load"],
  flags: { "--https": "https" },
};

async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, SPEC);
    if (!one(args, "kubeconfig-out")) throw new UsageError("--kubeconfig-out FILE is required");
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`fake-apiserver: ${e.message}\nUsage: fake-apiserver-cli.ts --kubeconfig-out FILE [--port N] [--control-port N] [--https] [--token T] [--load FILE.yaml …]\n`);
    return 2;
  }
  const cluster = await startFakeCluster({
    port: Number(one(args, "port") ?? 0),
    controlPort: Number(one(args, "control-port") ?? 0),
    kubeconfigOut: one(args, "kubeconfig-out")!,
    https: args.flags.has("https"),
    token: one(args, "token"),
    seed: (args.values.get("load") ?? []).map((f) => readFileSync(f, "utf8")),
  });
  process.stdout.write(readyLine(cluster) + "\n");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await cluster.close();
  return 0;
}

process.exitCode = await run(process.argv.slice(2));
