/**
 * A ListenerSet: the Gateway it adds listeners to, and each listener as written (port, protocol,
 * hostname, TLS) with its computed status (accepted, conflicts, attached routes) — the listeners
 * merge into the Gateway and share its address.
 */
import type { GraphEdge, GraphNode } from "../../../src/graph";
import type { ListenerStatus } from "../../../src/model/status";
import { conditionHealth } from "../../../src/graph/health";
import { NodeLink } from "../NodeLink";
import { num, rec, recs, specOf, str, type Obj } from "./read";

function health(st: ListenerStatus | undefined): "ok" | "warning" | "error" {
  if (!st) return "warning";
  const levels = st.conditions.map(conditionHealth);
  return levels.includes("error") ? "error" : levels.includes("warning") ? "warning" : "ok";
}

export function ListenerSetDetails({ node, obj, edges, listeners }: { node: GraphNode; obj: Obj | null; edges: GraphEdge[]; listeners: ListenerStatus[] }) {
  const spec = specOf(obj);
  const parent = rec(spec.parentRef);
  const parentId = parent ? `${str(parent.kind) || "Gateway"}/${str(parent.namespace) || node.namespace}/${str(parent.name)}` : (typeof node.data.gateway === "string" ? node.data.gateway : "");
  const written = recs(spec.listeners);
  // Listener nodes this set declares (edges `listener` from the set), by listener name.
  const nodeOf = new Map<string, string>();
  for (const e of edges) if (e.type === "listener" && e.from === node.id) nodeOf.set(e.to.slice(e.to.lastIndexOf("/") + 1).replace(/@.*$/, ""), e.to);
  return (
    <section className="insp-section" data-testid="insp-listeners">
      <h4>Adds listeners to</h4>
      <p className="small">{parentId ? <NodeLink id={parentId} /> : <span className="muted">no parentRef</span>}</p>
      <h4>Listeners ({written.length})</h4>
      <table className="kv">
        <tbody>
          {written.map((l, i) => {
            const name = str(l.name);
            const st = listeners.find((x) => x.name === name);
            const tls = rec(l.tls);
            const h = health(st);
            const id = nodeOf.get(name);
            const problems = st?.conditions.filter((c) => conditionHealth(c) !== "ok") ?? [];
            return (
              <tr key={i} data-testid="insp-listener" data-status={h}>
                <th>{id ? <NodeLink id={id} label={name} /> : name}</th>
                <td>
                  {str(l.protocol)} {num(l.port) ?? "?"}
                  {str(l.hostname) ? ` · ${str(l.hostname)}` : " · any hostname"}
                  {tls ? ` · TLS ${str(tls.mode) || "Terminate"}` : ""}
                  <div className="muted small">
                    {st ? `${st.attachedRoutes} attached route${st.attachedRoutes === 1 ? "" : "s"}` : "no status"}
                    {problems.map((c) => (
                      <span key={c.type} className={conditionHealth(c) === "error" ? "bad" : "warn"}>
                        {" "}
                        · {c.type}={c.status} {c.reason}
                      </span>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
