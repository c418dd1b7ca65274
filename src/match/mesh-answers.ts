/**
 * Mesh (GAMMA) answers that involve no route: the Service's default behaviour, a request straight
 * to a Pod, and a Service frontend that cannot take the request.
 *
 * gateway-api.sigs.k8s.io/mesh, "Request Flow": "If there are no associated Routes, the request is
 * always allowed, and the foo workload itself is considered the destination workload" ("usually
 * resulting in the request being forwarded as if the mesh were not present"). GEP-1294 "Multiple
 * routes for a Service": "when a request is sent to a Service frontend (ex: curl svc), it should
 * utilize a Route bound to that Service. However, when sent to a Service backend (ex: curl pod-ip),
 * it would not."
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import { arr } from "../controller/context";
import type { MeshIndex, MeshService } from "./mesh-index";
import type { NormalizedRequest } from "./normalize";
import { bareOutcome } from "./respond";
import type { Trace } from "./trace";

/** `ns/name` ("name" alone means namespace "default", as kubectl does). */
export function nsKey(s: string): string {
  return s.includes("/") ? s : `default/${s}`;
}

/** The request reaches the Service's own endpoints (its selector's Pods). */
export function toService(svc: MeshService, port: number, req: NormalizedRequest, t: Trace, why: string): Outcome {
  if (t.on) {
    const selector = svc.resource && !svc.resource.spec?.selector ? "; the Service has no selector, so which endpoints answer depends on its EndpointSlices (not in the configuration)" : "";
    t.add("backend", `${why}: the request goes to the Service's own endpoints, as if the mesh were not there${selector}`, [svc.frontend.ref]);
  }
  const out = bareOutcome(req, 200, null, t);
  out.backend = svc.key;
  out.backends = [{ namespace: svc.namespace, name: svc.name, port, weight: 1, probability: 1 }];
  return out;
}

/** Kinds whose Pods a `mesh.pod` target may name, in the order they are looked up. */
const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod"];

/** A request to a Pod IP of a workload: no Service frontend, so no mesh route applies. */
export function toPod(model: Model, pod: string, port: number, req: NormalizedRequest, t: Trace): Outcome {
  const key = nsKey(pod);
  let kind: string | undefined;
  for (const k of WORKLOAD_KINDS) {
    if (model.byKey.has(`${k}/${key}`)) {
      kind = k;
      break;
    }
  }
  if (t.on) {
    const ref = `${kind ?? "Pod"}/${key}`;
    const found = kind ? `a Pod of ${kind} ${key}` : `a Pod of workload ${key} (not in the configuration)`;
    t.add("mesh", `request straight to ${found} on port ${port}, by Pod IP: no Service frontend is involved, so no mesh route applies (GEP-1294: a request sent to a Service backend, e.g. a Pod IP, does not use the Routes bound to the Service)`, [ref]);
  }
  const out = bareOutcome(req, 200, null, t);
  const slash = key.indexOf("/");
  out.backend = key;
  out.backends = [{ namespace: key.slice(0, slash), name: key.slice(slash + 1), port, weight: 1, probability: 1, kind: kind ?? "Pod" }];
  return out;
}

/**
 * Why the Service frontend cannot take the request at all (the Outcome then), else null. A
 * headless Service has no frontend either, but its name resolves to Pod IPs: `headless` says so and
 * the caller answers with the Service's endpoints.
 */
export function frontendProblem(svc: MeshService, idx: MeshIndex, port: number, req: NormalizedRequest, t: Trace): Outcome | null {
  const res = svc.resource;
  if (!res) {
    if (!idx.hasServices) {
      if (t.on) t.add("mesh", `Service ${svc.key} is not in the configuration, which holds no Service at all: assumed to exist`, [svc.frontend.ref]);
      return null;
    }
    if (t.on) t.add("mesh", `Service ${svc.key} is not in the configuration: its name does not resolve, the client gets no answer`, [svc.frontend.ref]);
    return refused(req, t, `no Service ${svc.key}: the name does not resolve`);
  }
  if (res.spec?.type === "ExternalName") {
    // GEP-1294 "Allowed service types": ExternalName Services SHOULD NOT be parentRefs; the name is a DNS alias.
    if (t.on) t.add("mesh", `Service ${svc.key} is of type ExternalName: its name is a DNS alias of ${String(res.spec?.externalName ?? "?")}, outside the mesh's routing; what answers is not simulated`, [svc.frontend.ref]);
    return bareOutcome(req, 0, null, t);
  }
  const ports = arr(res.spec?.ports);
  if (ports.length > 0 && !ports.some((p) => p && typeof p === "object" && (p as { port?: unknown }).port === port)) {
    const have = ports.map((p) => (p && typeof p === "object" ? String((p as { port?: unknown }).port) : "?")).join(", ");
    if (t.on) t.add("mesh", `Service ${svc.key} has no port ${port} (its ports: ${have}): the connection is refused`, [svc.frontend.ref]);
    return refused(req, t, `Service ${svc.key} has no port ${port}`);
  }
  return null;
}

/** Whether a Service is headless (`clusterIP: None`): no frontend, its name resolves to Pod IPs. */
export function isHeadless(svc: MeshService): boolean {
  return svc.resource?.spec?.clusterIP === "None";
}

function refused(req: NormalizedRequest, t: Trace, why: string): Outcome {
  // As for a Gateway port nothing listens on (listener.ts): 404 with the reason no HTTP answer comes.
  const out = bareOutcome(req, 404, null, t);
  out.connectionError = why;
  return out;
}
