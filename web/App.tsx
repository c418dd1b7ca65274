/**
 * The app shell. The designer itself (canvas, editor, simulator) is built on top of the engine in
 * the next milestone; for now the shell proves the toolchain and shows the engine's view of the
 * built-in example.
 */
import { useMemo } from "react";
import { parse } from "../src/parse";
import { EXAMPLE_YAML } from "./example";

export function App() {
  const result = useMemo(() => parse({ name: "example.yaml", text: EXAMPLE_YAML }), []);
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
      <h1>Switchyard</h1>
      <p>Gateway API designer and simulator. The example topology holds {result.resources.length} resources:</p>
      <ul data-testid="resource-list">
        {result.resources.map((r) => (
          <li key={`${r.kind}/${r.namespace}/${r.name}`}>
            {r.kind} {r.namespace ? `${r.namespace}/` : ""}
            {r.name}
          </li>
        ))}
      </ul>
    </main>
  );
}
