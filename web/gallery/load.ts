/**
 * Loading a gallery example: its YAML replaces the text, its sample requests replace the sample
 * list (the first one goes into the form), and the side panel shows its explanation.
 */
import { useStore } from "../store";
import type { GalleryExample } from "./types";

/** Replace the sample list with an example's samples and put the first one in the form. */
export function loadExampleSamples(ex: GalleryExample): void {
  useStore.setState({ samples: [], outcome: null });
  for (const s of ex.samples) useStore.getState().addSample(s.label, s.request);
  const st = useStore.getState();
  st.setRequest(ex.samples[0]?.request ?? { ...st.request, gateway: "" });
}

export function loadExample(ex: GalleryExample): void {
  const st = useStore.getState();
  st.setText(ex.yaml, "load", `${ex.id}.yaml`);
  loadExampleSamples(ex);
  st.select(null, "panel");
  st.setPanel("inspector");
}
