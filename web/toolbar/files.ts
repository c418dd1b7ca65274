/**
 * Opening files: several files become one text, each introduced by a `# file: name` comment and
 * separated by `---`, so every document keeps its origin visible in the editor.
 */
import { useStore } from "../store";
import { showNotice } from "./notice";

export interface NamedText {
  name: string;
  text: string;
}

/** Files a user may mean to open: YAML and JSON (anything else is skipped, not guessed at). */
export const OPENABLE = /\.(ya?ml|json)$/i;

/** Drop a file's own leading `---` line (after comments), which would leave an empty document after ours. */
function dropLeadingMarker(text: string): string {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === "" || l.startsWith("#")) continue;
    if (/^---\s*(#.*)?$/.test(l)) lines.splice(i, 1);
    break;
  }
  return lines.join("\n");
}

/** One text from several files; a single file is kept as it is. */
export function concatFiles(files: NamedText[]): string {
  if (files.length === 1) return files[0].text;
  return files.map((f) => `# file: ${f.name}\n${dropLeadingMarker(f.text).trimEnd()}\n`).join("---\n");
}

/** The workspace file name for what was opened. */
export function workspaceName(files: NamedText[]): string {
  return files.length === 1 ? files[0].name : "workspace.yaml";
}

/** Read files and replace the workspace text with them. */
export async function openFiles(list: FileList | File[]): Promise<void> {
  const all = [...list];
  const files = all.filter((f) => OPENABLE.test(f.name));
  const skipped = all.length - files.length;
  if (!files.length) {
    showNotice(all.length ? `Not opened: ${all.map((f) => f.name).join(", ")} (only .yaml, .yml and .json)` : "No files", "error");
    return;
  }
  const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  useStore.getState().setText(concatFiles(texts), "load", workspaceName(texts));
  useStore.getState().select(null, "panel");
  showNotice(`Opened ${texts.length === 1 ? texts[0].name : `${texts.length} files`}${skipped ? ` (${skipped} skipped: not YAML or JSON)` : ""}`);
}
