/**
 * Shared pieces of the CRD validation rules (the `x-kubernetes-validations` CEL rules of the Gateway
 * API CRDs, which the compiled JSON-schema validators do not carry): hand-written checks, each
 * citing the CRD field it comes from and reporting the CRD's own message.
 */
import type { PathSegment } from "../../model/source";

/** One violated rule: where (the field that carries the rule) and the CRD's message. */
export interface RuleError {
  path: PathSegment[];
  message: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;

export function isObj(v: unknown): v is Record<string, Any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The array at a field, or [] (input is untrusted). */
export function list(v: unknown): Any[] {
  return Array.isArray(v) ? v : [];
}

/** CEL `has(x.f) && x.f != ''` for strings. */
export function set(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "";
}

/** CEL `has()`: the field is present (JSON null counts as absent, as the API server prunes it). */
export function has(o: unknown, f: string): boolean {
  return isObj(o) && o[f] !== undefined && o[f] !== null;
}

/** Indexes of items for which an equal key appears more than once (CEL `self.all(a, self.exists_one(b, key(a) == key(b)))`). */
export function repeated<T>(items: T[], key: (t: T) => string | null): number[] {
  const count = new Map<string, number>();
  const keys = items.map(key);
  for (const k of keys) if (k !== null) count.set(k, (count.get(k) ?? 0) + 1);
  const out: number[] = [];
  keys.forEach((k, i) => {
    if (k !== null && (count.get(k) ?? 0) > 1) out.push(i);
  });
  return out;
}

/** BackendRef: "Must have port for Service reference" (`(size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true`). */
export function backendPortRule(ref: Any, at: PathSegment[]): RuleError[] {
  if (!isObj(ref)) return [];
  const service = (ref.group ?? "") === "" && (ref.kind ?? "Service") === "Service";
  return service && !has(ref, "port") ? [{ path: at, message: "Must have port for Service reference" }] : [];
}

