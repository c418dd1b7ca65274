/** Reading the `-f` inputs: files, directories (recursively, sorted) and `-` for standard input. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { InputFile } from "../parse";
import type { Io } from "./io";

/** A problem that makes the input unusable: printed as `file:line:column: message`, exit status 2. */
export interface InputProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

const MANIFEST = /\.(ya?ml|json)$/i;

/** Directories never searched: version control, dependencies and other hidden directories. */
function skipDir(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** Every manifest file under a directory, sorted by path (code-point order, the same on every machine). */
function listDir(dir: string, out: string[]): void {
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue; // a dangling symlink: not a manifest
    }
    if (st.isDirectory()) {
      if (!skipDir(name)) listDir(p, out);
    } else if (st.isFile() && MANIFEST.test(name)) out.push(p);
  }
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return e instanceof Error ? e.message : String(e);
}

/** The files named by `-f` options, in order, each read once. */
export function expandPaths(paths: string[], io: Io): { files: { name: string; read: () => string }[]; problems: InputProblem[] } {
  const files: { name: string; read: () => string }[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (name: string, read: () => string) => {
    if (seen.has(name)) return;
    seen.add(name);
    files.push({ name, read });
  };
  for (const path of paths) {
    if (path === "-") {
      add("<stdin>", () => io.stdin());
      continue;
    }
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      problems.push({ file: path, line: 1, column: 1, message: `cannot read: ${reason(e)}` });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      try {
        listDir(path, found);
      } catch (e) {
        problems.push({ file: path, line: 1, column: 1, message: `cannot read directory: ${reason(e)}` });
        continue;
      }
      if (found.length === 0) problems.push({ file: path, line: 1, column: 1, message: "no *.yaml, *.yml or *.json files in this directory" });
      for (const f of found) add(f, () => readFileSync(f, "utf8"));
    } else add(path, () => readFileSync(path, "utf8"));
  }
  return { files, problems };
}

/** Read the files; unreadable ones become problems. */
export function readInputs(paths: string[], io: Io): { inputs: InputFile[]; problems: InputProblem[] } {
  const { files, problems } = expandPaths(paths, io);
  const inputs: InputFile[] = [];
  for (const f of files) {
    try {
      inputs.push({ name: f.name, text: stripBom(f.read()) });
    } catch (e) {
      problems.push({ file: f.name, line: 1, column: 1, message: `cannot read: ${reason(e)}` });
    }
  }
  return { inputs, problems };
}

/** Editors on Windows save UTF-8 with a byte-order mark; it is not part of the YAML. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
