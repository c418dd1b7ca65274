/**
 * Command-line arguments: `-f PATH` (repeatable), `--name VALUE` / `--name=VALUE`, boolean flags.
 * Each command declares what it accepts, so a typo is an error rather than silently ignored.
 */

export interface ArgSpec {
  /** Options that take a value, by every spelling (`-f`, `--file`) → canonical name. */
  values: Record<string, string>;
  /** Options that take a value and may be given more than once (canonical names). */
  repeatable?: string[];
  /** Boolean flags, by every spelling → canonical name. */
  flags: Record<string, string>;
}

export interface ParsedArgs {
  values: Map<string, string[]>;
  flags: Set<string>;
  positional: string[];
}

export class UsageError extends Error {}

/** Parse `argv` (after the command name) against a spec. Throws UsageError on anything unknown. */
export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const name = eq === -1 ? a : a.slice(0, eq);
    if (spec.flags[name]) {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      flags.add(spec.flags[name]);
      continue;
    }
    const canonical = spec.values[name];
    if (!canonical) throw new UsageError(`unknown option ${name}`);
    let value: string;
    if (eq !== -1) value = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      value = argv[++i];
    }
    const list = values.get(canonical) ?? [];
    if (list.length > 0 && !spec.repeatable?.includes(canonical)) throw new UsageError(`${name} given more than once`);
    list.push(value);
    values.set(canonical, list);
  }
  return { values, flags, positional };
}

/** The single value of an option, or undefined. */
export function one(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.[0];
}
