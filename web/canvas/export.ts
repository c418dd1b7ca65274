/**
 * Export of the whole graph (not just the viewport) for the toolbar:
 *
 * - `exportSvg(): Promise<string>` — a standalone SVG document of everything the canvas draws with
 *   the current filters and collapsed namespaces, in the current theme's colours.
 * - `exportPng(): Promise<Blob>` — the same picture as a PNG (2× scale, reduced for very large
 *   graphs to stay within the browser's canvas limits).
 *
 * Both work offline: the SVG is built from the flow (no DOM capture, nothing fetched), and the PNG
 * is that SVG drawn onto a canvas. They resolve with an empty picture when nothing is loaded.
 */
import { useStore } from "../store";
import { toFlow, type Flow } from "./toFlow";
import { currentFlow } from "./useFlow";
import { flowToSvg, LIGHT, type SvgColors } from "./svg";

/** The flow as the canvas shows it: the drawn one when the canvas is mounted, else built from the store. */
function flowNow(): Flow {
  const drawn = currentFlow();
  if (drawn) return drawn;
  const s = useStore.getState();
  const graph = s.good?.graph ?? { nodes: [], edges: [], groups: [] };
  return toFlow({ graph, positions: s.good?.positions ?? {}, view: { hiddenNamespaces: s.filters.hiddenNamespaces, hiddenKinds: s.filters.hiddenKinds, collapsed: s.good?.collapsed ?? [] } });
}

/** The current theme's colours, read from the CSS variables (defaults when there is no document). */
function themeColors(): SvgColors {
  if (typeof document === "undefined" || typeof getComputedStyle !== "function") return LIGHT;
  const root = getComputedStyle(document.documentElement);
  const canvas = document.querySelector(".sy-canvas");
  const local = canvas ? getComputedStyle(canvas) : root;
  const v = (style: CSSStyleDeclaration, name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const roles: Record<string, string> = {};
  for (const [role, fallback] of Object.entries(LIGHT.roles)) roles[role] = v(local, `--sy-${role === "listenerset" ? "gateway" : role}`, fallback);
  return {
    bg: v(root, "--bg", LIGHT.bg),
    fg: v(root, "--fg", LIGHT.fg),
    muted: v(root, "--muted", LIGHT.muted),
    panel: v(root, "--panel", LIGHT.panel),
    border: v(root, "--border", LIGHT.border),
    accent: v(root, "--accent", LIGHT.accent),
    ok: v(root, "--ok", LIGHT.ok),
    warn: v(root, "--warn", LIGHT.warn),
    bad: v(root, "--bad", LIGHT.bad),
    edge: v(local, "--sy-edge", LIGHT.edge),
    roles,
  };
}

/** The whole graph as an SVG document. */
export async function exportSvg(): Promise<string> {
  return flowToSvg(flowNow(), themeColors());
}

/** Largest canvas side and area the browsers accept. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

/** The whole graph as a PNG image. */
export async function exportPng(): Promise<Blob> {
  const svg = await exportSvg();
  const m = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const w = m ? Number(m[1]) : 1;
  const h = m ? Number(m[2]) : 1;
  const scale = Math.min(2, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_AREA / (w * h)));
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = new Image();
    img.decoding = "async";
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("The graph picture could not be rendered"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(h * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("No 2D canvas available");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
