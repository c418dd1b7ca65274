/**
 * Keeps derived state in step with the text: every text change is sent to the engine worker
 * (debounced while typing), the snapshot lands in the store, then the current request and the
 * sample list are re-evaluated. A change of the collapsed namespaces asks the worker for a new
 * layout (layout never runs on the main thread). Also persists the workspace (persist.ts).
 */
import { useStore } from "./index";
import { saveWorkspace } from "./persist";
import { engine, type Simulated } from "../worker/client";
import type { Snapshot } from "../worker/protocol";
import type { AppState } from "./index";
import type { SimRequest } from "../../src/model/request";
import type { Outcome } from "../../src/model/outcome";

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
  void engine().request({ text, fileName, tag: textRevision, collapsed, full: textOrigin === "load", autoCollapse: true, requests: () => toSimulate(useStore.getState()) });
}

/** Lists toSimulate made, and whether each starts with the current request. */
const withRequest = new WeakMap<SimRequest[], boolean>();

/** What a run simulates: the current request when it has a target, then every sample. */
function toSimulate(st: Pick<AppState, "request" | "samples">): SimRequest[] {
  const current = !!(st.request.gateway || st.request.mesh);
  const asked = st.samples.map((s) => s.request);
  const requests = current ? [st.request, ...asked] : asked;
  withRequest.set(requests, current);
  return requests;
}

/**
 * Outcomes of `requests` (as toSimulate made them) on snapshot `version` into the store — the
 * request's only if it is still the current one, the samples' only if the list is unchanged.
 * False when either changed since the requests were taken (a load replaces the samples right after
 * the text): the caller runs them again.
 */
function storeSimulated(version: number, requests: SimRequest[], outcomes: Outcome[]): boolean {
  const st = useStore.getState();
  const first = withRequest.get(requests) ?? false;
  const samples = first ? requests.slice(1) : requests;
  const sameSamples = st.samples.length === samples.length && st.samples.every((s, i) => s.request === samples[i]);
  const sameRequest = first ? st.request === requests[0] : !(st.request.gateway || st.request.mesh);
  st.setSimulated(version, first && sameRequest ? (outcomes[0] ?? null) : undefined, sameSamples ? (first ? outcomes.slice(1) : outcomes) : null);
  return sameSamples && sameRequest;
}

/** Every snapshot the worker sends, in order: into the store; a new text re-evaluates the requests. */
function onSnapshot(s: Snapshot, { tag, loaded, simulated }: { tag: number | undefined; loaded: boolean; simulated?: Simulated }): void {
  const st = useStore.getState();
  const revision = tag ?? st.loadedRevision;
  const t = sentAt.get(revision);
  for (const k of sentAt.keys()) if (k <= revision) sentAt.delete(k);
  st.acceptSnapshot(s, loaded && t !== undefined ? performance.now() - t : st.lastLoadMs, revision);
  // The request and the samples came simulated with the load (one round trip); a run of its own otherwise.
  if (loaded && !(simulated && storeSimulated(s.version, simulated.requests, simulated.outcomes))) void resimulate();
}

/** Lay the current configuration out again from scratch (crossing reduction included), in the worker. */
export function tidyLayout(): Promise<void> {
  return engine()
    .request({ tidy: true, collapsed: useStore.getState().collapsed })
    .then(() => undefined);
}

/** Re-run the current request and every sample on the current configuration. */
export async function resimulate(): Promise<void> {
  const st = useStore.getState();
  const version = st.good?.version ?? 0;
  const requests = toSimulate(st);
  if (!requests.length) return st.setSimulated(version, undefined, null);
  // Changed again meanwhile: the next snapshot's run (or the caller's own) takes care of it.
  storeSimulated(version, requests, await engine().simulate(requests));
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
