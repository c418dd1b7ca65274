/**
 * Where a new key goes in a mapping: Kubernetes manifests (and the Gateway API's own examples) write
 * fields in a customary order — `name` before `port`, `matches` before `backendRefs` — so a field
 * added by an edit is placed where a person would have written it. Unknown keys go last.
 */
import type { Path } from "./types";

const REF = ["group", "kind", "name", "namespace", "sectionName", "port", "weight", "filters"];

/** Customary key order by context: the enclosing key (`listeners[]` for an item of `listeners`). */
const ORDER: Record<string, string[]> = {
  "": ["apiVersion", "kind", "metadata", "type", "spec", "data", "stringData", "status"],
  metadata: ["name", "generateName", "namespace", "labels", "annotations"],
  spec: ["gatewayClassName", "controllerName", "parentRef", "parentRefs", "hostnames", "addresses", "infrastructure", "listeners", "tls", "allowedListeners", "targetRef", "targetRefs", "validation", "from", "to", "rules", "selector", "ports"],
  "listeners[]": ["name", "hostname", "port", "protocol", "tls", "allowedRoutes"],
  tls: ["mode", "certificateRefs", "options", "frontend", "backend"],
  frontend: ["default", "perPort"],
  "perPort[]": ["port", "tls"],
  validation: ["caCertificateRefs", "mode", "hostname", "wellKnownCACertificates", "subjectAltNames"],
  allowedRoutes: ["namespaces", "kinds"],
  namespaces: ["from", "selector"],
  "rules[]": ["name", "matches", "filters", "backendRefs", "timeouts", "retry", "sessionPersistence"],
  "matches[]": ["path", "method", "headers", "queryParams"],
  path: ["type", "value"],
  method: ["type", "service", "method"],
  "headers[]": ["type", "name", "value"],
  "queryParams[]": ["type", "name", "value"],
  "filters[]": ["type", "requestHeaderModifier", "responseHeaderModifier", "requestRedirect", "urlRewrite", "requestMirror", "cors", "extensionRef"],
  requestRedirect: ["scheme", "hostname", "path", "port", "statusCode"],
  urlRewrite: ["hostname", "path"],
  requestMirror: ["backendRef", "percent", "fraction"],
  requestHeaderModifier: ["set", "add", "remove"],
  responseHeaderModifier: ["set", "add", "remove"],
  "ports[]": ["name", "protocol", "appProtocol", "port", "targetPort"],
  "parentRefs[]": REF,
  parentRef: REF,
  "backendRefs[]": REF,
  backendRef: REF,
  "certificateRefs[]": REF,
  "caCertificateRefs[]": REF,
  "targetRefs[]": REF,
  targetRef: REF,
  extensionRef: REF,
  "from[]": REF,
  "to[]": REF,
  "kinds[]": REF,
};

/** The rank of `key` inside the mapping at `mapPath` (relative to the resource), or -1 when it has no customary place. */
export function keyRank(mapPath: Path, key: string): number {
  let ctx = "";
  const last = mapPath[mapPath.length - 1];
  if (typeof last === "string") ctx = last;
  else if (typeof last === "number") {
    const list = mapPath[mapPath.length - 2];
    ctx = typeof list === "string" ? `${list}[]` : "";
  }
  const order = ORDER[ctx];
  return order ? order.indexOf(key) : -1;
}
