/** Identity of objects: keys like `Kind/namespace/name` used across the engine, the CLI and the app. */

/** A reference to one object. `namespace` is "" for cluster-scoped kinds. */
export interface ObjectRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects (the trace's `refs` format). */
export function refKey(r: { kind: string; namespace: string; name: string }): string {
  return r.namespace ? `${r.kind}/${r.namespace}/${r.name}` : `${r.kind}/${r.name}`;
}

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function nsName(r: { namespace: string; name: string }): string {
  return r.namespace ? `${r.namespace}/${r.name}` : r.name;
}

/** The core API group is the empty string; Kubernetes also accepts "core" in some refs. */
export function normalizeGroup(group: string | undefined | null): string {
  return !group || group === "core" ? "" : group;
}
