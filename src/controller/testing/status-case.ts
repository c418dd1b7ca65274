/**
 * Test support: judge a conformance status case (../shared/conformance/README.md, "Status cases")
 * against a simulated Model. Returns the list of failures (empty = pass), each saying what was
 * expected and what the controller computed.
 */
import type { Model } from "../../model/model";
import type { Condition, ResourceStatus } from "../../model/status";
import type { StatusCase, StatusCondition } from "../../testing/conformance";
import { refKey } from "../../model/ids";

function show(cs: Condition[]): string {
  return cs.map((c) => `${c.type}=${c.status}/${c.reason}`).join(", ") || "<none>";
}

/** Every listed condition present: same type, status ("" or absent = any), reason (absent = any). */
export function conditionsMatch(actual: Condition[], want: StatusCondition[] | undefined, where: string): string[] {
  const out: string[] = [];
  for (const w of want ?? []) {
    const c = actual.find((a) => a.type === w.type);
    const ok = c && (!w.status || c.status === w.status) && (w.reason === undefined || c.reason === w.reason);
    if (!ok) out.push(`${where}: want ${w.type}=${w.status || "*"}/${w.reason ?? "*"}, have ${show(actual)}`);
  }
  return out;
}

function generationFailures(model: Model, st: ResourceStatus, key: string): string[] {
  const res = model.byKey.get(key);
  const gen = res?.metadata.generation ?? 1;
  const all: Condition[] = [...st.conditions, ...(st.parents ?? []).flatMap((p) => p.conditions), ...(st.ancestors ?? []).flatMap((p) => p.conditions), ...(st.listeners ?? []).flatMap((l) => l.conditions)];
  if (all.length === 0) return [`${key}: no conditions to carry observedGeneration`];
  return all.filter((c) => c.observedGeneration !== gen).map((c) => `${key}: ${c.type} observedGeneration ${c.observedGeneration} != generation ${gen}`);
}

/** Check one status case; `before` is the model before the case's `after` ops (for generationChanged). */
export function checkStatusCase(model: Model, sc: StatusCase, before?: Model): string[] {
  const key = refKey({ kind: sc.kind, namespace: sc.namespace ?? "", name: sc.name });
  const st = model.status.get(key);
  if (!st) return [`${key}: no status computed`];
  const out: string[] = [];
  if (sc.latestObservedGeneration) out.push(...generationFailures(model, st, key));
  if (sc.generationChanged) {
    const a = model.byKey.get(key)?.metadata.generation;
    const b = before?.byKey.get(key)?.metadata.generation;
    if (a === undefined || a === b) out.push(`${key}: generation did not change (${b} → ${a})`);
  }
  if (sc.parent !== undefined) {
    const [ns, name] = sc.parent.split("/");
    const kind = sc.parentKind ?? "Gateway";
    const list = sc.kind.endsWith("Policy") ? st.ancestors : st.parents;
    const p = (list ?? []).find((x) => x.parentKind === kind && x.parentRef.split(/[/:]/)[0] === ns && x.parentRef.split(/[/:]/)[1] === name);
    if (!p) out.push(`${key}: no parent status for ${kind} ${ns}/${name} (have ${(list ?? []).map((x) => x.parentRef).join(", ") || "none"})`);
    else out.push(...conditionsMatch(p.conditions, sc.conditions, `${key} parent ${sc.parent}`));
  } else if (sc.conditions) out.push(...conditionsMatch(st.conditions, sc.conditions, key));
  if (sc.noAcceptedParents) {
    const ps = st.parents ?? [];
    const ok = ps.length === 0 || (ps.length === 1 && ps[0].conditions.some((c) => c.type === "Accepted" && c.status === "False"));
    if (!ok) out.push(`${key}: expected no accepted parents, have ${ps.map((p) => `${p.parentRef} [${show(p.conditions)}]`).join("; ")}`);
  }
  const listeners = st.listeners ?? [];
  if (sc.zeroAttachedRoutes && !(listeners.length === 0 || (listeners.length === 1 && listeners[0].attachedRoutes === 0))) {
    out.push(`${key}: expected zero attached routes, have ${listeners.map((l) => `${l.name}=${l.attachedRoutes}`).join(", ")}`);
  }
  if (sc.listenersExact) {
    const want = (sc.listeners ?? []).map((l) => l.name).sort();
    const have = listeners.map((l) => l.name).sort();
    if (want.join(",") !== have.join(",")) out.push(`${key}: listeners ${have.join(",")} != ${want.join(",")}`);
  }
  for (const wl of sc.listeners ?? []) {
    const l = listeners.find((x) => x.name === wl.name);
    if (!l) {
      out.push(`${key}: no listener ${wl.name}`);
      continue;
    }
    const where = `${key} listener ${wl.name}`;
    out.push(...conditionsMatch(l.conditions, wl.conditions, where));
    if (wl.attachedRoutes !== undefined && l.attachedRoutes !== wl.attachedRoutes) out.push(`${where}: attachedRoutes ${l.attachedRoutes} != ${wl.attachedRoutes}`);
    if (wl.supportedKinds) {
      const have = l.supportedKinds.map((k) => k.kind);
      if (wl.supportedKinds.length === 0 && have.length > 0) out.push(`${where}: supportedKinds should be empty, have ${have.join(",")}`);
      for (const k of wl.supportedKinds) if (!have.includes(k.kind)) out.push(`${where}: supportedKinds lacks ${k.kind} (have ${have.join(",") || "none"})`);
    }
  }
  if (sc.allListeners) for (const l of listeners) out.push(...conditionsMatch(l.conditions, sc.allListeners.conditions, `${key} listener ${l.name}`));
  if (sc.attachedListenerSets !== undefined && st.attachedListenerSets !== sc.attachedListenerSets) out.push(`${key}: attachedListenerSets ${st.attachedListenerSets} != ${sc.attachedListenerSets}`);
  return out;
}
