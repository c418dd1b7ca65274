import type { SourceNode, PathSegment } from "../model/source";
import { nodeAt } from "../model/source";
import { kindInfo, splitApiVersion } from "../model/kinds";
import type { Resource } from "../model/resource";
import type { Problem } from "./problem";
import { fastParse } from "./fastYaml";
import { slowParse } from "./slowYaml";
import { validateSchema } from "./schema";
import { crdRuleErrors } from "./cel";

/** Limits that keep hostile input from exhausting memory or the stack. */
export const LIMITS = {
  /** Largest document we parse. */
  maxDocumentBytes: 32 * 1024 * 1024,
  /** Deepest nesting of collections. */
  maxDepth: 64,
  /** Alias expansions per document (a "billion laughs" needs many). */
  maxAliasCount: 100,
};

/** A resource read from a document, before it is placed in a file (no file, index or offset yet). */
export type ResourceTemplate = Omit<Resource, "source"> & {
  tree: SourceNode | null;
  itemPath: PathSegment[];
  /** `group/Kind/ns/name`, computed once, to find objects defined twice. */
  identity: string;
};

/** Everything learned from one document's text; position-independent, so it can be cached by text. */
export interface DocResult {
  resources: ResourceTemplate[];
  problems: Problem[];
}

/** Parse one document and turn it into resources. Never throws. */
export function parseChunk(text: string): DocResult {
  try {
    return parseChunkUnsafe(text);
  } catch (e) {
    return { resources: [], problems: [{ severity: "error", code: "internal", message: `could not read this document: ${String(e)}`, start: 0, end: 0 }] };
  }
}

function parseChunkUnsafe(text: string): DocResult {
  if (text.length > LIMITS.maxDocumentBytes) {
    return { resources: [], problems: [{ severity: "error", code: "too-large", message: `document is larger than ${LIMITS.maxDocumentBytes} bytes`, start: 0, end: 0 }] };
  }
  const fast = fastParse(text, LIMITS.maxDepth);
  let value: unknown;
  let tree: SourceNode | null;
  const problems: Problem[] = [];
  if (fast) {
    value = fast.value;
    tree = fast.tree;
  } else {
    const slow = slowParse(text, LIMITS.maxAliasCount);
    problems.push(...slow.problems);
    if (!slow.usable) return { resources: [], problems };
    value = slow.value;
    tree = slow.tree;
  }
  if (value === null || value === undefined) return { resources: [], problems };
  const resources: ResourceTemplate[] = [];
  collect(value, tree, [], resources, problems);
  return { resources, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function rangeOf(tree: SourceNode | null, path: PathSegment[], onKey = false): [number, number] {
  const n = nodeAt(tree, path);
  if (!n) return [0, 0];
  return onKey && n.k ? n.k : n.r;
}

/** Turn a top-level value into resources: an object, a `kind: List`, or a JSON array of objects. */
function collect(value: unknown, tree: SourceNode | null, at: PathSegment[], out: ResourceTemplate[], problems: Problem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, tree, [...at, i], out, problems));
    return;
  }
  const [s, e] = rangeOf(tree, at);
  if (!isObject(value)) {
    problems.push({ severity: "error", code: "not-an-object", message: "expected a Kubernetes object (a mapping with apiVersion and kind)", start: s, end: e });
    return;
  }
  const kind = value.kind;
  if (typeof kind === "string" && kind.endsWith("List") && Array.isArray(value.items)) {
    value.items.forEach((item, i) => collect(item, tree, [...at, "items", i], out, problems));
    return;
  }
  const r = toResource(value, tree, at, problems);
  if (r) out.push(r);
}

function toResource(obj: Record<string, unknown>, tree: SourceNode | null, at: PathSegment[], problems: Problem[]): ResourceTemplate | null {
  const here = (path: PathSegment[], onKey = false) => rangeOf(tree, [...at, ...path], onKey);
  const missing: string[] = [];
  if (typeof obj.apiVersion !== "string" || !obj.apiVersion) missing.push("apiVersion");
  if (typeof obj.kind !== "string" || !obj.kind) missing.push("kind");
  const meta = isObject(obj.metadata) ? obj.metadata : null;
  const name = meta && typeof meta.name === "string" ? meta.name : meta && typeof meta.generateName === "string" ? `${meta.generateName}<generated>` : "";
  if (!name) missing.push("metadata.name");
  if (missing.length) {
    const [s, e] = here([]);
    problems.push({ severity: "error", code: "missing-field", message: `object is missing ${missing.join(", ")}; it is ignored`, start: s, end: Math.min(e, s + 1) || e });
    return null;
  }
  const apiVersion = obj.apiVersion as string;
  const kind = obj.kind as string;
  const { group, version } = splitApiVersion(apiVersion);
  const info = kindInfo(group, kind);
  const namespaceAsWritten = meta && typeof meta.namespace === "string" ? meta.namespace : "";
  const namespaced = info ? info.namespaced : true;
  const namespace = namespaced ? namespaceAsWritten || "default" : "";
  const resource: ResourceTemplate = {
    group,
    version,
    kind,
    name,
    namespace,
    namespaceAsWritten,
    apiVersion,
    metadata: {
      name,
      namespace: namespaceAsWritten,
      labels: isObject(meta!.labels) ? (meta!.labels as Record<string, string>) : undefined,
      annotations: isObject(meta!.annotations) ? (meta!.annotations as Record<string, string>) : undefined,
      creationTimestamp: typeof meta!.creationTimestamp === "string" ? meta!.creationTimestamp : undefined,
      generation: typeof meta!.generation === "number" ? meta!.generation : undefined,
      uid: typeof meta!.uid === "string" ? meta!.uid : undefined,
      resourceVersion: typeof meta!.resourceVersion === "string" ? meta!.resourceVersion : undefined,
    },
    spec: isObject(obj.spec) ? obj.spec : {},
    obj,
    known: !!info,
    tree: nodeAt(tree, at),
    itemPath: at,
    identity: `${group}/${kind}/${namespace}/${name}`,
  };
  if (!info) {
    const [s, e] = here(["kind"]);
    problems.push({ severity: "info", code: "unknown-kind", message: `${kind} (${apiVersion}) is not a kind Switchyard models; it is kept and shown, but not simulated`, start: s, end: e });
  } else if (!info.versions.includes(version)) {
    const [s, e] = here(["apiVersion"]);
    problems.push({ severity: "warning", code: "unknown-version", message: `${kind} is served at ${info.versions.map((v) => `${group ? group + "/" : ""}${v}`).join(", ")}, not ${apiVersion}`, start: s, end: e });
  } else {
    for (const err of validateSchema(apiVersion, kind, obj)) {
      const [s, e] = here(err.path, err.onKey);
      problems.push({ severity: "error", code: "schema", message: `${kind} ${name}: ${err.message}`, start: s, end: e });
    }
    // The CRDs' CEL rules: an API server would refuse the object.
    for (const err of crdRuleErrors(group, kind, obj)) {
      const [s, e] = here(err.path);
      problems.push({ severity: "error", code: "crd-rule", message: `${kind} ${name}: ${err.message}`, start: s, end: e });
    }
  }
  return resource;
}
