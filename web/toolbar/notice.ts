/**
 * A transient toolbar notice ("Link copied", "Opened 3 files"): UI feedback only, so it lives in
 * this tiny external store rather than in the app store, and React reads it with useSyncExternalStore.
 */
import { useSyncExternalStore } from "react";

export interface Notice {
  text: string;
  kind: "ok" | "error";
  /** Extra content to show with it: the share link, for copying by hand when the clipboard is denied. */
  link?: string;
  seq: number;
}

let current: Notice | null = null;
let seq = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function showNotice(text: string, kind: Notice["kind"] = "ok", link?: string, ms = link ? 15_000 : 3_000): void {
  current = { text, kind, link, seq: ++seq };
  if (timer) clearTimeout(timer);
  timer = setTimeout(clearNotice, ms);
  emit();
}

export function clearNotice(): void {
  current = null;
  emit();
}

export function useNotice(): Notice | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
