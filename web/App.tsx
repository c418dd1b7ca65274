/**
 * The designer: toolbar on top; YAML editor, graph canvas and side panel below, resizable.
 * Components read narrow selectors from the store; the engine runs in a worker (store/sync.ts).
 */
import { lazy, Suspense, useEffect } from "react";
import { useStore } from "./store";
import { SplitPane } from "./layout/SplitPane";
import { Toolbar } from "./toolbar/Toolbar";
import { Canvas } from "./canvas/Canvas";
import { SidePanel } from "./panels/SidePanel";
import { StatusBar } from "./layout/StatusBar";

// Monaco is large: load it after the first paint.
const EditorPane = lazy(() => import("./layout/EditorPane"));

export function App() {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <Toolbar />
      <SplitPane
        left={
          <Suspense fallback={<div className="loading">Loading editor…</div>}>
            <EditorPane />
          </Suspense>
        }
        center={<Canvas />}
        right={<SidePanel />}
      />
      <StatusBar />
    </div>
  );
}
