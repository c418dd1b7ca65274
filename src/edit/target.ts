import type { Resource } from "../model/resource";
import type { Target } from "./types";

/** The target of an edit of a parsed resource, with the hints that find its document without a scan. */
export function targetOf(r: Pick<Resource, "kind" | "name" | "namespace" | "source">): Target {
  return { kind: r.kind, name: r.name, namespace: r.namespace, doc: r.source.docIndex, offset: r.source.offset };
}
