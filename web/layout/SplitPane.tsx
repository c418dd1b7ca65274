/**
 * Three resizable columns (editor | canvas | side panel). Dividers are dragged with the pointer or
 * moved with the arrow keys; widths persist in local storage.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

const KEY = "switchyard.panes.v1";
const MIN = 220;

function initial(): [number, number] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? "null") as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === "number")) return [v[0], v[1]];
  } catch {
    // fall through to defaults
  }
  return [460, 400];
}

export function SplitPane({ left, center, right }: { left: ReactNode; center: ReactNode; right: ReactNode }) {
  const [[lw, rw], setWidths] = useState<[number, number]>(initial);
  const drag = useRef<{ side: "l" | "r"; x: number; w: number } | null>(null);

  useEffect(() => {
    localStorage.setItem(KEY, JSON.stringify([lw, rw]));
  }, [lw, rw]);

  const onMove = useCallback((e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    setWidths(([l, r]) => (d.side === "l" ? [Math.max(MIN, d.w + dx), r] : [l, Math.max(MIN, d.w - dx)]));
  }, []);
  const onUp = useCallback(() => {
    drag.current = null;
    window.removeEventListener("pointermove", onMove);
  }, [onMove]);
  const start = (side: "l" | "r") => (e: React.PointerEvent) => {
    drag.current = { side, x: e.clientX, w: side === "l" ? lw : rw };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp, { once: true });
  };
  const keys = (side: "l" | "r") => (e: React.KeyboardEvent) => {
    const step = e.key === "ArrowLeft" ? -24 : e.key === "ArrowRight" ? 24 : 0;
    if (!step) return;
    setWidths(([l, r]) => (side === "l" ? [Math.max(MIN, l + step), r] : [l, Math.max(MIN, r - step)]));
  };

  return (
    <div className="split" style={{ gridTemplateColumns: `${lw}px 6px minmax(300px, 1fr) 6px ${rw}px` }}>
      <section className="pane" aria-label="YAML editor">{left}</section>
      <div className="divider" role="separator" aria-orientation="vertical" tabIndex={0} onPointerDown={start("l")} onKeyDown={keys("l")} />
      <section className="pane" aria-label="Graph">{center}</section>
      <div className="divider" role="separator" aria-orientation="vertical" tabIndex={0} onPointerDown={start("r")} onKeyDown={keys("r")} />
      <section className="pane" aria-label="Side panel">{right}</section>
    </div>
  );
}
