/**
 * Visual editing, switched on once at startup (from installApi): the shared undo history starts
 * recording, and the editing keys are installed.
 */
import { useStore } from "../store";
import { recordHistory } from "../store/history";
import { installEditKeys } from "./keys";

let installed = false;

export function installEditing(): void {
  if (installed) return;
  installed = true;
  recordHistory(useStore);
  installEditKeys();
}
