/**
 * `window.switchyard`: the automation contract for tests and embedding (kept stable).
 * setYaml(text) → resolves when the graph reflects it; getYaml(); simulate(request) → Outcome.
 */
import { useStore } from "./store";
import { settled } from "./store/sync";
import { engine } from "./worker/client";
import type { SimRequest } from "../src/model/request";
import type { Outcome } from "../src/model/outcome";

export interface SwitchyardApi {
  setYaml(text: string): Promise<void>;
  getYaml(): string;
  simulate(request: SimRequest): Promise<Outcome>;
}

export function installApi(): void {
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
  };
  (window as unknown as { switchyard: SwitchyardApi }).switchyard = api;
}
