/**
 * Keeps derived state in step with the text: every text change is sent to the engine worker
 * (debounced while typing), the snapshot lands in the store, then the current request and the
 * sample list are re-evaluated. Also persists the workspace to local storage.
 */
import { useStore } from "./index";
import { STORAGE_KEY } from "./workspace";
import { engine } from "../worker/client";

// The editor already debounces its change notifications (150 ms); this only coalesces bursts.
const TYPING_DEBOUNCE_MS = 30;

let timer: ReturnType<typeof setTimeout> | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

async function refresh(): Promise<void> {
  const { text, fileName, setBusy, textRevision } = useStore.getState();
  setBusy(true);
  const started = performance.now();
  const snapshot = await engine().load(text, fileName);
  if (!snapshot) return; // superseded by a newer text
  useStore.getState().acceptSnapshot(snapshot, performance.now() - started, textRevision);
  await resimulate();
}

/** Re-run the current request and every sample on the current configuration. */
export async function resimulate(): Promise<void> {
  const { request, samples, setOutcome, setSampleOutcomes } = useStore.getState();
  if (request.gateway || request.mesh) {
    const [o] = await engine().simulate([request]);
    setOutcome(o ?? null);
  }
  if (samples.length) setSampleOutcomes(await engine().simulate(samples.map((s) => s.request)));
}

/** Start syncing; returns a function that stops it. */
export function startSync(): () => void {
  const unsub = useStore.subscribe((s, prev) => {
    if (s.textRevision === prev.textRevision) return;
    if (timer) clearTimeout(timer);
    // Typing is debounced; loads, visual edits and undo apply at once.
    timer = setTimeout(() => void refresh(), s.textOrigin === "editor" ? TYPING_DEBOUNCE_MS : 0);
    // A live cluster's mirror (cluster mode) is not the user's workspace: never save it over theirs.
    if (s.readOnly) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ text: s.text, fileName: s.fileName }));
      } catch {
        // Storage full or disabled: the workspace still works, it just does not survive a reload.
      }
    }, 300);
  });
  void refresh();
  return unsub;
}

/** The workspace saved by a previous session, if any. */
export function savedWorkspace(): { text: string; fileName: string } | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { text?: unknown; fileName?: unknown };
    return typeof v.text === "string" ? { text: v.text, fileName: typeof v.fileName === "string" ? v.fileName : "workspace.yaml" } : null;
  } catch {
    return null;
  }
}

/** Resolves once the engine has processed the current text (for the automation API and tests). */
export function settled(): Promise<void> {
  return new Promise((resolve) => {
    const done = (s: { loadedRevision: number; textRevision: number }) => s.loadedRevision >= s.textRevision;
    if (done(useStore.getState())) return resolve();
    const unsub = useStore.subscribe((s) => {
      if (done(s)) {
        unsub();
        resolve();
      }
    });
  });
}
