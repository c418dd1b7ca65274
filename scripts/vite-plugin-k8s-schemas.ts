/**
 * Vite plugin: serves the editor's Kubernetes JSON Schema as the virtual module
 * `virtual:k8s-schemas`, generated from the installed npm packages when dev or build first asks for
 * it (~0.3 s). Nothing is written to disk, so a fresh clone needs no extra step before `vite`,
 * `vite build`, `tsc` or `vitest` (the module's type lives in web/editor/virtual-modules.d.ts).
 */
import type { Plugin } from "vite";
import { generateSchemas } from "./gen-schemas.ts";

const ID = "virtual:k8s-schemas";
const RESOLVED = `\0${ID}`;

/** The plugin; `root` defaults to Vite's project root. */
export function k8sSchemas(): Plugin {
  let root = process.cwd();
  let code: string | undefined;
  return {
    name: "switchyard-k8s-schemas",
    configResolved(config) {
      root = config.root;
    },
    resolveId(source) {
      return source === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      // JSON.parse of one string literal parses faster than the same data as an object literal.
      code ??= `export default JSON.parse(${JSON.stringify(JSON.stringify(generateSchemas(root).schema))});\n`;
      return code;
    },
  };
}
