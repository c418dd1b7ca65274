/** Undo and redo in the toolbar: one step of the shared text history (typed and visual edits alike). */
import { useStore } from "../store";
import { redo, undo } from "./keys";

export function UndoButtons() {
  const canUndo = useStore((s) => s.canUndo);
  const canRedo = useStore((s) => s.canRedo);
  return (
    <>
      <button type="button" data-testid="undo" title="Undo (Ctrl+Z)" aria-label="Undo" disabled={!canUndo} onClick={() => void undo()}>
        ↶
      </button>
      <button type="button" data-testid="redo" title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-label="Redo" disabled={!canRedo} onClick={() => void redo()}>
        ↷
      </button>
    </>
  );
}
