/** Which key presses are undo and redo. */
import { describe, expect, it } from "vitest";
import { historyKey } from "./keys";

const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}, code = "") => ({ key, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("historyKey", () => {
  const rows: [ReturnType<typeof k>, "undo" | "redo" | null][] = [
    [k("z", { ctrlKey: true }), "undo"],
    [k("Z", { ctrlKey: true, shiftKey: true }), "redo"],
    [k("y", { ctrlKey: true }), "redo"],
    [k("z", { metaKey: true }), "undo"],
    [k("z", { metaKey: true, shiftKey: true }), "redo"],
    // Another layout: the physical Z key.
    [k("w", { ctrlKey: true }, "KeyZ"), "undo"],
    [k("z"), null],
    [k("z", { ctrlKey: true, altKey: true }), null],
    [k("Y", { ctrlKey: true, shiftKey: true }), null],
    [k("s", { ctrlKey: true }), null],
  ];
  for (const [e, want] of rows) it(`${e.ctrlKey ? "Ctrl+" : ""}${e.metaKey ? "Meta+" : ""}${e.shiftKey ? "Shift+" : ""}${e.altKey ? "Alt+" : ""}${e.key}${e.code ? ` (${e.code})` : ""} → ${want}`, () => expect(historyKey(e)).toBe(want));
});
