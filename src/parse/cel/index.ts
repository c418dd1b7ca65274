/**
 * The CRD validation rules (`x-kubernetes-validations`) of the Gateway API kinds, which an API server
 * enforces on create and update but the compiled JSON-schema validators of
 * @kubernetes-models/gateway-api do not carry. Each check is hand-written from the CRD's rule and
 * reports the CRD's message, on the field that carries the rule.
 */
import { GATEWAY_GROUP } from "../../model/kinds";
import { gatewayRules, listenerRules } from "./listeners";
import { routeRuleRules } from "./routes";
import { has, isObj, list, set, type Any, type RuleError } from "./util";

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
  if (kind === "BackendTLSPolicy") return backendTLSPolicyRules(spec);
  return [];
}

/** BackendTLSPolicySpec: targetRefs sectionNames; validation CA source; subjectAltNames by type. */
function backendTLSPolicyRules(spec: Any): RuleError[] {
  const out: RuleError[] = [];
  const refs = list(spec.targetRefs);
  refs.forEach((p1: Any, i) => {
    if (!isObj(p1)) return;
    const peers = refs.filter((p2: Any) => isObj(p2) && (p2.group ?? "") === (p1.group ?? "") && p2.kind === p1.kind && p2.name === p1.name);
    if (peers.length < 2) return;
    if (peers.some((p2: Any) => set(p2.sectionName) !== set(p1.sectionName))) out.push({ path: ["spec", "targetRefs", i], message: "sectionName must be specified when targetRefs includes 2 or more references to the same target" });
    else if (peers.filter((p2: Any) => (p2.sectionName ?? "") === (p1.sectionName ?? "")).length > 1) out.push({ path: ["spec", "targetRefs", i], message: "sectionName must be unique when targetRefs includes 2 or more references to the same target" });
  });
  const v = spec.validation;
  if (isObj(v)) {
    const cas = list(v.caCertificateRefs).length > 0;
    const wk = set(v.wellKnownCACertificates);
    if (cas && wk) out.push({ path: ["spec", "validation"], message: "must not contain both CACertificateRefs and WellKnownCACertificates" });
    if (!cas && !wk) out.push({ path: ["spec", "validation"], message: "must specify either CACertificateRefs or WellKnownCACertificates" });
    list(v.subjectAltNames).forEach((s: Any, i) => {
      if (!isObj(s)) return;
      const at = ["spec", "validation", "subjectAltNames", i];
      for (const [type, field] of [["Hostname", "hostname"], ["URI", "uri"]]) {
        if (s.type === type && !set(s[field])) out.push({ path: at, message: `SubjectAltName element must contain ${type}, if Type is set to ${type}` });
        if (s.type !== type && has(s, field) && set(s[field])) out.push({ path: [...at, field], message: `SubjectAltName element must not contain ${type}, if Type is not set to ${type}` });
      }
    });
  }
  return out;
}
