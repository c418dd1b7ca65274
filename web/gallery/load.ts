/**
 * Loading a gallery example: its YAML replaces the text, its sample requests replace the sample
 * list (the first one goes into the form), and the side panel shows its explanation.
 */
import { useStore } from "../store";
import type { GalleryExample } from "./types";

export function loadExample(ex: GalleryExample): void {
  const st = useStore.getState();
  st.setText(ex.yaml, "load", `${ex.id}.yaml`);
  useStore.setState({ samples: [], outcome: null });
  for (const s of ex.samples) useStore.getState().addSample(s.label, s.request);
  st.setRequest(ex.samples[0]?.request ?? { ...st.request, gateway: "" });
  st.select(null, "panel");
  st.setPanel("inspector");
}
