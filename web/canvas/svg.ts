/**
 * The whole drawn graph as a standalone SVG document, built from the flow (positions, nodes, edges)
 * rather than from the DOM: React Flow renders only what is on screen, and an export must hold
 * everything. Pure (no DOM), so it is unit-tested; export.ts adds the colours of the current theme.
 */
import { getBezierPath, Position } from "@xyflow/react";
import type { Flow } from "./toFlow";
import type { FlowNode, ResourceNode } from "./flowTypes";
import { listenerFacts } from "./nodes/kinds";

/** Colours of the drawing (CSS values). */
export interface SvgColors {
  bg: string;
  fg: string;
  muted: string;
  panel: string;
  border: string;
  accent: string;
  ok: string;
  warn: string;
  bad: string;
  edge: string;
  roles: Record<string, string>;
}

export const LIGHT: SvgColors = {
  bg: "#f6f7f9",
  fg: "#1d232b",
  muted: "#5e6b7a",
  panel: "#ffffff",
  border: "#d5dbe3",
  accent: "#2f6fde",
  ok: "#1f8a4c",
  warn: "#b7791f",
  bad: "#c53030",
  edge: "#8a96a6",
  roles: { class: "#7c5cc4", gateway: "#2f6fde", listenerset: "#2f6fde", listener: "#178a94", route: "#c2571a", service: "#1f8a4c", grant: "#a07a12", policy: "#b03a8c", core: "#6b7785", other: "#6b7785" },
};

const PAD = 20;

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Cut text to what fits `width` px at ~`px` per character. */
function fit(s: string, width: number, px = 6.6): string {
  const n = Math.max(1, Math.floor(width / px));
  return s.length <= n ? s : `${s.slice(0, Math.max(1, n - 1))}…`;
}

function detailOf(n: ResourceNode): string {
  const g = n.data.g;
  const d = g.data;
  if (g.kind === "Listener") {
    const f = listenerFacts(d);
    return `${f.port} ${f.protocol} ${f.hostname}${f.tls ? (f.tls === "Passthrough" ? " TLS→" : " TLS") : ""}`;
  }
  if (g.role === "route") {
    const rules = Array.isArray(d.ruleSummaries) ? (d.ruleSummaries as string[]) : [];
    const hosts = Array.isArray(d.hostnames) ? (d.hostnames as string[]) : [];
    return [hosts.join(", "), rules.join(" | ")].filter(Boolean).join(" · ");
  }
  if (g.role === "gateway" && typeof d.className === "string") return `class ${d.className}`;
  return "";
}

function nodeSvg(n: FlowNode, c: SvgColors): string {
  const x = n.position.x;
  const y = n.position.y;
  const w = n.width ?? 0;
  const h = n.height ?? 0;
  if (n.type === "nsgroup") {
    return `<g class="ns"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${c.border}" fill-opacity="0.18" stroke="${c.border}"${n.data.defined ? "" : ' stroke-dasharray="4 3"'}/><text x="${x + 8}" y="${y + 15}" font-size="11" font-weight="600" fill="${c.muted}">${esc(fit(`${n.data.collapsed ? "▸" : "▾"} ${n.data.namespace}`, w - 16))}</text></g>`;
  }
  const level = n.type === "summary" ? n.data.level : n.data.g.status.level;
  const stroke = level === "error" ? c.bad : level === "warning" ? c.warn : c.border;
  const role = n.type === "summary" ? c.muted : (c.roles[n.data.g.role] ?? c.muted);
  const kind = n.type === "summary" ? "Namespace" : n.data.g.kind;
  const name = n.type === "summary" ? n.data.namespace : n.data.g.name;
  const detail = n.type === "summary" ? n.data.kinds.map(([k, m]) => `${m} ${k}`).join(" · ") : detailOf(n);
  const dashed = n.type === "summary" || !n.data.g.defined ? ' stroke-dasharray="4 3"' : "";
  const id = n.type === "summary" ? n.id : n.data.g.id;
  const parts = [`<g class="node" data-id="${esc(id)}" data-status="${level}">`, `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${c.panel}" stroke="${stroke}"${dashed}/>`, `<rect x="${x}" y="${y}" width="4" height="${h}" fill="${role}"/>`];
  const header = n.type !== "summary" && n.data.ports ? n.data.handleY * 2 : h;
  const compact = header < 40;
  if (compact) {
    const kindW = kind.length * 6 + 6;
    parts.push(`<text x="${x + 10}" y="${y + header / 2 + 4}" font-size="10" font-weight="600" fill="${role}">${esc(kind === "Listener" ? "" : kind)}</text>`);
    const nx = kind === "Listener" ? x + 10 : x + 10 + kindW;
    const text = kind === "Listener" ? `${name} ${detail}` : name;
    const small = kind === "Listener";
    parts.push(`<text x="${nx}" y="${y + header / 2 + 4}" font-size="${small ? 10 : 12}" font-weight="600" fill="${c.fg}">${esc(fit(text, x + w - 8 - nx, small ? 5.6 : 6.6))}</text>`);
  } else {
    parts.push(`<text x="${x + 10}" y="${y + 16}" font-size="10" font-weight="600" fill="${role}">${esc(kind)}</text>`);
    parts.push(`<text x="${x + 10 + kind.length * 6 + 6}" y="${y + 16}" font-size="12" font-weight="600" fill="${c.fg}">${esc(fit(name, w - 24 - kind.length * 6))}</text>`);
    if (detail) parts.push(`<text x="${x + 10}" y="${y + 33}" font-size="11" fill="${c.muted}">${esc(fit(detail, w - 18, 6))}</text>`);
  }
  if (level !== "ok") parts.push(`<circle cx="${x + w - 10}" cy="${y + 10}" r="5" fill="${stroke}"/>`);
  parts.push("</g>");
  return parts.join("");
}

function handleY(n: FlowNode): number {
  return n.data.handleY;
}

/** The whole flow as an SVG document (UTF-8 text). */
export function flowToSvg(flow: Flow, c: SvgColors = LIGHT): string {
  const b = flow.bounds;
  const vx = b.x - PAD;
  const vy = b.y - PAD;
  const vw = Math.max(1, b.width + 2 * PAD);
  const vh = Math.max(1, b.height + 2 * PAD);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${vw}" height="${vh}" viewBox="${vx} ${vy} ${vw} ${vh}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`);
  out.push(`<rect x="${vx}" y="${vy}" width="${vw}" height="${vh}" fill="${c.bg}"/>`);
  for (const n of flow.nodes) if (n.type === "nsgroup") out.push(nodeSvg(n, c));
  out.push('<g class="edges" fill="none">');
  const labels: string[] = [];
  for (const e of flow.edges) {
    const s = flow.byId.get(e.source);
    const t = flow.byId.get(e.target);
    if (!s || !t || !e.data) continue;
    const sx = s.position.x + (s.width ?? 0);
    const sy = s.position.y + handleY(s);
    const right = e.targetHandle === "right";
    const tx = t.position.x + (right ? (t.width ?? 0) : 0);
    const ty = t.position.y + handleY(t);
    const [path, lx, ly] = getBezierPath({ sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, sourcePosition: Position.Right, targetPosition: right ? Position.Right : Position.Left, curvature: 0.3 });
    const stroke = !e.data.ok ? c.bad : e.data.kind === "backendRef" ? c.roles.service : e.data.kind === "parentRef" || e.data.kind === "meshParent" ? c.roles.listener : e.data.kind === "targetRef" ? c.roles.policy : c.edge;
    const dash = !e.data.ok ? ' stroke-dasharray="5 4"' : e.data.cross ? ' stroke-dasharray="8 3"' : e.data.kind === "meshParent" ? ' stroke-dasharray="7 3 1 3"' : "";
    out.push(`<path data-edge="${esc(e.data.testId)}" d="${path}" stroke="${stroke}" stroke-width="${e.data.refs.length > 1 ? 2.5 : 1.5}"${dash}/>`);
    if (e.data.label) {
      const w = Math.ceil(e.data.label.length * 6.2) + 8;
      labels.push(`<g transform="translate(${lx} ${ly})"><rect x="${-w / 2}" y="-8" width="${w}" height="16" rx="4" fill="${c.panel}" stroke="${c.border}"/><text text-anchor="middle" dy="4" font-size="11" fill="${e.data.ok ? c.fg : c.bad}">${esc(e.data.label)}</text></g>`);
    }
  }
  out.push("</g>");
  for (const n of flow.nodes) if (n.type !== "nsgroup") out.push(nodeSvg(n, c));
  out.push(...labels);
  out.push("</svg>");
  return out.join("\n");
}
