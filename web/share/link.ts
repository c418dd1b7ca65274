/**
 * Share links: the state that matters (YAML, the current request, the sample requests, the view)
 * in the URL fragment `#s=…`, compressed. A fragment never reaches a server, so opening a link
 * needs none; `decodeShareFragment` + `applySharedState` reopen exactly what was shared.
 */
import { useStore } from "../store";
import type { PanelTab, Theme } from "../store";
import type { SimRequest } from "../../src/model/request";
import { pack, unpack } from "./codec";

/** Version 1 of the shared state. Readers accept missing optional parts (older or hand-made links). */
export interface SharedState {
  v: 1;
  yaml: string;
  fileName: string;
  request: SimRequest;
  samples: { label: string; request: SimRequest }[];
  view: {
    theme: Theme;
    collapsed: string[];
    selected: string | null;
    panel?: PanelTab;
  };
}

export const FRAGMENT_PREFIX = "#s=";

/** The current state of the app, as a share link carries it. */
export function captureState(): SharedState {
  const s = useStore.getState();
  return {
    v: 1,
    yaml: s.text,
    fileName: s.fileName,
    request: s.request,
    samples: s.samples.map((x) => ({ label: x.label, request: x.request })),
    view: { theme: s.theme, collapsed: [...s.collapsed], selected: s.selected, panel: s.panel },
  };
}

/** `#s=<deflate-raw, base64url of the JSON>`. */
export async function encodeShareState(state: SharedState): Promise<string> {
  return FRAGMENT_PREFIX + (await pack(JSON.stringify(state)));
}

/** The full link for a state: this page's address with the state as its fragment. */
export async function shareUrl(state: SharedState = captureState()): Promise<string> {
  return `${location.origin}${location.pathname}${location.search}${await encodeShareState(state)}`;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isRequest = (x: unknown): x is SimRequest => isRecord(x) && isRecord(x.request);
const PANELS: readonly PanelTab[] = ["inspector", "simulator", "status"];

/** Check a decoded value's shape; anything malformed gives null, never a half-applied state. */
export function asSharedState(x: unknown): SharedState | null {
  if (!isRecord(x) || x.v !== 1 || typeof x.yaml !== "string") return null;
  const view = isRecord(x.view) ? x.view : {};
  const samples = Array.isArray(x.samples) ? x.samples.filter((s): s is { label: string; request: SimRequest } => isRecord(s) && typeof s.label === "string" && isRequest(s.request)) : [];
  return {
    v: 1,
    yaml: x.yaml,
    fileName: typeof x.fileName === "string" && x.fileName ? x.fileName : "shared.yaml",
    request: isRequest(x.request) ? x.request : useStore.getState().request,
    samples: samples.map((s) => ({ label: s.label, request: s.request })),
    view: {
      theme: view.theme === "dark" ? "dark" : "light",
      collapsed: Array.isArray(view.collapsed) ? view.collapsed.filter((n): n is string => typeof n === "string") : [],
      selected: typeof view.selected === "string" ? view.selected : null,
      panel: PANELS.includes(view.panel as PanelTab) ? (view.panel as PanelTab) : undefined,
    },
  };
}

/** Decode `#s=…` (with or without the `#`); null for anything that is not a valid share fragment. */
export async function decodeShareFragment(hash: string): Promise<SharedState | null> {
  const h = hash.startsWith("#") ? hash : `#${hash}`;
  if (!h.startsWith(FRAGMENT_PREFIX)) return null;
  const json = await unpack(h.slice(FRAGMENT_PREFIX.length));
  if (json === null) return null;
  try {
    return asSharedState(JSON.parse(json));
  } catch {
    return null;
  }
}

/** Put a shared state into the store: text, requests, samples and view, replacing what was there. */
export function applySharedState(state: SharedState): void {
  const st = useStore.getState();
  st.setText(state.yaml, "load", state.fileName);
  useStore.setState({ request: state.request, outcome: null, samples: [] });
  for (const s of state.samples) useStore.getState().addSample(s.label, s.request);
  st.setTheme(state.view.theme);
  useStore.setState({ collapsed: [...state.view.collapsed] });
  if (state.view.panel) st.setPanel(state.view.panel);
  st.select(state.view.selected, "panel");
  // The link did its job: drop it from the address bar so a reload opens the (saved) workspace,
  // which now holds the same text, and later edits are not silently reverted.
  if (typeof history !== "undefined" && typeof location !== "undefined" && location.hash.startsWith(FRAGMENT_PREFIX)) {
    history.replaceState(null, "", `${location.pathname}${location.search}`);
  }
}
