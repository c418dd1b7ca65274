import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { k8sSchemas } from "./scripts/vite-plugin-k8s-schemas.ts";

export default defineConfig({
  // k8sSchemas: the editor's JSON Schema (virtual:k8s-schemas), generated from the npm packages.
  plugins: [react(), k8sSchemas()],
  resolve: {
    // monaco-yaml's monaco-worker-manager imports `monaco-editor/esm/vs/…`, a path monaco ≥ 0.56 no longer exports.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: "monaco-editor/$1" }],
  },
  build: { outDir: "dist/app", sourcemap: true },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
