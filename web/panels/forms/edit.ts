/**
 * What a form does with one resource: field-level edits at a path (set, or delete when emptied),
 * list items added and removed, and named operations — each committed as one change of the text.
 */
import { commitEdit } from "../../edit/commit";
import type { Edit, EditResult, Path, Target, Value } from "../../../src/edit/types";

export interface ResourceEditor {
  target: Target;
  /** Write `value` at `path`; "", null and undefined remove the field instead. */
  set(path: Path, value: Value | undefined): Promise<EditResult>;
  del(path: Path): Promise<EditResult>;
  insert(path: Path, value: Value, index?: number): Promise<EditResult>;
  /** Any edit (named operations carry their own target). */
  run(edit: Edit): Promise<EditResult>;
}

/** The editor of one resource. */
export function editorFor(target: Target): ResourceEditor {
  return {
    target,
    set: (path, value) => (value === "" || value === null || value === undefined ? commitEdit({ op: "delete", target, path }) : commitEdit({ op: "set", target, path, value })),
    del: (path) => commitEdit({ op: "delete", target, path }),
    insert: (path, value, index) => commitEdit({ op: "insert", target, path, value, ...(index !== undefined ? { index } : {}) }),
    run: (edit) => commitEdit(edit),
  };
}
