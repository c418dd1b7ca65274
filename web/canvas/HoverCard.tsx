/**
 * The card shown while the pointer rests on a node: everything the box has no room for (every rule
 * as matches → filters, every hostname, listener facts, the conditions that are not healthy). One
 * card for the whole canvas, fed through a tiny external store so hovering never re-renders the
 * canvas or the nodes.
 */
import { memo, useSyncExternalStore } from "react";
import type { GraphNode } from "../../src/graph";
import { listenerFacts } from "./nodes/kinds";

interface Hover {
  g: GraphNode;
  /** Screen position of the node's bottom-left corner. */
  x: number;
  y: number;
}

let hover: Hover | null = null;
const listeners = new Set<() => void>();

/** Show the card for a node (or hide it with null). */
export function setHover(h: Hover | null): void {
  hover = h;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function str(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function Facts({ g }: { g: GraphNode }) {
  const d = g.data;
  if (g.kind === "Listener") {
    const f = listenerFacts(d);
    return (
      <dl>
        <dt>port</dt>
        <dd>
          {f.port.slice(1)} {f.protocol}
        </dd>
        <dt>hostname</dt>
        <dd>{f.hostname}</dd>
        {f.tls ? (
          <>
            <dt>TLS</dt>
            <dd>{f.tls}</dd>
          </>
        ) : null}
        <dt>attached</dt>
        <dd>{f.attached} routes</dd>
      </dl>
    );
  }
  if (g.role === "route") {
    const hosts = str(d.hostnames);
    const rules = str(d.ruleSummaries);
    return (
      <>
        <div className="sy-card-line">hostnames: {hosts.length ? hosts.join(", ") : "any"}</div>
        <ol start={0} className="sy-card-rules">
          {rules.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ol>
      </>
    );
  }
  if (g.role === "gateway" && typeof d.className === "string") return <div className="sy-card-line">class {d.className}</div>;
  return null;
}

export const HoverCard = memo(function HoverCard() {
  const h = useSyncExternalStore(subscribe, () => hover);
  if (!h) return null;
  const { g } = h;
  return (
    <div className="sy-card" style={{ left: h.x, top: h.y + 6 }} data-testid="canvas-hovercard" role="tooltip">
      <div className="sy-card-head">
        <span className="sy-kind">{g.kind}</span> {g.namespace ? `${g.namespace}/` : ""}
        {g.name}
        {g.defined ? null : <span className="sy-muted"> (not in the YAML)</span>}
      </div>
      <Facts g={g} />
      {g.status.problems.length ? (
        <ul className="sy-card-problems">
          {g.status.problems.map((p, i) => (
            <li key={i} className={`sy-${p.type === "Conflicted" || p.status === "False" ? "bad" : "warn"}`}>
              <b>
                {p.type}={p.status}
              </b>{" "}
              {p.reason}
              {p.scope ? ` [${p.scope}]` : ""}
              {p.message ? <div className="sy-muted">{p.message}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
