/**
 * Monaco, configured once and bundled (no CDN): slim imports, workers through Vite `?worker`, the YAML
 * language with monaco-yaml and the generated Kubernetes schema. Only the lazily loaded editor chunk
 * imports this module; nothing here runs before {@link setupMonaco}, and no Worker is created before
 * an editor asks for one.
 *
 * Pitfalls handled (see STACK.md): `@monaco-editor/react` fetches Monaco from a CDN unless
 * `loader.config({ monaco })` runs first; the full `monaco-editor` entry doubles the bundle; monaco-yaml
 * 5.5 calls `monaco.editor.createWebWorker` without the `{ worker }` monaco ≥ 0.53 requires.
 */
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
// Monaco's YAML tokenizer and language configuration (indent after `key:`), taken directly rather
// than through its lazy `register`: otherwise an Enter pressed before that chunk arrives does not indent.
import { conf as yamlConf, language as yamlLanguage } from "monaco-editor/languages/definitions/yaml/yaml.js";
import { loader } from "@monaco-editor/react";
import { configureMonacoYaml, type MonacoYaml } from "monaco-yaml";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import k8sSchema from "virtual:k8s-schemas";
import YamlWorker from "./yaml.worker?worker";

export type Monaco = typeof monaco;

/** The schema's URI (shown nowhere; it only has to look like a file to yaml-language-server). */
export const K8S_SCHEMA_URI = "file:///switchyard/schemas/kubernetes.json";

let configured: { monaco: Monaco; yaml: MonacoYaml } | undefined;

/** Configure Monaco and monaco-yaml (idempotent) and return the bundled Monaco. */
export function setupMonaco(): Monaco {
  if (configured) return configured.monaco;
  globalThis.MonacoEnvironment = {
    // Called only when an editor needs a worker, never at import time.
    getWorker: (_workerId: string, label: string) => (label === "yaml" ? new YamlWorker() : new EditorWorker()),
  };
  loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]["monaco"] });
  const yaml = configureMonacoYaml(monacoForYaml() as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false,
    isKubernetes: true,
    completion: true,
    hover: true,
    validate: true,
    // The source link would point at a made-up file: URI.
    hoverSchemaSource: false,
    schemas: [{ uri: K8S_SCHEMA_URI, fileMatch: ["*.yaml", "*.yml"], schema: k8sSchema }],
  });
  // After monaco-yaml's own configuration (comments, brackets), which has no onEnterRules or folding.
  monaco.languages.setLanguageConfiguration("yaml", yamlConf);
  monaco.languages.setMonarchTokensProvider("yaml", yamlLanguage);
  configured = { monaco, yaml };
  return monaco;
}

interface YamlWorkerOptions {
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * Monaco as monaco-yaml sees it: the same API, except `editor.createWebWorker`, which creates the
 * YAML worker itself and hands it to Monaco's `{ worker }` form. monaco-worker-manager's worker
 * initialises on its first message and reads its options from the second, so post those two first —
 * what Monaco's own language workers do (monaco-editor#5049, monaco-yaml#272).
 */
function monacoForYaml(): Monaco {
  const createWebWorker = (opts: YamlWorkerOptions) => {
    const worker = new YamlWorker();
    worker.postMessage("init");
    worker.postMessage(opts.createData);
    return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as Monaco;
}
