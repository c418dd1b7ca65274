/** The `?` overlay: every keyboard shortcut, straight from the shortcut table. */
import { useEffect, useRef } from "react";
import { useStore } from "../store";
import { SHORTCUTS } from "./shortcuts";

export function HelpOverlay() {
  const open = useStore((s) => s.helpOpen);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" onClick={() => setHelpOpen(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="icon" aria-label="Close" onClick={() => setHelpOpen(false)}>
            ×
          </button>
        </header>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td>
                  {s.keys.split("+").map((k, i) => (
                    <kbd key={i}>{k || "+"}</kbd>
                  ))}
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">While typing in a field or the editor, only the Ctrl combinations work. ⌘ works as Ctrl on macOS.</p>
      </div>
    </div>
  );
}
