/**
 * The mirrored cluster as configuration text: one YAML document per object, in a stable order
 * (kinds in the registry's order — classes, gateways, routes, grants, sets, policies, services —
 * then namespace, then name), so the engine parses it like any pasted file (DESIGN principle 10),
 * its spans and diagnostics point into the text the editor shows, and a change of one object only
 * changes (and re-parses) that object's document. Each object's YAML is cached by identity: the
 * mirror replaces an object when it changes, so unchanged objects are never dumped again.
 *
 * What the text leaves out: `status` (the controller's report, kept beside it for comparison, see
 * {@link reportedOf}) and the bookkeeping metadata that changes on every write (uid,
 * resourceVersion, timestamps). Secrets arrive as metadata only (their data never leaves the proxy):
 * they are marked with METADATA_ONLY_ANNOTATION, so the engine treats them as present with
 * contents unknown, and says so.
 */
import jsyaml from "js-yaml";
import { KINDS } from "../../src/model/kinds";
import { METADATA_ONLY_ANNOTATION } from "../../src/model/annotations";
import { refKey } from "../../src/model/ids";
import { METADATA_ONLY_KINDS, type ClusterObject } from "../../src/server/cluster/types";
import type { Reported } from "../store/cluster";

const KIND_ORDER = new Map(KINDS.map((k, i) => [k.kind, i]));
/** Metadata that is bookkeeping, not configuration (it changes on every write, status updates included). */
const DROPPED_META = new Set(["uid", "resourceVersion", "creationTimestamp", "managedFields", "selfLink"]);

const yamlOf = new WeakMap<ClusterObject, string>();

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Sort key pieces: kinds we model first in registry order, unknown kinds after, alphabetically. */
function compare(a: ClusterObject, b: ClusterObject): number {
  const ka = KIND_ORDER.get(a.kind) ?? KINDS.length;
  const kb = KIND_ORDER.get(b.kind) ?? KINDS.length;
  if (ka !== kb) return ka - kb;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** The object as configuration: no status, no bookkeeping metadata; Secrets marked metadata-only. */
export function configurationOf(o: ClusterObject): Record<string, unknown> {
  const { status: _status, apiVersion, kind, metadata, ...rest } = o;
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) if (!DROPPED_META.has(k)) meta[k] = v;
  if (METADATA_ONLY_KINDS.includes(kind) && !("data" in o) && !("stringData" in o)) {
    meta.annotations = { ...(isRecord(meta.annotations) ? meta.annotations : {}), [METADATA_ONLY_ANNOTATION]: "contents not read from the cluster" };
  }
  return { apiVersion, kind, metadata: meta, ...rest };
}

/** One object's YAML document (without the `---` line), cached per object. */
export function objectYaml(o: ClusterObject): string {
  let y = yamlOf.get(o);
  if (y === undefined) {
    // lineWidth -1: no folding, so a value stays on the line the editor and diagnostics show.
    y = jsyaml.dump(configurationOf(o), { noRefs: true, lineWidth: -1, sortKeys: false });
    yamlOf.set(o, y);
  }
  return y;
}

/** The objects in the text's order. */
export function ordered(objects: Iterable<ClusterObject>): ClusterObject[] {
  return [...objects].sort(compare);
}

/** The configuration text of the mirrored objects: one document per object, stable order. */
export function renderCluster(objects: Iterable<ClusterObject>): string {
  const list = ordered(objects);
  if (list.length === 0) return "";
  let out = "";
  for (const o of list) out += `---\n${objectYaml(o)}`;
  return out;
}

/** Each object's reported status by graph id (`Kind/ns/name`), for the comparison with ours. */
export function reportedOf(objects: Iterable<ClusterObject>): Map<string, Reported> {
  const out = new Map<string, Reported>();
  for (const o of objects) {
    const generation = typeof o.metadata.generation === "number" ? o.metadata.generation : undefined;
    out.set(refKey({ kind: o.kind, namespace: o.metadata.namespace ?? "", name: o.metadata.name }), generation === undefined ? { status: o.status } : { status: o.status, generation });
  }
  return out;
}
