/** Summarise a computed status into ok / warning / error and the conditions that are not healthy. */
import type { Condition, ResourceStatus } from "../model/status";
import type { Health, NodeStatus, Problem } from "./types";

/**
 * Conditions whose healthy status is False ("abnormal-true" polarity): Listener `Conflicted`
 * (ListenerConditionType: "Conflicted ... True"), `OverlappingTLSConfig`, Route `PartiallyInvalid`.
 */
const ABNORMAL_TRUE = new Set(["Conflicted", "OverlappingTLSConfig", "PartiallyInvalid"]);

/** Problems that degrade rather than break: the object still works, partly. */
const WARNING_TYPES = new Set(["OverlappingTLSConfig", "PartiallyInvalid", "SupportedVersion", "InsecureFrontendValidationMode"]);

const RANK: Record<Health, number> = { ok: 0, warning: 1, error: 2 };

export function worse(a: Health, b: Health): Health {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Whether a condition is not as a healthy object has it; and how bad that is. */
export function conditionHealth(c: Condition): Health {
  const bad = ABNORMAL_TRUE.has(c.type) ? c.status === "True" : c.status === "False";
  if (bad) return WARNING_TYPES.has(c.type) ? "warning" : "error";
  // Unknown (e.g. `Programmed=Unknown/Pending`): not known to be healthy.
  return c.status === "Unknown" ? "warning" : "ok";
}

/** A node's status from its conditions (own, per parent, per listener) and its diagnostic counts. */
export function summarize(conds: { conditions: Condition[]; scope?: string }[], errors = 0, warnings = 0): NodeStatus {
  let level: Health = errors > 0 ? "error" : warnings > 0 ? "warning" : "ok";
  const problems: Problem[] = [];
  for (const set of conds) {
    for (const c of set.conditions) {
      const h = conditionHealth(c);
      if (h === "ok") continue;
      level = worse(level, h);
      const p: Problem = { type: c.type, status: c.status, reason: c.reason, message: c.message };
      if (set.scope) p.scope = set.scope;
      problems.push(p);
    }
  }
  return { level, problems, errors, warnings };
}

/** The status of a healthy node with no diagnostics: one shared, frozen object (most nodes). */
export const HEALTHY: NodeStatus = Object.freeze({ level: "ok", problems: Object.freeze([]) as unknown as Problem[], errors: 0, warnings: 0 }) as NodeStatus;

function plain(errors: number, warnings: number): NodeStatus {
  return errors === 0 && warnings === 0 ? HEALTHY : { level: errors > 0 ? "error" : "warning", problems: [], errors, warnings };
}

/**
 * The summarised status of a computed ResourceStatus without building intermediate lists: the
 * common case — every condition healthy — allocates only the result.
 */
export function summarizeStatus(s: ResourceStatus | undefined, withListeners: boolean, errors = 0, warnings = 0): NodeStatus {
  if (!s) return plain(errors, warnings);
  if (allHealthy(s.conditions) && (!s.parents || s.parents.every((p) => allHealthy(p.conditions))) && (!s.ancestors || s.ancestors.every((p) => allHealthy(p.conditions))) && (!withListeners || !s.listeners || s.listeners.every((l) => allHealthy(l.conditions)))) {
    return plain(errors, warnings);
  }
  return summarize(conditionSets(s, withListeners), errors, warnings);
}

function allHealthy(list: Condition[] | undefined): boolean {
  if (list) for (const c of list) if (conditionHealth(c) !== "ok") return false;
  return true;
}

/** The condition sets of a resource's status: its own, each parent's, each policy ancestor's and each listener's. */
export function conditionSets(s: ResourceStatus | undefined, withListeners: boolean): { conditions: Condition[]; scope?: string }[] {
  if (!s) return [];
  const sets: { conditions: Condition[]; scope?: string }[] = [{ conditions: s.conditions ?? [] }];
  for (const p of s.parents ?? []) sets.push({ conditions: p.conditions ?? [], scope: `parent ${p.parentRef}` });
  for (const p of s.ancestors ?? []) sets.push({ conditions: p.conditions ?? [], scope: `ancestor ${p.parentRef}` });
  if (withListeners) for (const l of s.listeners ?? []) sets.push({ conditions: l.conditions ?? [], scope: `listener ${l.name}` });
  return sets;
}
