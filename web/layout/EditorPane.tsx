/**
 * Connects the YAML editor to the store: text both ways, engine diagnostics as markers, the
 * selected node's YAML revealed, the node under the cursor selected.
 */
import { useCallback, useMemo } from "react";
import { useStore } from "../store";
import { YamlEditor, type CursorInfo } from "../editor/YamlEditor";
import { setEditorHandle } from "../edit/editorBridge";

export default function EditorPane() {
  const text = useStore((s) => s.text);
  const fileName = useStore((s) => s.fileName);
  const diagnostics = useStore((s) => s.diagnostics);
  const theme = useStore((s) => s.theme);
  // Cluster mode: the text mirrors a live cluster and cannot be edited.
  const readOnly = useStore((s) => s.readOnly);
  const selected = useStore((s) => s.selected);
  const selectionOrigin = useStore((s) => s.selectionOrigin);
  const spans = useStore((s) => s.good?.spans);
  const setText = useStore((s) => s.setText);
  const select = useStore((s) => s.select);

  const reveal = useMemo(() => {
    if (!selected || selectionOrigin === "editor") return null;
    const span = spans?.find((x) => x.id === selected);
    return span ? { startLine: span.startLine, endLine: span.endLine } : null;
  }, [selected, selectionOrigin, spans]);

  const onCursor = useCallback(
    ({ offset }: CursorInfo) => {
      const span = spans?.find((x) => x.start <= offset && offset <= x.end);
      if (span && span.id !== useStore.getState().selected) select(span.id, "editor");
    },
    [spans, select],
  );

  return (
    <YamlEditor
      value={text}
      file={fileName}
      onChange={(t) => setText(t, "editor")}
      markers={diagnostics}
      reveal={reveal}
      onCursorChange={onCursor}
      theme={theme}
      readOnly={readOnly}
      onReady={setEditorHandle}
    />
  );
}
