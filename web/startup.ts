/**
 * What the app opens on: a share link (`#s=…`) reopens exactly its state; otherwise the workspace
 * saved by the last session; otherwise the gallery's first example.
 */
import { useStore } from "./store";
import { savedWorkspace } from "./store/sync";
import { decodeShareFragment, applySharedState } from "./share/link";
import { GALLERY } from "./gallery";
import { loadExample } from "./gallery/load";

export async function restoreWorkspace(): Promise<void> {
  const shared = location.hash.startsWith("#s=") ? await decodeShareFragment(location.hash) : null;
  if (shared) {
    applySharedState(shared);
    return;
  }
  const saved = savedWorkspace();
  if (saved && saved.text.trim()) {
    useStore.getState().setText(saved.text, "load", saved.fileName);
    return;
  }
  // First visit: the gallery's first example, with its sample requests and its explanation.
  loadExample(GALLERY[0]);
}
