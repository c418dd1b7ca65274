/**
 * Structured edits of the YAML text (DESIGN: the text is the single source of truth). `applyEdit`
 * turns one {@link Edit} into new text in which only the edited nodes differ: comments, key order,
 * indentation, flow or block style, quoting and fields Switchyard does not know stay as they were.
 */
import { Session } from "./session";
import { EditError, type Edit, type EditContext, type EditResult } from "./types";
import { deleteAt, insertAt, moveAt, setAt } from "./primitives";
import { mergeAt } from "./merge";
import { createResource, deleteResource } from "./ops/resources";
import { rename } from "./ops/rename";
import { addListener, moveListener, removeListener, setFrontendValidation, updateListener } from "./ops/listeners";
import { addMatch, addParentRef, addRule, moveRule, removeMatch, removeParentRef, removeRule, setHostnames, updateMatch, updateParentRef, updateRule } from "./ops/routes";
import { addBackend, addFilter, removeBackend, removeFilter, setWeights, updateBackend, updateFilter } from "./ops/backends";

export type * from "./types";
export { EditError } from "./types";
export { targetOf } from "./target";
export * from "./validate";
export { resourceDefaults, filterDefaults } from "./defaults";

/**
 * Apply one edit to a text of one or more YAML (or JSON) documents. Never throws. Pass the text's
 * parse as `context` to make renames follow references without parsing every document.
 */
export function applyEdit(text: string, edit: Edit, context: EditContext = {}): EditResult {
  try {
    const s = new Session(text, context);
    run(s, edit);
    return s.result();
  } catch (e) {
    return { ok: false, error: e instanceof EditError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Run an edit inside a session (a batch runs its edits in order on the same documents). */
function run(s: Session, e: Edit): void {
  switch (e.op) {
    case "batch":
      for (const sub of e.edits) run(s, sub);
      return;
    case "set":
      return setAt(s.find(e.target).ed, e.path, e.value);
    case "delete":
      deleteAt(s.find(e.target).ed, e.path);
      return;
    case "insert":
      return insertAt(s.find(e.target).ed, e.path, e.value, e.index);
    case "move":
      return moveAt(s.find(e.target).ed, e.path, e.from, e.to);
    case "merge":
      return mergeAt(s.find(e.target).ed, e.path, e.patch);
    case "createResource":
      return createResource(s, e.resource);
    case "deleteResource":
      return deleteResource(s, e.target);
    case "rename":
      return rename(s, e.target, e.newName, e.referencesOnly);
    case "addListener":
      return addListener(s, e.target, e.listener ?? {}, e.index);
    case "updateListener":
      return updateListener(s, e.target, e.listener, e.changes);
    case "removeListener":
      return removeListener(s, e.target, e.listener);
    case "moveListener":
      return moveListener(s, e.target, e.listener, e.to);
    case "setFrontendValidation":
      return setFrontendValidation(s, e.target, e.validation, e.port);
    case "setHostnames":
      return setHostnames(s, e.target, e.hostnames);
    case "addRule":
      return addRule(s, e.target, e.rule, e.index);
    case "updateRule":
      return updateRule(s, e.target, e.rule, e.patch);
    case "removeRule":
      return removeRule(s, e.target, e.rule);
    case "moveRule":
      return moveRule(s, e.target, e.from, e.to);
    case "addMatch":
      return addMatch(s, e.target, e.rule, e.match, e.index);
    case "updateMatch":
      return updateMatch(s, e.target, e.rule, e.match, e.patch);
    case "removeMatch":
      return removeMatch(s, e.target, e.rule, e.match);
    case "addFilter":
      return addFilter(s, e.target, e.rule, e.backend, e.filter, e.index);
    case "updateFilter":
      return updateFilter(s, e.target, e.rule, e.backend, e.filter, e.patch);
    case "removeFilter":
      return removeFilter(s, e.target, e.rule, e.backend, e.filter);
    case "addBackend":
      return addBackend(s, e.target, e.rule, e.backend, e.index);
    case "updateBackend":
      return updateBackend(s, e.target, e.rule, e.backend, e.patch);
    case "removeBackend":
      return removeBackend(s, e.target, e.rule, e.backend);
    case "setWeights":
      return setWeights(s, e.target, e.rule, e.weights);
    case "addParentRef":
      return addParentRef(s, e.target, e.parentRef);
    case "updateParentRef":
      return updateParentRef(s, e.target, e.index, e.patch);
    case "removeParentRef":
      return removeParentRef(s, e.target, e.index);
    default:
      throw new EditError(`unknown edit operation ${JSON.stringify((e as { op?: unknown }).op)}`);
  }
}
