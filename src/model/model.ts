import type { Resource } from "./resource";
import type { ResourceStatus, Condition } from "./status";
import type { Diagnostic } from "./diagnostic";
import type { PathSegment } from "./source";

/**
 * The controller's view of a configuration: every resource, its computed status, which routes
 * attach to which listeners, and every reference as data. Matching and the graph read only this.
 */
export interface Model {
  resources: Resource[];
  /** `Kind/ns/name` → resource (the first one when duplicated). */
  byKey: Map<string, Resource>;
  /** `Kind/ns/name` → computed status. */
  status: Map<string, ResourceStatus>;
  gateways: GatewayView[];
  routes: RouteView[];
  relations: Relation[];
  /** False conditions and reference problems, as diagnostics with source places. */
  diagnostics: Diagnostic[];
  /** What the controller assumed because the input lacked it (a Namespace, a GatewayClass…). */
  assumptions: Assumption[];
  /**
   * The backend policies the controller understands (BackendTLSPolicy, BackendLBPolicy,
   * XBackendTrafficPolicy), in input order, with what each does and for which targets it is in
   * force (GEP-713 precedence applied). Absent in models built before policies were modelled.
   */
  policies?: PolicyView[];
}

export interface Assumption {
  /** e.g. "namespace-exists", "gatewayclass-accepted", "service-exists". */
  code: string;
  message: string;
  refs: string[];
}

export interface TLSConfigView {
  mode: "Terminate" | "Passthrough";
  certificateRefs: { group: string; kind: string; namespace: string; name: string; resolved: boolean; reason?: string }[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw: any;
}

export interface ListenerView {
  /**
   * `ns/gateway/listenerName`; a listener a ListenerSet adds: `ns/gateway/lsNamespace/lsName/listenerName`
   * (names need not be unique across a Gateway and its ListenerSets). See `origin`.
   */
  id: string;
  gatewayKey: string;
  name: string;
  port: number;
  protocol: string;
  hostname: string | null;
  tls: TLSConfigView | null;
  /** `Gateway/ns/name` or `ListenerSet/ns/name`: where the listener is declared. */
  origin: string;
  /** Path of the listener inside its origin resource. */
  path: PathSegment[];
  accepted: boolean;
  programmed: boolean;
  conflicted: boolean;
  resolvedRefs: boolean;
  /** Route kinds the listener accepts (`supportedKinds`). */
  supportedKinds: string[];
  conditions: Condition[];
  /** Routes attached to this listener, in no particular order. */
  routes: RouteAttachment[];
}

export interface RouteAttachment {
  route: RouteView;
  /** Index of the parentRef that produced the attachment. */
  parentIndex: number;
  /** Hostnames effective on this listener (intersection of route and listener hostnames); [] = any. */
  hostnames: string[];
}

export interface GatewayView {
  key: string;
  resource: Resource;
  className: string;
  accepted: boolean;
  programmed: boolean;
  /**
   * The Gateway's own listeners, then those of the ListenerSets naming it as parent, in listener
   * precedence (creationTimestamp, then namespace/name). Listeners of a ListenerSet the Gateway does
   * not allow are included, not accepted (the matcher skips them).
   */
  listeners: ListenerView[];
}

export interface BackendView {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port: number | null;
  weight: number;
  /** Resolved and allowed; otherwise `reason` says why (BackendNotFound, InvalidKind, RefNotPermitted…). */
  valid: boolean;
  reason?: string;
  message?: string;
  /** Filters on the backendRef (HTTPRoute/GRPCRoute). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  filters: any[];
  path: PathSegment[];
}

export interface RuleView {
  index: number;
  name?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw: any;
  backends: BackendView[];
  /** Targets of the rule's RequestMirror filters (rule-level `filters`), resolved like backends. */
  mirrors?: BackendView[];
}

export interface ParentView {
  index: number;
  /** `ns/name[/section][:port]`. */
  ref: string;
  kind: string;
  group: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
  accepted: boolean;
  reason: string;
  /** Listener ids the route attached to through this parentRef. */
  listeners: string[];
  /** For a Service parent (mesh, GAMMA): how the route attaches to it; undefined for other parents. */
  mesh?: MeshAttachment;
  /** Controller that owns this parent (written to RouteParentStatus.controllerName), when known. */
  controllerName?: string;
}

/**
 * A route attached to a Service frontend (GAMMA, GEP-1294). A producer route lives in the Service's
 * namespace and applies to every client; a consumer route lives elsewhere and applies only to
 * clients in its own namespace ("Namespace boundaries").
 */
export interface MeshAttachment {
  role: "producer" | "consumer";
  /** `ns/name` of the Service. */
  service: string;
  /**
   * Service ports the route applies to (GEP-1294 "Ports": `parentRef.port` selects one, no port
   * means all the Service's ports); null = every port (the Service's ports are not known).
   */
  ports: number[] | null;
}

export interface RouteView {
  key: string;
  kind: string;
  resource: Resource;
  hostnames: string[];
  rules: RuleView[];
  parents: ParentView[];
}

export type RelationType =
  | "gatewayClass"
  | "parentRef"
  | "backendRef"
  | "mirror"
  | "targetRef"
  | "certificateRef"
  | "caCertificateRef"
  | "referenceGrant"
  | "listenerSet"
  /** A route's parentRef to a Service (mesh, GAMMA): route → `Service/ns/name`, `section` = the port. */
  | "meshParent";

/** One reference from one object to another, resolved or not (gwctl's topology relations). */
export interface Relation {
  type: RelationType;
  from: string;
  to: string;
  /** Whether the reference is satisfied (target exists and is permitted/attached). */
  ok: boolean;
  reason?: string;
  /** Section (listener name) or port, for parentRefs. */
  section?: string;
  /** Path of the reference inside `from`. */
  path: PathSegment[];
  /** ReferenceGrant that permits a cross-namespace reference, when one does. */
  grant?: string;
  weight?: number;
}

/** SessionPersistence (HTTPRouteRule, GRPCRouteRule, BackendLBPolicy, XBackendTrafficPolicy), defaults applied. */
export interface SessionPersistenceView {
  /** `type`, default Cookie. */
  type: string;
  sessionName: string | null;
  absoluteTimeout: string | null;
  /** Only in older API versions (BackendLBPolicy v1alpha2). */
  idleTimeout: string | null;
  /** `cookieConfig.lifetimeType` (default Session) for cookies; null for headers. */
  lifetimeType: string | null;
}

/** BackendTLSPolicy.spec.validation (v1alpha2's `spec.tls` read into the same shape). */
export interface BackendTLSView {
  /** SNI and, without subjectAltNames, the name the backend certificate must carry. */
  hostname: string;
  /** CA references in the policy's namespace: `ConfigMap/ns/name`, with whether each is usable. */
  caCertificateRefs: { key: string; valid: boolean; reason?: string }[];
  wellKnownCACertificates: string | null;
  /** `Hostname:foo.example.com` or `URI:spiffe://…`. */
  subjectAltNames: string[];
}

/** XBackendTrafficPolicy.spec.retryConstraint with the CRD's defaults. */
export interface RetryConstraintView {
  budgetPercent: number;
  budgetInterval: string;
  minRetryCount: number;
  minRetryInterval: string;
}

/** One targetRef of a policy. */
export interface PolicyTargetView {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  /** `Kind/ns/name` of the target object. */
  key: string;
  /** The target (and its section) exists. */
  found: boolean;
  /** This policy is the one in force for the target and section (GEP-713: the oldest, then by namespace/name). */
  inForce: boolean;
  /** The policy that takes precedence, when this one lost (`Kind/ns/name`). */
  overriddenBy?: string;
}

/** A backend policy as the controller sees it. */
export interface PolicyView {
  /** `Kind/ns/name`. */
  key: string;
  kind: string;
  group: string;
  namespace: string;
  name: string;
  /** Accepted as the policy's status says it (the same on every ancestor). */
  accepted: boolean;
  /** Accepted reason: Accepted, Conflicted, Invalid, TargetNotFound, NoValidCACertificate. */
  reason: string;
  message: string;
  /** `metadata.creationTimestamp` ("" when absent): GEP-713 precedence. */
  created: string;
  targets: PolicyTargetView[];
  /** Ancestor Gateways (`ns/name`), sorted. */
  ancestors: string[];
  tls?: BackendTLSView;
  sessionPersistence?: SessionPersistenceView;
  retryConstraint?: RetryConstraintView;
}
