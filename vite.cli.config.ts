import { defineConfig } from "vite";
import { builtinModules } from "node:module";
import pkg from "./package.json" with { type: "json" };

/** Builds the `switchyard` CLI (src/server/cli.ts) into dist/cli for Node, dependencies left external. */
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}),
];

export default defineConfig({
  build: {
    ssr: "src/server/cli.ts",
    outDir: "dist/cli",
    target: "node20",
    sourcemap: true,
    emptyOutDir: true,
    rollupOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(e + "/")),
      output: { entryFileNames: "switchyard.js", format: "es" },
    },
  },
});
