/**
 * The keyboard shortcuts, defined once: the key handler and the help overlay both read this table.
 */
import { useStore } from "../store";
import { runSimulation } from "../panels/simulate";
import { exportYaml, focusCanvasSearch, copyShareLink, openFilePicker, tidyLayout, toggleTheme } from "./actions";
import { findShortcut, isTypingTarget } from "./keys";

export interface Shortcut {
  /** Combination as shown to users and parsed by the matcher, e.g. `Ctrl+Shift+S`. */
  keys: string;
  description: string;
  run: () => void;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: "?", description: "Show or hide this list of shortcuts", run: () => useStore.getState().setHelpOpen(!useStore.getState().helpOpen) },
  { keys: "Ctrl+Enter", description: "Run the simulation (Simulator tab)", run: () => {
    useStore.getState().setPanel("simulator");
    void runSimulation();
  } },
  { keys: "Alt+1", description: "Inspector tab", run: () => useStore.getState().setPanel("inspector") },
  { keys: "Alt+2", description: "Simulator tab", run: () => useStore.getState().setPanel("simulator") },
  { keys: "Alt+3", description: "Status tab", run: () => useStore.getState().setPanel("status") },
  { keys: "/", description: "Search the graph", run: focusCanvasSearch },
  { keys: "Ctrl+S", description: "Download the YAML", run: exportYaml },
  { keys: "Ctrl+Shift+S", description: "Copy a share link", run: () => void copyShareLink() },
  { keys: "Ctrl+O", description: "Open YAML files", run: openFilePicker },
  { keys: "Alt+L", description: "Tidy the graph layout (lay it out again from scratch)", run: tidyLayout },
  { keys: "Alt+T", description: "Switch between light and dark theme", run: toggleTheme },
  { keys: "Escape", description: "Close this help or an open menu", run: () => useStore.getState().setHelpOpen(false) },
];

/** The window key handler: the first matching shortcut runs and the browser's default is stopped. */
export function onShortcutKey(e: KeyboardEvent): void {
  if (e.isComposing || e.repeat) return;
  const typing = isTypingTarget(e.target);
  // Escape while typing belongs to the field (Monaco closes its suggestions with it) unless help is open.
  if (e.key === "Escape" && (typing || !useStore.getState().helpOpen)) return;
  const s = findShortcut(SHORTCUTS, e, typing);
  if (!s) return;
  e.preventDefault();
  e.stopPropagation();
  s.run();
}

/** Install the handler (capture phase, so Monaco does not take Ctrl+Enter first); returns the uninstaller. */
export function installShortcuts(): () => void {
  window.addEventListener("keydown", onShortcutKey, true);
  return () => window.removeEventListener("keydown", onShortcutKey, true);
}
