/**
 * What the app opens on: a `#token=` from `switchyard serve` opens cluster mode (the live cluster,
 * read-only); a share link (`#s=…`) reopens exactly its state; otherwise the workspace
 * saved by the last session; otherwise the gallery's first example.
 */
import { useStore } from "./store";
import { savedWorkspace } from "./store/sync";
import { decodeShareFragment, applySharedState } from "./share/link";
import { GALLERY } from "./gallery";
import { loadExample } from "./gallery/load";
import { startClusterMode } from "./cluster/mode";

export async function restoreWorkspace(): Promise<void> {
  if (startClusterMode()) return;
  const shared = location.hash.startsWith("#s=") ? await decodeShareFragment(location.hash) : null;
  if (shared) {
    applySharedState(shared);
    return;
  }
  const saved = await savedWorkspace();
  if (saved && saved.text.trim()) {
    useStore.getState().setText(saved.text, "load", saved.fileName);
    return;
  }
  // First visit: the gallery's first example, with its sample requests and its explanation.
  loadExample(GALLERY[0]);
}
