/** Renaming a resource (or a listener) and every reference to it, across all documents. */
import { isMap, isSeq, type Node as YNode } from "yaml";
import { KINDS, isNamespaced, splitApiVersion } from "../../model/kinds";
import type { Session } from "../session";
import type { DocEditor } from "../doc";
import { setAt } from "../primitives";
import { setScalars } from "../merge";
import { renameUpdates, sectionUpdates, type Renamed } from "../refs";
import { childOf } from "../tree";
import { looksLikeJson } from "../../parse/split";
import { updateKnown, type Updates } from "./known";
import { EditError, type Path, type Target } from "../types";

/** The resources of a document: its root, or the items of a `kind: List` / JSON array. */
function resourcesOf(ed: DocEditor): Path[] {
  const root = ed.doc().contents as YNode | null;
  const items = isSeq(root) ? root : isMap(root) ? childOf(root, "items") : null;
  const prefix: Path = isSeq(root) ? [] : ["items"];
  if (isMap(root) && isSeq(items) && String(ed.doc().get("kind") ?? "").endsWith("List")) return items.items.map((_, i) => [...prefix, i]);
  if (isSeq(root)) return root.items.map((_, i) => [i]);
  return isMap(root) ? [[]] : [];
}

/** The effective namespace of a plain object ("" for cluster-scoped kinds). */
function nsOf(obj: unknown): string {
  const o = obj as { apiVersion?: unknown; kind?: unknown; metadata?: { namespace?: unknown } } | null;
  if (!isNamespaced(splitApiVersion(String(o?.apiVersion ?? "")).group, String(o?.kind ?? ""))) return "";
  const m = o?.metadata;
  return typeof m?.namespace === "string" && m.namespace ? m.namespace : "default";
}

/**
 * Apply `updates(obj, namespace)` to every resource of every document mentioning `needle`: from the
 * caller's parse where there is one (no document parsed), else by parsing the candidates.
 */
function updateAll(s: Session, needle: string, updates: Updates): void {
  const known = s.context.resources;
  // JSON streams are split by value, not by `---`: positions there are left to the slow path.
  const done = known && !looksLikeJson(s.text) ? updateKnown(s, known, updates) : undefined;
  for (const ed of s.docsContaining(needle, done)) {
    for (const base of resourcesOf(ed)) {
      ed.base = base;
      const u = updates(ed.get([]), nsOf(ed.get([])));
      if (u.length) setScalars(ed, u);
    }
  }
}

/** Rename a resource; references to it in every document follow (see refs.ts for the list). */
export function rename(s: Session, target: Target, newName: string, referencesOnly = false): void {
  if (!newName) throw new EditError("the new name is empty");
  if (newName === target.name) return;
  if (referencesOnly) return renameReferences(s, target, newName);
  const { ed } = s.find(target);
  const apiVersion = String(ed.get(["apiVersion"]) ?? "");
  const kind = String(ed.get(["kind"]));
  const group = splitApiVersion(apiVersion).group;
  const ns = isNamespaced(group, kind) ? nsOf(ed.get([])) : "";
  let clash = false;
  try {
    s.find({ kind, name: newName, namespace: ns });
    clash = true;
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
  }
  if (clash) throw new EditError(`${kind} ${ns ? `${ns}/` : ""}${newName} already exists`);
  s.find(target);
  setAt(ed, ["metadata", "name"], newName);
  const r: Renamed = { group, kind, namespace: ns, name: target.name };
  updateAll(s, target.name, (obj, selfNs) => renameUpdates(obj, selfNs, r, newName));
}

/**
 * Only the references (the object lives in another file of the workspace): its group comes from the
 * kind registry, its namespace from the target ("default" when left out; none for cluster-scoped kinds).
 */
function renameReferences(s: Session, target: Target, newName: string): void {
  const info = KINDS.find((k) => k.kind === target.kind);
  if (!info) throw new EditError(`references to ${target.kind}, a kind Switchyard does not model, cannot be followed`);
  const r: Renamed = { group: info.group, kind: target.kind, namespace: info.namespaced ? (target.namespace ?? "default") : "", name: target.name };
  updateAll(s, target.name, (obj, selfNs) => renameUpdates(obj, selfNs, r, newName));
}

/** A listener renamed: `sectionName` of the parentRefs and policy targetRefs that point at it follow. */
export function renameSectionRefs(s: Session, parent: { kind: string; name: string; namespace: string }, oldSection: string, newSection: string): void {
  const r: Renamed = { group: parent.kind === "XListenerSet" ? "gateway.networking.x-k8s.io" : "gateway.networking.k8s.io", kind: parent.kind, namespace: parent.namespace, name: parent.name };
  updateAll(s, oldSection, (obj, selfNs) => sectionUpdates(obj, selfNs, r, oldSection, newSection));
}
