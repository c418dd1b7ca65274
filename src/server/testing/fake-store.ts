/**
 * The state of the fake Kubernetes API server: installed kinds (what discovery shows), objects with
 * an etcd-like global resourceVersion, the history of changes that watches replay, and compaction
 * (resourceVersions before the compaction point are "too old": 410 Gone).
 */

/** A kind the fake can serve. */
export interface FakeKind {
  group: string;
  kind: string;
  /** Versions served, most preferred first. */
  versions: string[];
  plural: string;
  namespaced: boolean;
}

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface HistoryEvent {
  rv: number;
  kindKey: string;
  type: WatchEventType;
  object: Record<string, unknown>;
}

type Obj = Record<string, unknown> & { metadata: Record<string, unknown> };

/** `group/Kind`. */
export const fakeKindKey = (group: string, kind: string) => `${group}/${kind}`;

function plural(kind: string): string {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return k.slice(0, -1) + "ies";
  if (k.endsWith("s") || k.endsWith("sh")) return k + "es";
  return k + "s";
}

const fk = (group: string, kind: string, versions: string[], namespaced = true): FakeKind => ({ group, kind, versions, plural: plural(kind), namespaced });
const G = "gateway.networking.k8s.io";
const X = "gateway.networking.x-k8s.io";

/** Core kinds, always served. */
export const CORE_KINDS: FakeKind[] = [fk("", "Namespace", ["v1"], false), fk("", "Service", ["v1"]), fk("", "Secret", ["v1"]), fk("", "ConfigMap", ["v1"])];

/** A typical cluster with the standard channel installed (TCP/UDP routes and x-k8s kinds absent). */
export const DEFAULT_GATEWAY_KINDS: FakeKind[] = [
  fk(G, "GatewayClass", ["v1", "v1beta1"], false),
  fk(G, "Gateway", ["v1", "v1beta1"]),
  fk(G, "HTTPRoute", ["v1", "v1beta1"]),
  fk(G, "GRPCRoute", ["v1"]),
  fk(G, "TLSRoute", ["v1alpha2"]),
  fk(G, "ReferenceGrant", ["v1beta1"]),
  fk(G, "ListenerSet", ["v1"]),
  fk(G, "BackendTLSPolicy", ["v1"]),
];

/** Kinds a test may install later. */
export const OPTIONAL_KINDS: FakeKind[] = [fk(G, "TCPRoute", ["v1alpha2"]), fk(G, "UDPRoute", ["v1alpha2"]), fk(X, "XListenerSet", ["v1alpha1"]), fk(X, "XBackendTrafficPolicy", ["v1alpha1"])];

export class FakeStore {
  readonly kinds = new Map<string, FakeKind>();
  readonly objects = new Map<string, Map<string, Obj>>();
  readonly history: HistoryEvent[] = [];
  rv = 1000;
  compactedRv = 0;
  private uid = 0;
  /** Called for every change (the server forwards them to open watches). */
  onChange: (e: HistoryEvent) => void = () => {};

  constructor(kinds: FakeKind[] = DEFAULT_GATEWAY_KINDS) {
    for (const k of [...CORE_KINDS, ...kinds]) this.install(k);
  }

  install(k: FakeKind): void {
    this.kinds.set(fakeKindKey(k.group, k.kind), k);
  }

  uninstall(group: string, kind: string): void {
    this.kinds.delete(fakeKindKey(group, kind));
  }

  /** The kind an apiVersion/kind pair names (installed or known), or undefined. */
  kindOf(apiVersion: string, kind: string): FakeKind | undefined {
    const i = apiVersion.lastIndexOf("/");
    const group = i === -1 ? "" : apiVersion.slice(0, i);
    const key = fakeKindKey(group, kind);
    return this.kinds.get(key) ?? [...CORE_KINDS, ...DEFAULT_GATEWAY_KINDS, ...OPTIONAL_KINDS].find((k) => fakeKindKey(k.group, k.kind) === key);
  }

  private bucket(key: string): Map<string, Obj> {
    let b = this.objects.get(key);
    if (!b) this.objects.set(key, (b = new Map()));
    return b;
  }

  /** Create or replace an object (ADDED or MODIFIED); returns the stored copy. */
  apply(input: Record<string, unknown>): Obj {
    const obj = structuredClone(input) as Obj;
    const kind = this.kindOf(String(obj.apiVersion ?? ""), String(obj.kind ?? ""));
    if (!kind || typeof obj.metadata?.name !== "string") throw new Error(`fake apiserver: cannot store ${String(obj.kind)}`);
    const key = fakeKindKey(kind.group, kind.kind);
    const ns = kind.namespaced ? String(obj.metadata.namespace ?? "default") : "";
    if (kind.namespaced) obj.metadata.namespace = ns;
    else delete obj.metadata.namespace;
    const id = `${ns}/${obj.metadata.name}`;
    const old = this.bucket(key).get(id);
    obj.metadata.uid = old?.metadata.uid ?? `uid-${++this.uid}`;
    obj.metadata.creationTimestamp = old?.metadata.creationTimestamp ?? new Date(0).toISOString();
    obj.metadata.generation = (Number(old?.metadata.generation) || 0) + 1;
    obj.metadata.resourceVersion = String(++this.rv);
    this.bucket(key).set(id, obj);
    this.record({ rv: this.rv, kindKey: key, type: old ? "MODIFIED" : "ADDED", object: obj });
    return obj;
  }

  /** Delete an object; false when it did not exist. */
  delete(group: string, kind: string, namespace: string, name: string): boolean {
    const key = fakeKindKey(group, kind);
    const b = this.bucket(key);
    const id = `${namespace}/${name}`;
    const old = b.get(id);
    if (!old) return false;
    b.delete(id);
    const gone = structuredClone(old);
    gone.metadata.resourceVersion = String(++this.rv);
    this.record({ rv: this.rv, kindKey: key, type: "DELETED", object: gone });
    return true;
  }

  /** Forget history up to now: watches from an older resourceVersion get 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
    this.history.length = 0;
  }

  /** Objects of a kind, sorted by namespace/name, optionally in one namespace. */
  list(key: string, namespace?: string): Obj[] {
    const b = this.objects.get(key);
    if (!b) return [];
    return [...b.entries()]
      .filter(([, o]) => namespace === undefined || o.metadata.namespace === namespace)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => o);
  }

  get(key: string, namespace: string, name: string): Obj | undefined {
    return this.objects.get(key)?.get(`${namespace}/${name}`);
  }

  private record(e: HistoryEvent): void {
    this.history.push(e);
    this.onChange(e);
  }
}
