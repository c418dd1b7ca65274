/**
 * Connects the YAML editor to the store: text both ways, engine diagnostics as markers, the
 * selected node's YAML revealed, the node under the cursor selected.
 */
import { useCallback, useMemo } from "react";
import { useStore } from "../store";
import { YamlEditor } from "../editor/YamlEditor";

export default function EditorPane() {
  const text = useStore((s) => s.text);
  const textOrigin = useStore((s) => s.textOrigin);
  const textRevision = useStore((s) => s.textRevision);
  const diagnostics = useStore((s) => s.diagnostics);
  const theme = useStore((s) => s.theme);
  const selected = useStore((s) => s.selected);
  const selectionOrigin = useStore((s) => s.selectionOrigin);
  const spans = useStore((s) => s.good?.spans);
  const setText = useStore((s) => s.setText);
  const select = useStore((s) => s.select);

  const reveal = useMemo(() => {
    if (!selected || selectionOrigin === "editor") return null;
    const span = spans?.find((x) => x.id === selected);
    return span ? { startLine: span.startLine, startColumn: span.startColumn, endLine: span.endLine, endColumn: span.endColumn } : null;
  }, [selected, selectionOrigin, spans]);

  const onCursor = useCallback(
    (offset: number) => {
      const span = spans?.find((x) => x.start <= offset && offset <= x.end);
      if (span && span.id !== useStore.getState().selected) select(span.id, "editor");
    },
    [spans, select],
  );

  return (
    <YamlEditor
      value={text}
      external={textOrigin !== "editor"}
      revision={textRevision}
      onChange={(t) => setText(t, "editor")}
      markers={diagnostics}
      reveal={reveal}
      onCursorOffset={onCursor}
      theme={theme}
    />
  );
}
