/**
 * Key-combination matching for the shortcut table, kept pure (no DOM) so it is unit-tested.
 * `Ctrl` also matches ⌘ on macOS. For symbol keys (`?`, `/`) Shift is part of typing the symbol
 * on many layouts, so it is not compared.
 */

/** The parts of a KeyboardEvent the matcher reads. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface Combo {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

/** `"Ctrl+Shift+S"` → `{ ctrl, alt, shift, key: "S" }`; the key is the last part (`"Ctrl++"` is Ctrl and `+`). */
export function parseCombo(keys: string): Combo {
  const parts = keys === "+" ? ["+"] : keys.endsWith("++") ? [...keys.slice(0, -2).split("+"), "+"] : keys.split("+");
  const key = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1).map((m) => m.toLowerCase()));
  return { ctrl: mods.has("ctrl"), alt: mods.has("alt"), shift: mods.has("shift"), key };
}

const isSymbol = (k: string) => k.length === 1 && !/[a-z0-9]/i.test(k);

export function comboMatches(c: Combo, e: KeyLike): boolean {
  if ((e.ctrlKey || e.metaKey) !== c.ctrl || e.altKey !== c.alt) return false;
  if (!isSymbol(c.key) && e.shiftKey !== c.shift) return false;
  if (/^[0-9]$/.test(c.key)) return e.key === c.key || e.code === `Digit${c.key}`;
  // Letters by physical key too: with Alt on macOS, e.key is a special character.
  if (/^[a-z]$/i.test(c.key)) return e.key.toLowerCase() === c.key.toLowerCase() || e.code === `Key${c.key.toUpperCase()}`;
  return e.key === c.key;
}

/** Whether a key press happens while the user types: inputs, text areas, editable content, Monaco. */
export function isTypingTarget(t: EventTarget | null): boolean {
  const el = t as { tagName?: string; isContentEditable?: boolean; closest?: (s: string) => unknown } | null;
  if (!el || typeof el.tagName !== "string") return false;
  if (el.isContentEditable) return true;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)) return true;
  return typeof el.closest === "function" && !!el.closest(".monaco-editor");
}

/**
 * The entry of a table a key press triggers, if any. While typing, only Ctrl combinations count
 * (`?` or `/` are text there).
 */
export function findShortcut<T extends { keys: string }>(table: readonly T[], e: KeyLike, typing: boolean): T | undefined {
  for (const s of table) {
    const c = parseCombo(s.keys);
    if (typing && !c.ctrl) continue;
    if (comboMatches(c, e)) return s;
  }
  return undefined;
}
