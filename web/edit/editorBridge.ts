/**
 * The app's line to the mounted YAML editor, for what must happen before the text is read for an
 * edit or an undo: keystrokes the editor still holds back (it reports typing debounced) are flushed
 * into the store first, so nothing typed is lost or undone twice. No editor mounted: a no-op.
 */

/** What the editor offers. */
export interface EditorHandle {
  /** Report pending keystrokes now (synchronously, through the editor's onChange). */
  flush(): void;
}

let current: EditorHandle | null = null;

/** Called by the editor pane when its editor mounts (a handle) and unmounts (null). */
export function setEditorHandle(h: EditorHandle | null): void {
  current = h;
}

/** Flush the editor's pending keystrokes into the store (if an editor is mounted). */
export function flushEditor(): void {
  current?.flush();
}
