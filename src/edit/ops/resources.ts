/** Creating and deleting whole resources. */
import { parseDocument } from "yaml";
import type { Session } from "../session";
import { resourceDefaults } from "../defaults";
import { DEFAULT_STYLE, documentText, type Style } from "../render";
import { detectStyle } from "../tree";
import { deleteAt } from "../primitives";
import { findInDoc } from "../locate";
import { EditError, type NewResource, type Target } from "../types";

/** The layout of the text's last document, for a new one to match it. */
function styleOfText(s: Session): Style {
  const chunks = s.chunks();
  const json = s.json;
  for (let i = chunks.length - 1; i >= 0 && i >= chunks.length - 3; i--) {
    const doc = parseDocument(chunks[i].text, { prettyErrors: false });
    if (!doc.errors.length && doc.contents) return detectStyle(doc, chunks[i].text, json);
  }
  return { ...DEFAULT_STYLE, json, step: json ? 2 : DEFAULT_STYLE.step };
}

/** Append a new resource as a document of its own (refuses a duplicate of an existing object). */
export function createResource(s: Session, r: NewResource): void {
  const obj = resourceDefaults(r);
  let exists = false;
  try {
    s.find({ kind: r.kind, name: r.name, namespace: r.namespace ?? "default" });
    exists = true;
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
  }
  if (exists) throw new EditError(`${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name} already exists`);
  const ed = s.add(documentText(obj, styleOfText(s)));
  if (!findInDoc(ed.doc(), { kind: r.kind, name: r.name })) throw new EditError("internal: the new resource cannot be read back");
}

/** Remove a resource: its whole document, or its item in a `kind: List`. */
export function deleteResource(s: Session, target: Target): void {
  const f = s.find(target);
  const base = f.ed.base;
  if (!base.length) return s.remove(f);
  f.ed.base = [];
  deleteAt(f.ed, base);
}
