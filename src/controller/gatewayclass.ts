/**
 * GatewayClass acceptance. Switchyard simulates "a" conformant controller that owns every
 * GatewayClass whatever its controllerName, so a class is Accepted unless its parametersRef is
 * invalid (GatewayClassConditionReason "InvalidParameters"), i.e. malformed (no kind or name).
 * A parametersRef to an object the input does not contain (an implementation's EnvoyProxy, say) is assumed to exist, with an assumption
 * recorded: class parameters are almost never pasted along, and rejecting the class would mark every
 * Gateway of it Pending. (Gateway `infrastructure.parametersRef` is stricter: see
 * gateway-acceptance.ts and the conformance test GatewayInvalidParametersRef.)
 */
import type { Resource } from "../model/resource";
import { cond, type Condition } from "../model/status";
import { refKey, normalizeGroup } from "../model/ids";
import { isNamespaced } from "../model/kinds";
import { type Ctx, setCond, str } from "./context";

/** Outcome of resolving a `parametersRef` (GatewayClass or Gateway infrastructure). */
export interface ParamsCheck {
  ok: boolean;
  message: string;
  target?: string;
  /** The reference is well-formed but its object is not in the input. */
  missing?: boolean;
}

/**
 * Resolve a parametersRef: the referenced object must be in the input. An implementation would also
 * check that it supports the kind; any kind present in the input is taken as supported.
 */
export function checkParametersRef(ctx: Ctx, ref: unknown, defaultNamespace: string): ParamsCheck {
  if (ref === undefined || ref === null) return { ok: true, message: "" };
  if (typeof ref !== "object") return { ok: false, message: "parametersRef is not an object" };
  const r = ref as Record<string, unknown>;
  const group = normalizeGroup(str(r.group));
  const kind = str(r.kind);
  const name = str(r.name);
  const namespace = isNamespaced(group, kind) ? str(r.namespace) || defaultNamespace : "";
  const target = refKey({ kind, namespace, name });
  if (!kind || !name) return { ok: false, message: "parametersRef needs kind and name", target };
  const found = ctx.get(group, kind, namespace, name);
  if (!found) return { ok: false, missing: true, message: `parametersRef ${group ? group + "/" : ""}${kind} ${namespace ? namespace + "/" : ""}${name} is not in the input`, target };
  return { ok: true, message: "", target };
}

/** Conditions for one GatewayClass. */
export function gatewayClassConditions(ctx: Ctx, gc: Resource): Condition[] {
  let params = checkParametersRef(ctx, gc.spec?.parametersRef, "");
  if (!params.ok && params.missing) {
    ctx.assume("parameters-exist", `GatewayClass ${gc.name}: ${params.message}; assumed to exist and be valid`, [params.target ?? "", `GatewayClass/${gc.name}`]);
    params = { ok: true, message: "" };
  }
  const accepted = params.ok
    ? cond("Accepted", true, "Accepted", `accepted by the simulated controller (controllerName ${str(gc.spec?.controllerName) || "<unset>"})`)
    : cond("Accepted", false, "InvalidParameters", params.message);
  // SupportedVersion: the simulator implements the CRDs of the release it ships (v1.x).
  return [accepted, cond("SupportedVersion", true, "SupportedVersion", "Gateway API v1 CRDs")];
}

/** Rule: every GatewayClass gets Accepted + SupportedVersion; relations for parametersRef. */
export function runGatewayClasses(ctx: Ctx): void {
  for (const gc of ctx.gatewayClasses) {
    const conds = gatewayClassConditions(ctx, gc);
    const set = new Map<string, Condition>();
    for (const c of conds) setCond(set, c);
    const key = refKey(gc);
    ctx.objectConds.set(key, set);
    const accepted = conds[0].status === "True";
    ctx.classAccepted.set(gc.name, accepted);
    if (!accepted) ctx.report(gc, ["spec", "parametersRef"], "error", conds[0].reason, `GatewayClass ${gc.name}: ${conds[0].message}`);
  }
}
