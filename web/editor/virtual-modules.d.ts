/// <reference types="vite/client" />
// `?worker` imports come from vite/client; the schema module from scripts/vite-plugin-k8s-schemas.ts.

declare module "virtual:k8s-schemas" {
  /** One JSON Schema for every Kubernetes kind the editor knows, matched per document by apiVersion + kind. */
  const schema: import("monaco-yaml").JSONSchema;
  export default schema;
}

declare module "monaco-editor/languages/definitions/yaml/yaml.js" {
  // Monaco ships this module without a declaration file.
  export const conf: import("monaco-editor/editor").languages.LanguageConfiguration;
  export const language: import("monaco-editor/editor").languages.IMonarchLanguage;
}
