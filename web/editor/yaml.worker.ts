// The YAML language worker (monaco-yaml's yaml-language-server), bundled by Vite through
// `import YamlWorker from "./yaml.worker?worker"`.
import "monaco-yaml/yaml.worker.js";
