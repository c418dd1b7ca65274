/** Commands of the contract that later tasks implement: they say so clearly and exit 2. */
import type { Io } from "../io";

export const DIFF_HELP = `Usage: switchyard diff -f OLD … --against NEW … [--requests FILE.jsonl] --format markdown|json

Compare two configurations: changed objects and, with --requests, changed routing outcomes.
Not implemented yet.`;

export const SERVE_HELP = `Usage: switchyard serve [--port N] [--host 127.0.0.1] [--kubeconfig PATH] [--context NAME]

Serve the built app, and with a kubeconfig the read-only cluster proxy.
Not implemented yet.`;

export function notYet(command: string, io: Io): number {
  io.err(`switchyard ${command}: not implemented yet (planned; see \`switchyard ${command} --help\`)\n`);
  return 2;
}
