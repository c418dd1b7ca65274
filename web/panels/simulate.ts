/**
 * Simulator actions outside React, so the toolbar's shortcuts (Ctrl+Enter) and the panel share
 * them: run the current request, keep it as a sample, open a sample in the form.
 */
import { useStore } from "../store";
import { settled } from "../store/sync";
import { engine } from "../worker/client";
import type { Sample } from "../store";

let runSeq = 0;

/** Simulate the current request on the current configuration; the newest run wins. */
export async function runSimulation(): Promise<void> {
  const { request } = useStore.getState();
  if (!request.gateway && !request.mesh) return;
  const seq = ++runSeq;
  await settled();
  const [o] = await engine().simulate([request]);
  // A newer run (or a newer request) supersedes this answer.
  if (seq === runSeq && useStore.getState().request === request) useStore.getState().setOutcome(o ?? null);
}

/** Keep the current request in the sample list, then evaluate the list. */
export async function addCurrentAsSample(label: string): Promise<void> {
  const { request, addSample } = useStore.getState();
  addSample(label.trim() || `sample ${useStore.getState().samples.length + 1}`, request);
  await evaluateNewSamples();
}

/**
 * Give samples that have no outcome yet theirs, without shifting the others' `previous` outcome
 * (sync.ts shifts it on edits only, which is what the "changed" flag means).
 */
export async function evaluateNewSamples(): Promise<void> {
  await settled();
  const pending = useStore.getState().samples.filter((s) => !s.outcome);
  if (!pending.length) return;
  const outcomes = await engine().simulate(pending.map((s) => s.request));
  const byId = new Map(pending.map((s, i) => [s.id, outcomes[i] ?? null]));
  useStore.setState((st) => ({ samples: st.samples.map((s) => (byId.has(s.id) && !s.outcome ? { ...s, outcome: byId.get(s.id)! } : s)) }));
}

/** Put a sample's request into the form (the form runs it). */
export function openSample(s: Sample): void {
  useStore.getState().setRequest(s.request);
  useStore.getState().setPanel("simulator");
}
