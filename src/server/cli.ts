/**
 * The `switchyard` CLI (DESIGN.md "The `switchyard` CLI" is its contract). `main` returns the exit
 * status instead of exiting, so tests run it in-process; bin/switchyard.js sets process.exitCode.
 */
import { parseArgs, UsageError, type ArgSpec, type ParsedArgs } from "./args";
import { processIo, type Io } from "./io";
import { ROUTE_HELP, ROUTE_SPEC, runRoute } from "./commands/route";
import { STATUS_HELP, STATUS_SPEC, runStatus } from "./commands/status";
import { VALIDATE_HELP, VALIDATE_SPEC, runValidate } from "./commands/validate";
import { GRAPH_HELP, GRAPH_SPEC, runGraph } from "./commands/graph";
import { DIFF_HELP, notYet } from "./commands/later";
import { SERVE_HELP, SERVE_SPEC, runServe } from "./serve/command";

const VERSION = "0.1.0";

export const USAGE = `Usage: switchyard <command> [options]

Commands:
  route      simulate where a request (or a batch of requests) goes
  status     the status a conformant controller would write for every resource
  validate   YAML errors, schema violations and False conditions, as file:line:column
  graph      the configuration as a graph (json or dot)
  diff       compare two configurations (not implemented yet)
  serve      serve the app and the read-only cluster proxy

Run \`switchyard <command> --help\` for a command's options.`;

interface Command {
  help: string;
  spec?: ArgSpec;
  run: (args: ParsedArgs, io: Io) => number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  route: { help: ROUTE_HELP, spec: ROUTE_SPEC, run: runRoute },
  status: { help: STATUS_HELP, spec: STATUS_SPEC, run: runStatus },
  validate: { help: VALIDATE_HELP, spec: VALIDATE_SPEC, run: runValidate },
  graph: { help: GRAPH_HELP, spec: GRAPH_SPEC, run: runGraph },
  diff: { help: DIFF_HELP, run: (_a, io) => notYet("diff", io) },
  serve: { help: SERVE_HELP, spec: SERVE_SPEC, run: runServe },
};

/** Run the CLI with `argv` (without `node` and the script). Resolves to the exit status. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) io.out(COMMANDS[topic].help + "\n");
    else if (topic) return usageError(io, `unknown command "${topic}"`);
    else if (name === undefined) {
      // No command at all: usage is the answer, but the invocation was wrong.
      io.err(USAGE + "\n");
      return 2;
    } else io.out(USAGE + "\n");
    return 0;
  }
  if (name === "--version" || name === "-V") {
    io.out(`switchyard ${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) return usageError(io, `unknown command "${name}"`);
  if (rest.includes("-h") || rest.includes("--help")) {
    io.out(cmd.help + "\n");
    return 0;
  }
  if (!cmd.spec) return cmd.run({ values: new Map(), flags: new Set(), positional: rest }, io);
  let args: ParsedArgs;
  try {
    args = parseArgs(rest, cmd.spec);
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, `${name}: ${e.message}`, name);
    throw e;
  }
  if (args.positional.length > 0) return usageError(io, `${name}: unexpected argument "${args.positional[0]}" (inputs are given with -f PATH)`, name);
  try {
    return await cmd.run(args, io);
  } catch (e) {
    // The engine promises not to throw; if it does anyway, say so plainly instead of a stack dump.
    io.err(`switchyard ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}

function usageError(io: Io, message: string, command?: string): number {
  io.err(`switchyard: ${message}\n${command ? `Run \`switchyard ${command} --help\` for usage.` : USAGE}\n`);
  return 2;
}
