/// <reference types="vite/client" />
// `?worker` imports come from vite/client; the schema module from scripts/vite-plugin-k8s-schemas.ts.

declare module "virtual:k8s-schemas" {
  /** One JSON Schema for every Kubernetes kind the editor knows, matched per document by apiVersion + kind. */
  const schema: import("monaco-yaml").JSONSchema;
  export default schema;
}
