/**
 * What a mesh (GAMMA) outcome means: the call's way in (client namespace → Service port), and
 * whether a route bound to that Service decided it — a producer route (the Service's namespace,
 * for every client) or a consumer route (the client's namespace, for its own clients) — or no route
 * applied and the Service's own endpoints answer.
 */
import type { Outcome } from "../../src/model/outcome";
import type { SimRequest } from "../../src/model/request";
import { clientNamespaceOf } from "./modes";
import { NodeLink } from "./NodeLink";

/** Producer or consumer, from the route's and the Service's namespaces (GEP-1294 "Namespace boundaries"). */
export function meshRole(route: string, service: string): "producer" | "consumer" {
  const routeNs = route.split("/")[1] ?? "";
  const serviceNs = service.split("/")[0] ?? "";
  return routeNs === serviceNs ? "producer" : "consumer";
}

export function MeshFacts({ request, outcome: o }: { request: SimRequest; outcome: Outcome }) {
  const mesh = request.mesh ?? {};
  const to = mesh.service ?? mesh.pod ?? "";
  const from = clientNamespaceOf(mesh.client);
  const role = o.route && mesh.service ? meshRole(o.route, mesh.service) : null;
  return (
    <div className="kv-block mesh-facts" data-testid="sim-mesh">
      <p className="small">
        Mesh call {from ? <>from namespace <b>{from}</b> </> : "from a client in no given namespace "}
        to {mesh.service ? "Service" : "Pod"} <NodeLink id={`Service/${to}`} label={to} />
        {mesh.port !== undefined ? `, port ${mesh.port}` : ""}.{" "}
        {o.statusCode !== 0 && !o.connectionError && (
          <span data-testid="sim-mesh-route">
            {role === "producer" && <>Decided by the producer route <NodeLink id={o.route!} />, which applies to every client.</>}
            {role === "consumer" && <>Decided by the consumer route <NodeLink id={o.route!} />, which applies only to clients in its namespace.</>}
            {!role && o.statusCode < 400 && <>No route is bound to this Service port for this client: the Service's own endpoints answer.</>}
          </span>
        )}
      </p>
    </div>
  );
}
