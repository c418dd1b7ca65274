/**
 * Where objects name other objects (DESIGN principle 3: one relation per reference kind), as paths
 * into a resource: what a rename has to follow. Each reference has the defaults its Gateway API type
 * gives an omitted group and kind; an omitted namespace is the referring object's own.
 */
import { GATEWAY_GROUP } from "../model/kinds";
import { normalizeGroup } from "../model/ids";
import type { Path, Value } from "./types";

/** An object being renamed: its group, kind, effective namespace ("" for cluster-scoped) and old name. */
export interface Renamed {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

interface RefSite {
  path: (string | "*")[];
  group: string;
  kind: string;
}

const G = GATEWAY_GROUP;
const RULE_FILTERS = [
  ["spec", "rules", "*", "filters", "*"],
  ["spec", "rules", "*", "backendRefs", "*", "filters", "*"],
];
const CA = { group: "", kind: "ConfigMap" };

/** Reference sites, with their types' defaults (ParentReference: Gateway; BackendRef: Service; SecretObjectReference: Secret). */
const SITES: RefSite[] = [
  { path: ["spec", "parentRefs", "*"], group: G, kind: "Gateway" },
  { path: ["spec", "parentRef"], group: G, kind: "Gateway" },
  { path: ["spec", "rules", "*", "backendRefs", "*"], group: "", kind: "Service" },
  ...RULE_FILTERS.map((p) => ({ path: [...p, "requestMirror", "backendRef"], group: "", kind: "Service" })),
  ...RULE_FILTERS.map((p) => ({ path: [...p, "extensionRef"], group: "", kind: "" })),
  { path: ["spec", "listeners", "*", "tls", "certificateRefs", "*"], group: "", kind: "Secret" },
  { path: ["spec", "listeners", "*", "tls", "frontendValidation", "caCertificateRefs", "*"], ...CA },
  { path: ["spec", "tls", "frontend", "default", "validation", "caCertificateRefs", "*"], ...CA },
  { path: ["spec", "tls", "frontend", "perPort", "*", "tls", "validation", "caCertificateRefs", "*"], ...CA },
  { path: ["spec", "tls", "backend", "clientCertificateRef"], group: "", kind: "Secret" },
  { path: ["spec", "infrastructure", "parametersRef"], group: "", kind: "" },
  { path: ["spec", "parametersRef"], group: "", kind: "" },
  { path: ["spec", "targetRef"], group: "", kind: "" },
  { path: ["spec", "targetRefs", "*"], group: "", kind: "" },
  { path: ["spec", "validation", "caCertificateRefs", "*"], ...CA },
  // ReferenceGrantTo: the referent lives in the grant's namespace; a grant without a name covers all.
  { path: ["spec", "to", "*"], group: "", kind: "" },
];

type Obj = { [k: string]: unknown };

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Every value at a path pattern (`*` runs over a list), with its concrete path. */
function each(v: unknown, pattern: (string | "*")[], at: Path, out: [Path, unknown][]): void {
  if (!pattern.length) {
    out.push([at, v]);
    return;
  }
  const [head, ...rest] = pattern;
  if (head === "*") {
    if (Array.isArray(v)) v.forEach((x, i) => each(x, rest, [...at, i], out));
  } else if (isObj(v) && head in v) each(v[head], rest, [...at, head], out);
}

function sites(obj: unknown): [Path, Obj, RefSite][] {
  const out: [Path, Obj, RefSite][] = [];
  for (const site of SITES) {
    const found: [Path, unknown][] = [];
    each(obj, site.path, [], found);
    for (const [p, v] of found) if (isObj(v)) out.push([p, v, site]);
  }
  return out;
}

function refersTo(ref: Obj, site: RefSite, selfNs: string, r: Renamed): boolean {
  if (ref.name !== r.name) return false;
  const group = normalizeGroup(typeof ref.group === "string" ? ref.group : site.group);
  const kind = typeof ref.kind === "string" ? ref.kind : site.kind;
  if (group !== r.group || kind !== r.kind) return false;
  return !r.namespace || (typeof ref.namespace === "string" ? ref.namespace : selfNs) === r.namespace;
}

/** The fields of one resource (`obj`, in namespace `selfNs`) that name `r`, with the values they must take. */
export function renameUpdates(obj: unknown, selfNs: string, r: Renamed, newName: string): [Path, Value][] {
  const out: [Path, Value][] = [];
  if (r.kind === "Namespace" && r.group === "") return namespaceUpdates(obj, r.name, newName);
  for (const [p, ref, site] of sites(obj)) if (refersTo(ref, site, selfNs, r)) out.push([[...p, "name"], newName]);
  const spec = isObj(obj) && isObj(obj.spec) ? obj.spec : null;
  if (r.kind === "GatewayClass" && r.group === G && spec?.gatewayClassName === r.name) out.push([["spec", "gatewayClassName"], newName]);
  return out;
}

/** References to a listener by `sectionName` (parentRefs, policy targetRefs) of the Gateway or ListenerSet `r`. */
export function sectionUpdates(obj: unknown, selfNs: string, r: Renamed, oldSection: string, newSection: string): [Path, Value][] {
  const out: [Path, Value][] = [];
  for (const [p, ref, site] of sites(obj)) if (ref.sectionName === oldSection && refersTo(ref, site, selfNs, r)) out.push([[...p, "sectionName"], newSection]);
  return out;
}

const NS_LABEL = "kubernetes.io/metadata.name";

/**
 * A Namespace renamed: objects in it, explicit `namespace` fields of references into it,
 * ReferenceGrant `from` entries, and listener selectors on its `kubernetes.io/metadata.name` label.
 */
function namespaceUpdates(obj: unknown, old: string, next: string): [Path, Value][] {
  const out: [Path, Value][] = [];
  if (isObj(obj) && isObj(obj.metadata) && obj.metadata.namespace === old) out.push([["metadata", "namespace"], next]);
  for (const [p, ref] of sites(obj)) if (ref.namespace === old) out.push([[...p, "namespace"], next]);
  const found: [Path, unknown][] = [];
  each(obj, ["spec", "from", "*"], [], found);
  for (const [p, v] of found) if (isObj(v) && v.namespace === old) out.push([[...p, "namespace"], next]);
  const sel: [Path, unknown][] = [];
  each(obj, ["spec", "listeners", "*", "allowedRoutes", "namespaces", "selector", "matchLabels"], [], sel);
  for (const [p, v] of sel) if (isObj(v) && v[NS_LABEL] === old) out.push([[...p, NS_LABEL], next]);
  return out;
}
