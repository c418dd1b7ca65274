/**
 * A standalone page for the YAML editor, built and driven by e2e/editor-harness (Playwright): the
 * editor through LazyYamlEditor as the app uses it, buttons for outside changes, engine markers and
 * reveals, and what the editor reported, as text in the page.
 */
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Diagnostic } from "../../../src/model/diagnostic";
import { LazyYamlEditor, type CursorInfo, type RevealRequest } from "../LazyYamlEditor";

const START = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      port: 80
      protocol: HTTP
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
spec:
  parentRefs:
    - name: web
      namespace: infra
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /store
      backendRefs:
        - name: store-v1
          port: 8080
          weight: 90
`;

const OTHER = `apiVersion: v1
kind: Service
metadata:
  name: other
spec:
  ports:
    - port: 80
`;

const ENGINE_DIAGNOSTIC: Diagnostic = {
  severity: "error",
  code: "BackendNotFound",
  message: "ResolvedRefs False: Service default/store-v1 not found",
  file: "harness.yaml",
  line: 27,
  column: 17,
  endLine: 27,
  endColumn: 25,
};

/** The page's `value` setter, for outside changes driven from the spec. */
let harnessSetValue: (text: string) => void = () => undefined;

function Harness() {
  const [value, setValue] = useState(START);
  const [changes, setChanges] = useState(0);
  const [markers, setMarkers] = useState<Diagnostic[]>([]);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [cursor, setCursor] = useState<CursorInfo | null>(null);
  const [theme, setTheme] = useState<"light" | "dark">("light");
  const [readOnly, setReadOnly] = useState(false);
  const [file, setFile] = useState("harness.yaml");
  harnessSetValue = setValue;
  const onChange = (text: string) => {
    setValue(text);
    setChanges((n) => n + 1);
  };
  return (
    <>
      <div className="bar">
        <button data-testid="external-edit" onClick={() => setValue((v) => v.replace(/weight: \d+/, "weight: 10"))}>weight → 10</button>
        <button data-testid="load-other" onClick={() => setValue(OTHER)}>load other</button>
        <button data-testid="load-start" onClick={() => setValue(START)}>load start</button>
        <button
          data-testid="switch-file"
          onClick={() => {
            setFile("second.yaml");
            setValue(OTHER);
          }}
        >
          switch file
        </button>
        <button data-testid="add-marker" onClick={() => setMarkers([ENGINE_DIAGNOSTIC, { ...ENGINE_DIAGNOSTIC, file: "elsewhere.yaml", message: "not this file" }])}>engine marker</button>
        <button data-testid="clear-markers" onClick={() => setMarkers([])}>clear markers</button>
        <button data-testid="reveal" onClick={() => setReveal({ startLine: 22, startColumn: 5, endLine: 29, endColumn: 21 })}>reveal rule</button>
        <button data-testid="theme" onClick={() => setTheme((t) => (t === "light" ? "dark" : "light"))}>theme</button>
        <button data-testid="readonly" onClick={() => setReadOnly((r) => !r)}>read-only</button>
        <span data-testid="changes">{changes}</span>
        <span data-testid="cursor">{cursor ? `${cursor.line}:${cursor.column}@${cursor.offset}` : ""}</span>
        <span data-testid="length">{value.length}</span>
      </div>
      <div className="ed">
        <LazyYamlEditor
          value={value}
          onChange={onChange}
          markers={markers}
          file={file}
          reveal={reveal}
          onCursorChange={setCursor}
          theme={theme}
          readOnly={readOnly}
        />
      </div>
    </>
  );
}

// Long tasks while typing are what the editor must avoid; the check reads them from here, and the
// time each key event's handlers took (Event Timing: processingEnd - processingStart), which a busy
// machine inflates far less than whole tasks.
const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: "longtask", buffered: true });
const keyEvents: { name: string; duration: number; processing: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries() as PerformanceEventTiming[]) keyEvents.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart });
}).observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
Object.assign(window, {
  __harness: {
    longTasks,
    keyEvents,
    setValue: (text: string) => harnessSetValue(text),
    value: () => document.querySelector("[data-testid=length]")?.textContent,
    markers: async () => {
      const { setupMonaco } = await import("../monacoSetup");
      return setupMonaco().editor.getModelMarkers({}).map((m) => ({ owner: m.owner, severity: m.severity, message: m.message, line: m.startLineNumber }));
    },
    monaco: async () => (await import("../monacoSetup")).setupMonaco(),
    selection: async () => {
      const { setupMonaco } = await import("../monacoSetup");
      const sel = setupMonaco().editor.getEditors()[0]?.getSelection();
      return sel ? [sel.startLineNumber, sel.startColumn, sel.endLineNumber, sel.endColumn] : null;
    },
    modelUri: async () => {
      const { setupMonaco } = await import("../monacoSetup");
      return String(setupMonaco().editor.getEditors()[0]?.getModel()?.uri);
    },
    modelText: async () => {
      const { setupMonaco } = await import("../monacoSetup");
      return setupMonaco().editor.getEditors()[0]?.getModel()?.getValue();
    },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
