/** Shortcut matching, table-driven over key events as browsers deliver them. */
import { describe, expect, it } from "vitest";
import { comboMatches, findShortcut, isTypingTarget, parseCombo, type KeyLike } from "./keys";

const ev = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, code: mods.code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe("parseCombo", () => {
  it.each([
    ["?", { ctrl: false, alt: false, shift: false, key: "?" }],
    ["Ctrl+Shift+S", { ctrl: true, alt: false, shift: true, key: "S" }],
    ["Alt+1", { ctrl: false, alt: true, shift: false, key: "1" }],
    ["Ctrl++", { ctrl: true, alt: false, shift: false, key: "+" }],
  ])("%s", (keys, combo) => {
    expect(parseCombo(keys)).toEqual(combo);
  });
});

describe("comboMatches", () => {
  it.each<[string, KeyLike, boolean]>([
    ["?", ev("?", { shiftKey: true }), true],
    ["?", ev("?"), true],
    ["?", ev("?", { ctrlKey: true }), false],
    ["/", ev("/"), true],
    ["Ctrl+Enter", ev("Enter", { ctrlKey: true }), true],
    ["Ctrl+Enter", ev("Enter", { metaKey: true }), true],
    ["Ctrl+Enter", ev("Enter"), false],
    ["Ctrl+S", ev("s", { ctrlKey: true }), true],
    ["Ctrl+S", ev("S", { ctrlKey: true, shiftKey: true }), false],
    ["Ctrl+Shift+S", ev("S", { ctrlKey: true, shiftKey: true }), true],
    ["Ctrl+Shift+S", ev("s", { ctrlKey: true }), false],
    ["Alt+1", ev("1", { altKey: true }), true],
    ["Alt+1", ev("¡", { altKey: true, code: "Digit1" }), true],
    ["Alt+1", ev("1"), false],
    ["Alt+T", ev("†", { altKey: true, code: "KeyT" }), true],
    ["Escape", ev("Escape"), true],
  ])("%s ← %j: %s", (keys, e, ok) => {
    expect(comboMatches(parseCombo(keys), e)).toBe(ok);
  });
});

describe("findShortcut", () => {
  const table = [{ keys: "?" }, { keys: "/" }, { keys: "Ctrl+Enter" }, { keys: "Alt+2" }];
  it.each<[KeyLike, boolean, string | undefined]>([
    [ev("?", { shiftKey: true }), false, "?"],
    [ev("?", { shiftKey: true }), true, undefined],
    [ev("/"), true, undefined],
    [ev("Enter", { ctrlKey: true }), true, "Ctrl+Enter"],
    [ev("2", { altKey: true }), true, undefined],
    [ev("2", { altKey: true }), false, "Alt+2"],
    [ev("x"), false, undefined],
  ])("%j typing=%s → %s", (e, typing, keys) => {
    expect(findShortcut(table, e, typing)?.keys).toBe(keys);
  });
});

describe("isTypingTarget", () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, closest: () => null, ...extra }) as unknown as EventTarget;
  it.each<[string, EventTarget | null, boolean]>([
    ["input", el("INPUT"), true],
    ["textarea", el("TEXTAREA"), true],
    ["select", el("SELECT"), true],
    ["contenteditable", el("DIV", { isContentEditable: true }), true],
    ["inside Monaco", el("DIV", { closest: (s: string) => (s === ".monaco-editor" ? {} : null) }), true],
    ["button", el("BUTTON"), false],
    ["window", null, false],
  ])("%s", (_n, t, typing) => {
    expect(isTypingTarget(t)).toBe(typing);
  });
});
