/**
 * The CRD validation rules (`x-kubernetes-validations`) of the Gateway API kinds, which an API server
 * enforces on create and update but the compiled JSON-schema validators of
 * @kubernetes-models/gateway-api do not carry. Each check is hand-written from the CRD's rule and
 * reports the CRD's message, on the field that carries the rule.
 */
import { GATEWAY_GROUP } from "../../model/kinds";
import { gatewayRules, listenerRules } from "./listeners";
import { routeRuleRules } from "./routes";
import { isObj, type Any, type RuleError } from "./util";

export type { RuleError } from "./util";

const ROUTES = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);

/** The CRD rules an object breaks (Gateway API kinds only; [] for anything else). Never throws on odd input. */
export function crdRuleErrors(group: string, kind: string, obj: Any): RuleError[] {
  if (group !== GATEWAY_GROUP && group !== "gateway.networking.x-k8s.io") return [];
  const spec = isObj(obj) && isObj(obj.spec) ? obj.spec : null;
  if (!spec) return [];
  if (kind === "Gateway") return [...listenerRules(spec.listeners, ["spec", "listeners"], false), ...gatewayRules(spec)];
  if (kind === "ListenerSet" || kind === "XListenerSet") return listenerRules(spec.listeners, ["spec", "listeners"], true);
  if (ROUTES.has(kind)) return routeRuleRules(kind, spec);
  // BackendTLSPolicy's rules (CA source, SANs, targetRefs) and Gateway tls.frontend.perPort are
  // checked by the controller, which also sets the status they lead to (backend-tls-validation.ts,
  // policy-attachment.ts, frontend-config.ts): not repeated here.
  return [];
}
