/**
 * Robustness: every real-world file in ../shared/corpus (and every upstream example) simulates
 * without a rule failing, alone and all together. Skips with a message when ../shared is absent.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../parse";
import { simulate } from "./index";
import { SHARED_DIR } from "../testing/conformance";

const DIRS = [join(SHARED_DIR, "corpus"), join(SHARED_DIR, "gateway-api", "examples")];
const HAVE = DIRS.every((d) => existsSync(d));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

describe.skipIf(!HAVE)("corpus files simulate without internal errors", () => {
  if (!HAVE) console.warn(`corpus not found under ${SHARED_DIR}; skipping`);
  const files = HAVE ? DIRS.flatMap(yamlFiles) : [];

  it("each file alone", () => {
    const failures: string[] = [];
    for (const f of files) {
      const { resources, lines } = parse({ name: f, text: readFileSync(f, "utf8") });
      const m = simulate(resources, { lines });
      for (const d of m.diagnostics) if (d.code === "internal") failures.push(`${f}: ${d.message}`);
      for (const d of m.diagnostics) if (d.line < 1 || !d.resource) failures.push(`${f}: unplaced diagnostic ${d.code}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it("all files together", () => {
    const { resources, lines } = parse(files.map((f) => ({ name: f, text: readFileSync(f, "utf8") })));
    const m = simulate(resources, { lines });
    expect(m.diagnostics.filter((d) => d.code === "internal")).toEqual([]);
    expect(m.routes.length).toBeGreaterThan(100);
  });
});
