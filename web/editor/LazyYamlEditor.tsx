/**
 * The editor behind `React.lazy`: the app shell imports this file, and Monaco (~3 MB of JS plus its
 * workers) loads in its own chunk after first paint. Call {@link preloadYamlEditor} (e.g. on idle)
 * to start fetching before the editor is shown.
 */
import { lazy, Suspense } from "react";
import type { YamlEditorProps } from "./YamlEditor";

export type { CursorInfo, RevealRequest, YamlEditorProps } from "./YamlEditor";

let loading: Promise<typeof import("./YamlEditor")> | undefined;

/** Start loading the editor chunk (idempotent). */
export function preloadYamlEditor(): Promise<typeof import("./YamlEditor")> {
  loading ??= import("./YamlEditor");
  return loading;
}

const Lazy = lazy(() => preloadYamlEditor().then((m) => ({ default: m.YamlEditor })));

/** {@link YamlEditor}, loaded on first render; a plain placeholder until then. */
export function LazyYamlEditor(props: YamlEditorProps) {
  return (
    <Suspense fallback={<div data-testid="yaml-editor-loading" className={props.className} style={{ height: "100%" }}>Loading editor…</div>}>
      <Lazy {...props} />
    </Suspense>
  );
}
