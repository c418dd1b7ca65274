#!/usr/bin/env node
// Entry point of the `switchyard` CLI; the code lives in dist/cli, built by `npm run build`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = fileURLToPath(new URL("../dist/cli/switchyard.js", import.meta.url));
if (!existsSync(built)) {
  process.stderr.write("switchyard: the CLI is not built yet; run `npm run build` first\n");
  process.exit(2);
}
const { main } = await import(built);
process.exitCode = await main(process.argv.slice(2));
