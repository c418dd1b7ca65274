/**
 * Drag-to-connect on the canvas. The selected route (or ListenerSet, or policy) shows a grip at its
 * right edge; dragging it — or a rule's grip in the inspector — draws a line to the pointer, rings
 * the node under it when the drop means something (route → Gateway or listener: a parentRef, with
 * sectionName for a listener; route or rule → Service: a backendRef; policy → its target), and on
 * release writes the reference into the YAML. A route with several rules asks which one.
 */
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useInternalNode, useStore as useFlowStore, ViewportPortal } from "@xyflow/react";
import { useLiveData } from "./liveFlow";
import { useStore } from "../store";
import { commitEdit } from "../edit/commit";
import { startConnect } from "../edit/connectDrag";
import { showNotice } from "../toolbar/notice";
import { dropTarget, planDrop } from "./connectDrop";
import type { Edit } from "../../src/edit/types";
import type { ResourceData } from "./flowTypes";

const SOURCES = new Set(["route", "listenerset", "policy"]);

/** The id of the graph node under a screen point (the topmost drawn node element). */
function nodeAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const n = (el as HTMLElement).closest?.(".react-flow__node [data-id]");
    if (n) return n.getAttribute("data-id");
  }
  return null;
}

/** The grip on the selected node, in the flow's coordinates. */
function Grip({ id }: { id: string }) {
  const n = useInternalNode(id);
  const zoom = useFlowStore((s) => s.transform[2]);
  const data = useLiveData("node", id, n?.data as ResourceData | undefined);
  if (!n || !data?.g || !data.g.defined || !SOURCES.has(data.g.role)) return null;
  const { x, y } = n.internals.positionAbsolute;
  const w = n.measured.width ?? n.width ?? 0;
  return (
    <ViewportPortal>
      <div
        className="sy-connect-grip nodrag nopan"
        style={{ transform: `translate(${x + w}px, ${y + data.handleY}px) scale(${Math.max(1, 1 / zoom)}) translate(-50%, -50%)`, transformOrigin: "0 0" }}
        title="Drag onto a Gateway, a listener or a Service to add a reference"
        data-testid="connect-grip"
        onPointerDown={(e) => startConnect(id, undefined, e)}
      >
        ⇢
      </div>
    </ViewportPortal>
  );
}

interface Choice {
  x: number;
  y: number;
  options: readonly string[];
  edit: (i: number) => Edit;
  what: string;
}

async function drop(from: string, rule: number | undefined, to: string, x: number, y: number, choose: (c: Choice) => void): Promise<void> {
  const plan = await planDrop(from, rule, to);
  if ("error" in plan) return showNotice(plan.error, "error");
  if ("choose" in plan) return choose({ x, y, options: plan.choose, edit: plan.edit, what: plan.what });
  const r = await commitEdit(plan.edit);
  if (r.ok) showNotice(plan.what);
}

/** The line being dragged, the ring on the target, and the rule chooser (screen coordinates). */
function DragOverlay() {
  const c = useStore((s) => s.connecting);
  const [pos, setPos] = useState<{ x: number; y: number } | null>(null);
  const [ring, setRing] = useState<DOMRect | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);

  // The drag's identity: `connecting` itself changes as the pointer moves over nodes.
  const from = c?.from ?? null;
  const rule = c?.rule;
  useEffect(() => {
    if (from === null) return;
    let over: string | null = null;
    const move = (e: PointerEvent) => {
      setPos({ x: e.clientX, y: e.clientY });
      const id = nodeAt(e.clientX, e.clientY);
      const target = dropTarget(from, id);
      const next = target?.id ?? null;
      if (next !== over) {
        over = next;
        const el = next ? document.querySelector(`.react-flow__node [data-id="${CSS.escape(next)}"]`) : null;
        setRing(el ? el.getBoundingClientRect() : null);
        const cur = useStore.getState().connecting;
        if (cur) useStore.getState().setConnecting({ ...cur, over: next });
      }
    };
    const end = (e: PointerEvent) => {
      cleanup();
      const target = over;
      if (target && e.type === "pointerup") void drop(from, rule, target, e.clientX, e.clientY, setChoice);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") cleanup();
    };
    const cleanup = () => {
      window.removeEventListener("pointermove", move, true);
      window.removeEventListener("pointerup", end, true);
      window.removeEventListener("pointercancel", end, true);
      window.removeEventListener("keydown", key, true);
      setPos(null);
      setRing(null);
      useStore.getState().setConnecting(null);
    };
    window.addEventListener("pointermove", move, true);
    window.addEventListener("pointerup", end, true);
    window.addEventListener("pointercancel", end, true);
    window.addEventListener("keydown", key, true);
    return () => {
      window.removeEventListener("pointermove", move, true);
      window.removeEventListener("pointerup", end, true);
      window.removeEventListener("pointercancel", end, true);
      window.removeEventListener("keydown", key, true);
    };
  }, [from, rule]);

  useEffect(() => {
    if (!choice) return;
    const key = (e: KeyboardEvent) => e.key === "Escape" && setChoice(null);
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, [choice]);

  return createPortal(
    <>
      {c && pos ? (
        <svg className="sy-connect-line" data-testid="connect-line">
          <line x1={c.x0} y1={c.y0} x2={pos.x} y2={pos.y} />
          {ring ? <rect x={ring.x - 3} y={ring.y - 3} width={ring.width + 6} height={ring.height + 6} rx={8} /> : null}
        </svg>
      ) : null}
      {choice ? (
        <div className="sy-rule-chooser" style={{ left: choice.x, top: choice.y }} role="menu" data-testid="rule-chooser">
          <div className="muted small">{choice.what}</div>
          {choice.options.map((o, i) => (
            <button
              key={i}
              type="button"
              role="menuitem"
              data-testid={`rule-choice-${i}`}
              onClick={() => {
                setChoice(null);
                void commitEdit(choice.edit(i)).then((r) => r.ok && showNotice(`backendRef added to rule ${i}`));
              }}
            >
              rule {i}: {o}
            </button>
          ))}
          <button type="button" className="muted" onClick={() => setChoice(null)}>
            cancel
          </button>
        </div>
      ) : null}
    </>,
    document.body,
  );
}

/** Place inside <ReactFlow>. */
export function ConnectLayer() {
  const selected = useStore((s) => s.selected);
  return (
    <>
      {selected ? <Grip id={selected} /> : null}
      <DragOverlay />
    </>
  );
}
