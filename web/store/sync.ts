/**
 * Keeps derived state in step with the text: every text change is sent to the engine worker
 * (debounced while typing), the snapshot lands in the store, then the current request and the
 * sample list are re-evaluated. A change of the collapsed namespaces asks the worker for a new
 * layout (layout never runs on the main thread). Also persists the workspace (persist.ts).
 */
import { useStore } from "./index";
import { saveWorkspace } from "./persist";
import { engine } from "../worker/client";
import type { Snapshot } from "../worker/protocol";

// The editor already debounces its change notifications (150 ms); this only coalesces bursts.
const TYPING_DEBOUNCE_MS = 30;
/** The workspace is saved once typing pauses this long. */
const SAVE_DEBOUNCE_MS = 500;

let timer: ReturnType<typeof setTimeout> | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** When each text revision was sent to the worker, for the store's `lastLoadMs`. */
const sentAt = new Map<number, number>();

function refresh(): void {
  const { text, fileName, setBusy, textRevision, textOrigin, collapsed } = useStore.getState();
  setBusy(true);
  sentAt.set(textRevision, performance.now());
  // A loaded file or example is a new configuration: a full snapshot costs less than a delta.
  // A new picture opens with its largest namespaces collapsed, laid out so at once (useCanvasView
  // then adopts them as the view's): the expanded picture of a large configuration is never built.
  void engine().request({ text, fileName, tag: textRevision, collapsed, full: textOrigin === "load", autoCollapse: true });
}

/** Every snapshot the worker sends, in order: into the store; a new text re-evaluates the requests. */
function onSnapshot(s: Snapshot, { tag, loaded }: { tag: number | undefined; loaded: boolean }): void {
  const st = useStore.getState();
  const revision = tag ?? st.loadedRevision;
  const t = sentAt.get(revision);
  for (const k of sentAt.keys()) if (k <= revision) sentAt.delete(k);
  st.acceptSnapshot(s, loaded && t !== undefined ? performance.now() - t : st.lastLoadMs, revision);
  if (loaded) void resimulate();
}

/** Lay the current configuration out again from scratch (crossing reduction included), in the worker. */
export function tidyLayout(): Promise<void> {
  return engine()
    .request({ tidy: true, collapsed: useStore.getState().collapsed })
    .then(() => undefined);
}

/** Re-run the current request and every sample on the current configuration. */
export async function resimulate(): Promise<void> {
  const { request, samples, good } = useStore.getState();
  const version = good?.version ?? 0;
  // One run for the request and every sample: they arrive together, one worker round trip after the snapshot.
  const withRequest = !!(request.gateway || request.mesh);
  const asked = samples.map((s) => s.request);
  if (!withRequest && !asked.length) return useStore.getState().setSimulated(version, undefined, null);
  const outcomes = await engine().simulate(withRequest ? [request, ...asked] : asked);
  const st = useStore.getState();
  // A request or samples changed meanwhile: theirs come with the run that change starts.
  const sameSamples = st.samples.length === samples.length && st.samples.every((s, i) => s.request === samples[i].request);
  st.setSimulated(version, withRequest && st.request === request ? (outcomes[0] ?? null) : undefined, sameSamples ? (withRequest ? outcomes.slice(1) : outcomes) : null);
}

/** Start syncing; returns a function that stops it. */
export function startSync(): () => void {
  const offSnapshot = engine().onSnapshot(onSnapshot);
  const unsub = useStore.subscribe((s, prev) => {
    if (s.collapsed !== prev.collapsed && s.textRevision === prev.textRevision) void engine().request({ collapsed: s.collapsed });
    if (s.textRevision === prev.textRevision) return;
    if (timer) clearTimeout(timer);
    timer = null;
    // Typing is debounced; loads, visual edits and undo go to the worker at once — before React
    // re-renders for the new text, so the worker computes while the main thread draws.
    if (s.textOrigin === "editor") timer = setTimeout(refresh, TYPING_DEBOUNCE_MS);
    else refresh();
    // A live cluster's mirror (cluster mode) is not the user's workspace: never save it over theirs.
    if (s.readOnly) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveWorkspace(s.text, s.fileName), SAVE_DEBOUNCE_MS);
  });
  refresh();
  return () => {
    unsub();
    offSnapshot();
  };
}

export { savedWorkspace } from "./persist";

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
