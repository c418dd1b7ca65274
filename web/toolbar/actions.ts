/**
 * Toolbar actions, callable from buttons and from keyboard shortcuts alike.
 */
import { useStore } from "../store";
import { shareUrl } from "../share/link";
import { downloadBlob, withExtension } from "./download";
import { showNotice } from "./notice";
import { tidyLayout as tidyInWorker } from "../store/sync";

/** The hidden file input the toolbar renders (a keyboard shortcut may open it too). */
export const FILE_INPUT_ID = "open-files-input";

/** Download the workspace YAML under its file name. */
export function exportYaml(): void {
  const { text, fileName } = useStore.getState();
  downloadBlob(/\.(ya?ml)$/i.test(fileName) ? fileName : withExtension(fileName, "yaml"), new Blob([text], { type: "application/yaml" }));
}

/**
 * Export the graph as an image through the canvas's exporter (web/canvas/export.ts). It may save the
 * file itself or hand back the image (a Blob, or SVG text); both are handled.
 */
export async function exportImage(format: "svg" | "png"): Promise<void> {
  try {
    const mod = await import("../canvas/export");
    const result: unknown = format === "svg" ? await mod.exportSvg() : await mod.exportPng();
    const name = withExtension(useStore.getState().fileName, format);
    if (result instanceof Blob) downloadBlob(name, result);
    else if (typeof result === "string") downloadBlob(name, new Blob([result], { type: format === "svg" ? "image/svg+xml" : "image/png" }));
  } catch (e) {
    showNotice(`Could not export ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`, "error");
  }
}

/** Put a share link of the current state on the clipboard; show it too, for copying by hand. */
export async function copyShareLink(): Promise<void> {
  const url = await shareUrl();
  const size = `${Math.ceil(url.length / 1024)} KB`;
  try {
    await navigator.clipboard.writeText(url);
    showNotice(`Share link copied (${size})`, "ok", url);
  } catch {
    // Clipboard denied (no permission, not focused): the link is still shown to copy by hand.
    showNotice(`Copy the share link below (${size})`, "ok", url);
  }
}

export function toggleTheme(): void {
  const { theme, setTheme } = useStore.getState();
  setTheme(theme === "dark" ? "light" : "dark");
}

/** Focus the canvas's search field (the canvas owns it: testid `canvas-search`). */
export function focusCanvasSearch(): void {
  const el = document.querySelector<HTMLInputElement>('[data-testid="canvas-search"]');
  el?.focus();
  el?.select();
}

export function openFilePicker(): void {
  document.getElementById(FILE_INPUT_ID)?.click();
}

/**
 * Lay the graph out again from scratch (in the worker): edits are laid out incrementally, keeping
 * what was drawn in place, so lines an edit tangled stay tangled until the user asks for this.
 */
export function tidyLayout(): void {
  void tidyInWorker();
}
