/**
 * Route attachment to Service parents: the mesh (GAMMA) side of CommonRouteSpec.parentRefs.
 *
 * Spec text this implements (GEP-1294 "xRoutes Mesh Binding", gateway-api.sigs.k8s.io/mesh, and the
 * ParentReference field descriptions of the HTTPRoute CRD):
 * - parentRefs: "For Services, that means the Service must either be in the same namespace for a
 *   "producer" route, or the mesh implementation must support and allow "consumer" routes for the
 *   referenced Service. ReferenceGrant is not applicable for governing ParentRefs to Services".
 * - GEP-1294 "Namespace boundaries": "A route is a producer route when the parentRef refers to a
 *   service in the same namespace. This route SHOULD apply to all incoming requests to the service
 *   [...] A route is a consumer route when the parentRef refers to a service in another namespace.
 *   Unlike producer routes, consumer routes are scoped only the same namespace."
 * - GEP-1294 "Ports": "If port is set, the implementation MUST associate the route only with that
 *   port. If port is not set, the implementation MUST associate the route with all ports defined in
 *   the Service." ParentReference.sectionName: "Service: Port name. When both Port (experimental)
 *   and SectionName are specified, the name and port of the selected port must match both".
 * - GEP-1294 "Allowed service types": "Headless Services SHOULD NOT be supported as a parentRef,
 *   because they do not implement the "frontend" functionality of a service"; "Service resources
 *   with type: ExternalName SHOULD NOT be allowed as parentRefs".
 * - GEP-1294 "hostnames field": "GAMMA implementations SHOULD NOT infer any functionality from the
 *   hostnames field on xRoutes".
 * Reasons: a parent that cannot be attached to gets Accepted=False/NoMatchingParent (the reason the
 * spec gives for a parentRef that selects nothing), as for Gateway parents.
 */
import type { PathSegment } from "../model/source";
import type { Resource } from "../model/resource";
import { cond } from "../model/status";
import { GATEWAY_X_GROUP } from "../model/kinds";
import { normalizeGroup } from "../model/ids";
import { type Ctx, type ParentState, type RouteState, arr, isRecord, str } from "./context";
import { relation } from "./shared";

/** Written to RouteParentStatus.controllerName for Service parents when the input has no XMesh. */
export const MESH_CONTROLLER_NAME = "switchyard.dev/simulated-mesh";

/** The mesh's controller name per run: the first XMesh's `spec.controllerName`, else the default. */
const controllerNames = new WeakMap<Ctx, string>();

/** XMesh.spec.controllerName: "the name of a controller that is managing Gateway API resources for mesh traffic management". */
export function meshControllerName(ctx: Ctx): string {
  let name = controllerNames.get(ctx);
  if (name === undefined) {
    name = MESH_CONTROLLER_NAME;
    for (const r of ctx.envResources) {
      if (r.kind === "XMesh" && r.group === GATEWAY_X_GROUP && r.known && str(r.spec?.controllerName)) {
        name = str(r.spec.controllerName);
        break;
      }
    }
    controllerNames.set(ctx, name);
  }
  return name;
}

/** Whether a parentRef (as written) names a Service: group "" (or "core") and kind Service. */
export function isServiceParentRef(raw: unknown): boolean {
  return isRecord(raw) && raw.group !== undefined && normalizeGroup(str(raw.group)) === "" && raw.kind === "Service";
}

/**
 * Whether every parentRef of a route names a Service (a mesh-only route). GEP-1294 "Namespace
 * boundaries": "Routes of either type can send traffic to backendRefs in any namespace. Unlike
 * Gateway bound routes, this is allowed without a ReferenceGrant." A route that also has a Gateway
 * parent still needs grants, for its Gateway traffic.
 */
export function isMeshOnlyRoute(res: Resource): boolean {
  const refs = arr(res.spec?.parentRefs);
  if (refs.length === 0) return false;
  for (let i = 0; i < refs.length; i++) if (!isServiceParentRef(refs[i])) return false;
  return true;
}

/** A port of a Service's spec (`spec.ports[]`). */
interface ServicePort {
  port: number;
  name: string;
}

function servicePorts(svc: Resource): ServicePort[] {
  const out: ServicePort[] = [];
  for (const p of arr(svc.spec?.ports)) if (isRecord(p) && typeof p.port === "number") out.push({ port: p.port, name: str(p.name) });
  return out;
}

/** Attach a route through one Service parentRef (the view's group is "" and kind Service). */
export function attachToService(ctx: Ctx, rs: RouteState, ps: ParentState, path: PathSegment[]): void {
  const view = ps.view;
  const { namespace, name, sectionName, port } = view;
  const svc = ctx.get("", "Service", namespace, name);
  const to = svc ? ctx.key(svc) : `Service/${namespace}/${name}`;
  const service = `${namespace}/${name}`;
  view.controllerName = meshControllerName(ctx);
  const section = sectionName ?? (port !== undefined ? String(port) : undefined);
  const fail = (at: PathSegment[], message: string, severity: "error" | "warning" = "error"): void => {
    view.accepted = false;
    view.reason = "NoMatchingParent";
    ps.accepted = cond("Accepted", false, "NoMatchingParent", message);
    ctx.relate(relation("meshParent", rs.view.key, to, false, path, "NoMatchingParent", section));
    if (ps.distinct) ctx.report(rs.res, at, severity, "NoMatchingParent", `${rs.res.kind} ${rs.res.namespace}/${rs.res.name} parentRef ${view.ref}: ${message}`);
  };
  let ports: number[] | null;
  if (!svc) {
    if (ctx.hasServices) {
      fail(path, `Service ${service} is not in the input`, "warning");
      return;
    }
    // Routes pasted without their Services: assume the Service exists (as backend-refs.ts does).
    ctx.assume("service-exists", `the input holds no Service; Service ${service} (a mesh parent) is assumed to exist`, [to]);
    ports = port !== undefined ? [port] : null;
  } else {
    const type = str(svc.spec?.type);
    if (type === "ExternalName") {
      fail(path, `Service ${service} is of type ExternalName, which has no frontend to attach routes to (GEP-1294: ExternalName Services SHOULD NOT be allowed as parentRefs)`);
      return;
    }
    if (str(svc.spec?.clusterIP) === "None") {
      fail(path, `Service ${service} is headless (clusterIP: None): it has no frontend (cluster IP) to attach routes to (GEP-1294: headless Services SHOULD NOT be supported as a parentRef)`);
      return;
    }
    const declared = servicePorts(svc);
    if (sectionName !== undefined || port !== undefined) {
      const hit = declared.find((p) => (sectionName === undefined || p.name === sectionName) && (port === undefined || p.port === port));
      if (!hit && (declared.length > 0 || sectionName !== undefined)) {
        const what = sectionName !== undefined && port !== undefined ? `named ${sectionName} with port ${port}` : sectionName !== undefined ? `named ${sectionName}` : String(port);
        const have = declared.map((p) => (p.name ? `${p.name}:${p.port}` : String(p.port))).join(", ") || "none";
        fail([...path, sectionName !== undefined ? "sectionName" : "port"], `Service ${service} has no port ${what} (its ports: ${have})`);
        return;
      }
      ports = [hit ? hit.port : (port as number)];
    } else {
      ports = declared.length > 0 ? [...new Set(declared.map((p) => p.port))] : null;
    }
  }
  const consumer = rs.res.namespace !== namespace;
  view.mesh = { role: consumer ? "consumer" : "producer", service, ports };
  view.accepted = true;
  view.reason = "Accepted";
  const where = ports === null ? "all its ports" : ports.length === 1 ? `port ${ports[0]}` : `ports ${ports.join(", ")}`;
  const scope = consumer
    ? `a consumer route: it applies only to requests from clients in namespace ${rs.res.namespace}`
    : "a producer route: it applies to requests from clients in every namespace (unless their namespace has consumer routes for it)";
  ps.accepted = cond("Accepted", true, "Accepted", `attached to Service ${service} (${where}) as ${scope}`);
  ctx.relate(relation("meshParent", rs.view.key, to, true, path, undefined, section));
  if (ps.distinct && rs.view.hostnames.length > 0 && firstServiceParent(rs, ps)) {
    ctx.report(rs.res, ["spec", "hostnames"], "info", "mesh-hostnames-ignored", `${rs.res.kind} ${rs.res.namespace}/${rs.res.name}: hostnames play no part for its Service parents (GEP-1294: GAMMA implementations SHOULD NOT infer any functionality from the hostnames field)`);
  }
}

/** Whether `ps` is the route's first Service parent (one note per route). */
function firstServiceParent(rs: RouteState, ps: ParentState): boolean {
  for (const p of rs.parents) {
    if (p === ps) return true;
    if (p && p.view.kind === "Service" && p.view.group === "") return false;
  }
  return true;
}
