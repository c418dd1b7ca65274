/**
 * The palette: add a new resource to the YAML with sensible defaults (palette.ts, src/edit's
 * defaults) — attached to the selected Gateway or listener, sending to a Service of its namespace —
 * then select it and open the Inspector on it.
 */
import { useEffect, useRef, useState } from "react";
import { useStore } from "../store";
import { commitEdit, loadEditModule } from "../edit/commit";
import { newResourceFor, PALETTE, type PaletteItem } from "../edit/palette";
import { indexOf } from "../panels/snapshotIndex";
import { showNotice } from "../toolbar/notice";
import { settled } from "../store/sync";
import { loadParser, objectOf, snapshotText } from "../panels/resourceObjects";
import { num, recs, specOf } from "../panels/kinds/read";

async function add(item: PaletteItem): Promise<void> {
  await loadParser();
  const st = useStore.getState();
  const ix = indexOf(st.good);
  const selected = st.selected ? (ix.nodes.get(st.selected) ?? null) : null;
  const known = snapshotText(st) !== null;
  const portOf = (id: string) => (known ? (num(recs(specOf(objectOf(st.good, id)).ports)[0]?.port) ?? undefined) : undefined);
  const { resource, id } = newResourceFor(item, { nodes: st.good?.graph.nodes ?? [], selected, portOf });
  const r = await commitEdit({ op: "createResource", resource });
  if (!r.ok) return;
  showNotice(`Added ${item.kind} ${resource.name}`);
  await settled();
  const now = useStore.getState();
  if (indexOf(now.good).nodes.has(id)) now.select(id, "panel");
  now.setPanel("inspector");
}

export function Palette() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    void loadEditModule();
    const close = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener("pointerdown", close, true);
    return () => window.removeEventListener("pointerdown", close, true);
  }, [open]);
  return (
    <div className="sy-palette" ref={box}>
      <button type="button" className="sy-palette-btn" data-testid="palette-button" aria-expanded={open} title="Add a resource to the YAML" onClick={() => setOpen(!open)}>
        + Add
      </button>
      {open ? (
        <div className="sy-palette-menu" role="menu" data-testid="palette">
          {PALETTE.map((p) => (
            <button
              key={p.kind}
              type="button"
              role="menuitem"
              data-testid={`palette-${p.kind}`}
              onClick={() => {
                setOpen(false);
                void add(p);
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
