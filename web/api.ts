/**
 * `window.switchyard`: the automation contract for tests and embedding (kept stable).
 * setYaml(text) → resolves when the graph reflects it; getYaml(); simulate(request) → Outcome;
 * undo() / redo() → one step of the shared text history, resolving when the graph reflects it.
 */
import { useStore } from "./store";
import { settled } from "./store/sync";
import { engine } from "./worker/client";
import type { SimRequest } from "../src/model/request";
import type { Outcome } from "../src/model/outcome";
import { installEditing } from "./edit/install";
import { redo, undo } from "./edit/keys";

export interface SwitchyardApi {
  setYaml(text: string): Promise<void>;
  getYaml(): string;
  simulate(request: SimRequest): Promise<Outcome>;
  /** Undo the last change of the text (typed or visual); resolves once drawn. */
  undo(): Promise<void>;
  /** Redo the last undone change; resolves once drawn. */
  redo(): Promise<void>;
}

export function installApi(): void {
  installEditing();
  const api: SwitchyardApi = {
    async setYaml(text) {
      useStore.getState().setText(text, "api");
      await settled();
    },
    getYaml: () => useStore.getState().text,
    async simulate(request) {
      await settled();
      const [o] = await engine().simulate([request]);
      return o;
    },
    async undo() {
      await undo();
      await settled();
    },
    async redo() {
      await redo();
      await settled();
    },
  };
  (window as unknown as { switchyard: SwitchyardApi }).switchyard = api;
}
