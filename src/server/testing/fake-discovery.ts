/** Discovery documents and Status objects of the fake API server, built from its installed kinds. */
import { compareKubeVersions } from "../cluster/versions";
import type { FakeStore } from "./fake-store";

/** A Kubernetes Status (the body of errors and of watch ERROR events). */
export function status(code: number, reason: string, message: string): Record<string, unknown> {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

/** Versions served by a group, most preferred first. */
export function versionsOf(store: FakeStore, group: string): string[] {
  const vs = new Set<string>();
  for (const k of store.kinds.values()) if (k.group === group) for (const v of k.versions) vs.add(v);
  return [...vs].sort(compareKubeVersions);
}

export function apiGroup(store: FakeStore, group: string): Record<string, unknown> | null {
  const versions = versionsOf(store, group);
  if (group === "" || versions.length === 0) return null;
  const gv = (v: string) => ({ groupVersion: `${group}/${v}`, version: v });
  return { kind: "APIGroup", apiVersion: "v1", name: group, versions: versions.map(gv), preferredVersion: gv(versions[0]) };
}

export function apiGroupList(store: FakeStore): Record<string, unknown> {
  const groups = new Set([...store.kinds.values()].map((k) => k.group).filter((g) => g !== ""));
  const list = [...groups].sort().map((g) => apiGroup(store, g));
  // A group the proxy does not want, to show it is ignored.
  list.push({ name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }], preferredVersion: { groupVersion: "apps/v1", version: "v1" } });
  return { kind: "APIGroupList", apiVersion: "v1", groups: list };
}

const VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** The APIResourceList of a group-version, with a status subresource per kind as real servers list. */
export function resourceList(store: FakeStore, group: string, version: string): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [];
  for (const k of store.kinds.values()) {
    if (k.group !== group || !k.versions.includes(version)) continue;
    resources.push({ name: k.plural, singularName: k.kind.toLowerCase(), namespaced: k.namespaced, kind: k.kind, verbs: VERBS });
    resources.push({ name: `${k.plural}/status`, singularName: "", namespaced: k.namespaced, kind: k.kind, verbs: ["get", "patch", "update"] });
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
}
