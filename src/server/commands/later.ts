/** Commands of the contract that later tasks implement: they say so clearly and exit 2. */
import type { Io } from "../io";

export const DIFF_HELP = `Usage: switchyard diff -f OLD … --against NEW … [--requests FILE.jsonl] --format markdown|json

Compare two configurations: changed objects and, with --requests, changed routing outcomes.
Not implemented yet.`;

export function notYet(command: string, io: Io): number {
  io.err(`switchyard ${command}: not implemented yet (planned; see \`switchyard ${command} --help\`)\n`);
  return 2;
}
