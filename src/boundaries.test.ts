/**
 * The engine (src/ outside src/server) must run in Node, a Web Worker and the CLI alike: it imports
 * no React, no DOM libraries, no Monaco and no Node built-ins. (tsconfig.engine.json also
 * type-checks it without DOM or Node globals.)
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
const FORBIDDEN_PACKAGES = ["react", "react-dom", "@xyflow/react", "monaco-editor", "monaco-yaml", "@monaco-editor/react", "zustand", "elkjs"];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function engineFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return p === join(SRC, "server") || name === "testing" ? [] : engineFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Module specifiers of static and dynamic imports and re-exports. */
export function importsOf(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function violation(spec: string): string | null {
  const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
  if (BUILTINS.has(spec) || BUILTINS.has(pkg)) return "a Node built-in";
  if (FORBIDDEN_PACKAGES.includes(pkg)) return "a UI package";
  if (spec.includes("/server/") || spec.startsWith("../server") || spec.includes("/web/")) return "code that depends on the engine";
  return null;
}

describe("engine import boundaries", () => {
  it("finds the import forms it checks", () => {
    expect(importsOf(`import { a } from "node:fs";\nexport * from './x';\nimport "react";\nconst m = await import("monaco-editor");`)).toEqual(["node:fs", "./x", "react", "monaco-editor"]);
    expect(violation("node:fs")).toBe("a Node built-in");
    expect(violation("fs/promises")).toBe("a Node built-in");
    expect(violation("react-dom/client")).toBe("a UI package");
    expect(violation("../server/cli")).toBe("code that depends on the engine");
    expect(violation("yaml")).toBeNull();
  });

  const files = engineFiles(SRC);
  it("checks the engine's files", () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(relative(ROOT, file), () => {
      const bad = importsOf(readFileSync(file, "utf8"))
        .map((s) => [s, violation(s)] as const)
        .filter(([, v]) => v)
        .map(([s, v]) => `${s} (${v})`);
      expect(bad).toEqual([]);
    });
  }
});
