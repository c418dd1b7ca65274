/** The shortcut table: what the issue asks for is there, combos are unique, and the handler obeys "typing". */
import { describe, expect, it, beforeEach } from "vitest";
import { useStore } from "../store";
import { SHORTCUTS, onShortcutKey } from "./shortcuts";
import { parseCombo } from "./keys";

interface FakeKey {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  target?: unknown;
}

/** A keydown as the handler reads it; reports whether the browser default was stopped. */
function press(k: FakeKey): boolean {
  let stopped = false;
  const e = { metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, isComposing: false, repeat: false, target: null, ...k, preventDefault: () => (stopped = true), stopPropagation: () => undefined };
  onShortcutKey(e as unknown as KeyboardEvent);
  return stopped;
}

const input = { tagName: "INPUT", closest: () => null };

describe("SHORTCUTS", () => {
  it("has the shortcuts the issue names, each once", () => {
    const keys = SHORTCUTS.map((s) => s.keys);
    for (const k of ["?", "Ctrl+Enter", "Alt+1", "Alt+2", "Alt+3", "/", "Ctrl+S", "Ctrl+Shift+S"]) expect(keys).toContain(k);
    expect(new Set(keys.map((k) => JSON.stringify(parseCombo(k)))).size).toBe(keys.length);
    for (const s of SHORTCUTS) expect(s.description.length).toBeGreaterThan(5);
  });
  it("lists the tidy-layout shortcut (the help overlay reads this table)", () => {
    expect(SHORTCUTS.find((s) => s.keys === "Alt+L")?.description).toMatch(/^Tidy the graph layout/);
  });
});

describe("onShortcutKey", () => {
  beforeEach(() => useStore.setState({ panel: "inspector", helpOpen: false }));

  it.each<[string, FakeKey, "inspector" | "simulator" | "status", boolean]>([
    ["Alt+2 switches tabs", { key: "2", altKey: true }, "simulator", true],
    ["Alt+3 switches tabs", { key: "3", altKey: true }, "status", true],
    ["Alt+2 while typing is text", { key: "2", altKey: true, target: input }, "inspector", false],
    // Ctrl combinations work while typing: Ctrl+Enter in the URL field runs the simulation.
    ["Ctrl+Enter while typing", { key: "Enter", ctrlKey: true, target: input }, "simulator", true],
    ["an unbound key does nothing", { key: "q" }, "inspector", false],
  ])("%s", (_name, k, panel, stopped) => {
    expect(press(k)).toBe(stopped);
    expect(useStore.getState().panel).toBe(panel);
  });

  it("? toggles the help overlay, but not while typing; Escape closes it", () => {
    expect(press({ key: "?", shiftKey: true, target: input })).toBe(false);
    expect(useStore.getState().helpOpen).toBe(false);
    press({ key: "?", shiftKey: true });
    expect(useStore.getState().helpOpen).toBe(true);
    press({ key: "Escape" });
    expect(useStore.getState().helpOpen).toBe(false);
    // Escape with no overlay open is left to whatever has focus.
    expect(press({ key: "Escape" })).toBe(false);
  });
});
