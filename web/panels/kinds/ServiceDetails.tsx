/**
 * A Service: its ports, the mesh routes attached to it as a parent (GAMMA: producer routes from
 * its own namespace apply to every client, consumer routes from other namespaces to their own
 * clients), the routes that send it traffic, and the policies that target it.
 */
import type { GraphEdge, GraphNode } from "../../../src/graph";
import { NodeLink } from "../NodeLink";
import { meshRole } from "../MeshFacts";
import { num, recs, specOf, str, type Obj } from "./read";

export function ServiceDetails({ node, obj, edges }: { node: GraphNode; obj: Obj | null; edges: GraphEdge[] }) {
  const ports = recs(specOf(obj).ports);
  const mesh = edges.filter((e) => e.type === "meshParent" && e.to === node.id);
  const backendOf = [...new Set(edges.filter((e) => (e.type === "backendRef" || e.type === "mirror") && e.to === node.id).map((e) => e.from))];
  const policies = edges.filter((e) => e.type === "targetRef" && e.to === node.id);
  const service = `${node.namespace}/${node.name}`;
  return (
    <>
      {ports.length > 0 && (
        <section className="insp-section">
          <h4>Ports</h4>
          <table className="kv">
            <tbody>
              {ports.map((p, i) => (
                <tr key={i}>
                  <th>{str(p.name) || `#${i}`}</th>
                  <td>
                    {num(p.port) ?? "?"}
                    {p.targetPort !== undefined ? ` → ${str(p.targetPort)}` : ""} {str(p.protocol) || "TCP"}
                    {str(p.appProtocol) ? ` · ${str(p.appProtocol)}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="insp-section" data-testid="insp-mesh-routes">
        <h4>Mesh routes ({mesh.length})</h4>
        {mesh.length === 0 ? (
          <p className="muted small">No route has this Service as its parent: calls to it go straight to its endpoints.</p>
        ) : (
          <ul className="plain">
            {mesh.map((e) => {
              const role = meshRole(e.from, service);
              return (
                <li key={e.id} className={e.ok ? "" : "bad"}>
                  <NodeLink id={e.from} /> <span className="muted">{e.section ? `port ${e.section}` : "all ports"}</span> ·{" "}
                  <span title={role === "producer" ? "in the Service's namespace: applies to every client" : "in another namespace: applies only to clients of that namespace"}>{role}</span>
                  {!e.ok && e.reason && <span> · {e.reason}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {backendOf.length > 0 && (
        <section className="insp-section">
          <h4>Receives traffic from</h4>
          <ul className="plain">
            {backendOf.map((id) => (
              <li key={id}>
                <NodeLink id={id} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {policies.length > 0 && (
        <section className="insp-section">
          <h4>Policies</h4>
          <ul className="plain">
            {policies.map((e) => (
              <li key={e.id} className={e.ok ? "" : "bad"}>
                <NodeLink id={e.from} />
                {e.section && <span className="muted"> port {e.section}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
