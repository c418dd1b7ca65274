/**
 * Which of the wanted kinds the cluster serves, and at which version: the legacy discovery documents
 * (/api/v1, /apis, /apis/GROUP/VERSION). A kind is taken at its group's preferred version when that
 * version serves it, else at the best version (GA > beta > alpha) that does; it must allow list and
 * watch. Names from the documents are checked (DNS-1123) before they are used in paths.
 */
import { kindKey, type WantedKind } from "./catalog";
import { UpstreamError } from "./errors";
import { isApiVersionName, isDns1123Label, isDns1123Subdomain } from "./names";
import type { ReadOnlyClient } from "./transport";
import { compareKubeVersions } from "./versions";

/** A kind as the cluster serves it. */
export interface ServedKind {
  group: string;
  kind: string;
  version: string;
  /** The plural resource name used in paths. */
  resource: string;
  namespaced: boolean;
}

export interface Discovery {
  /** By `group/Kind`; a wanted kind absent here is not installed. */
  served: Map<string, ServedKind>;
}

interface ApiResource {
  name?: unknown;
  kind?: unknown;
  namespaced?: unknown;
  verbs?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The top-level resources of an APIResourceList, by kind (subresources such as `gateways/status` skipped). */
function resourcesByKind(doc: unknown): Map<string, { resource: string; namespaced: boolean }> {
  const out = new Map<string, { resource: string; namespaced: boolean }>();
  const list = isRecord(doc) && Array.isArray(doc.resources) ? (doc.resources as ApiResource[]) : [];
  for (const r of list) {
    if (!isRecord(r) || typeof r.kind !== "string" || !isDns1123Label(r.name)) continue;
    const verbs = Array.isArray(r.verbs) ? r.verbs : ["list", "watch"];
    if (!verbs.includes("list") || !verbs.includes("watch")) continue;
    if (!out.has(r.kind)) out.set(r.kind, { resource: r.name, namespaced: r.namespaced === true });
  }
  return out;
}

/** A group-version document, or null when that one version cannot be read (404/503 of a stale CRD). */
async function groupVersion(client: ReadOnlyClient, path: string): Promise<unknown> {
  try {
    return await client.getJson(path);
  } catch (e) {
    // An unavailable version of one group is not a broken cluster; auth and network errors are.
    if (e instanceof UpstreamError && (e.problem === "not-found" || (e.status !== undefined && e.status >= 500))) return null;
    throw e;
  }
}

/** Run discovery for `wanted`. Throws UpstreamError when the cluster cannot be asked at all. */
export async function discover(client: ReadOnlyClient, wanted: readonly WantedKind[]): Promise<Discovery> {
  const served = new Map<string, ServedKind>();
  const groups = new Set(wanted.map((w) => w.group));
  // group → version → kind → resource
  const docs = new Map<string, { preferred: string | null; versions: Map<string, Map<string, { resource: string; namespaced: boolean }>> }>();

  if (groups.has("")) {
    const core = await client.getJson("/api/v1");
    docs.set("", { preferred: "v1", versions: new Map([["v1", resourcesByKind(core)]]) });
  }
  const list = await client.getJson("/apis");
  const apiGroups = isRecord(list) && Array.isArray(list.groups) ? list.groups : [];
  for (const g of apiGroups) {
    if (!isRecord(g) || !isDns1123Subdomain(g.name) || !groups.has(g.name)) continue;
    const versions = new Map<string, Map<string, { resource: string; namespaced: boolean }>>();
    const vs = Array.isArray(g.versions) ? g.versions : [];
    for (const v of vs) {
      if (!isRecord(v) || !isApiVersionName(v.version)) continue;
      const doc = await groupVersion(client, `/apis/${g.name}/${v.version}`);
      if (doc !== null) versions.set(v.version, resourcesByKind(doc));
    }
    const pref = isRecord(g.preferredVersion) && isApiVersionName(g.preferredVersion.version) ? g.preferredVersion.version : null;
    docs.set(g.name, { preferred: pref, versions });
  }

  for (const w of wanted) {
    const doc = docs.get(w.group);
    if (!doc) continue;
    const candidates = [...doc.versions.keys()].filter((v) => doc.versions.get(v)?.has(w.kind));
    if (candidates.length === 0) continue;
    const version = doc.preferred && candidates.includes(doc.preferred) ? doc.preferred : candidates.sort(compareKubeVersions)[0];
    const r = doc.versions.get(version)!.get(w.kind)!;
    served.set(kindKey(w), { group: w.group, kind: w.kind, version, resource: r.resource, namespaced: r.namespaced });
  }
  return { served };
}

/** The path of a kind's collection across all namespaces. */
export function collectionPath(k: ServedKind): string {
  return k.group === "" ? `/api/${k.version}/${k.resource}` : `/apis/${k.group}/${k.version}/${k.resource}`;
}
