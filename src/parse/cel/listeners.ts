/**
 * CRD rules of Gateway and ListenerSet listeners (GatewaySpec.listeners / ListenerSetSpec.listeners
 * `x-kubernetes-validations`) and Gateway addresses.
 */
import type { PathSegment } from "../../model/source";
import { has, isObj, list, repeated, set, type Any, type RuleError } from "./util";

/** The rules on a `listeners` list; `ownPortOptional`: a ListenerSet's uniqueness rule skips listeners without a port. */
export function listenerRules(listeners: unknown, at: PathSegment[], portOptional: boolean): RuleError[] {
  const out: RuleError[] = [];
  const ls = list(listeners);
  ls.forEach((l: Any, i) => {
    if (!isObj(l)) return;
    const p: PathSegment[] = [...at, i];
    const protocol = l.protocol;
    // "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"
    if ((protocol === "HTTP" || protocol === "TCP" || protocol === "UDP") && has(l, "tls")) out.push({ path: [...p, "tls"], message: "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']" });
    // "tls mode must be Terminate for protocol HTTPS"
    if (protocol === "HTTPS" && isObj(l.tls) && set(l.tls.mode) && l.tls.mode !== "Terminate") out.push({ path: [...p, "tls", "mode"], message: "tls mode must be Terminate for protocol HTTPS" });
    // "tls mode must be set for protocol TLS" (GatewayTLSConfig.mode defaults to Terminate: a tls block always has one)
    if (protocol === "TLS" && !(isObj(l.tls) && (l.tls.mode === undefined || l.tls.mode === null || set(l.tls.mode)))) out.push({ path: [...p, has(l, "tls") ? "tls" : "protocol"], message: "tls mode must be set for protocol TLS" });
    // "hostname must not be specified for protocols ['TCP', 'UDP']"
    if ((protocol === "TCP" || protocol === "UDP") && set(l.hostname)) out.push({ path: [...p, "hostname"], message: "hostname must not be specified for protocols ['TCP', 'UDP']" });
    // listeners[].tls: "certificateRefs or options must be specified when mode is Terminate" (mode defaults to Terminate)
    if (isObj(l.tls) && (l.tls.mode ?? "Terminate") === "Terminate" && list(l.tls.certificateRefs).length === 0 && !(isObj(l.tls.options) && Object.keys(l.tls.options).length > 0)) {
      out.push({ path: [...p, "tls"], message: "certificateRefs or options must be specified when mode is Terminate" });
    }
  });
  // "Listener name must be unique within the Gateway"
  for (const i of repeated(ls, (l: Any) => (isObj(l) && typeof l.name === "string" ? l.name : null))) out.push({ path: [...at, i, "name"], message: "Listener name must be unique within the Gateway" });
  // "Combination of port, protocol and hostname must be unique for each listener"
  const combo = (l: Any) => (!isObj(l) || (portOptional && !has(l, "port")) ? null : `${l.port}|${l.protocol}|${has(l, "hostname") ? `=${l.hostname}` : "-"}`);
  for (const i of repeated(ls, combo)) out.push({ path: [...at, i], message: "Combination of port, protocol and hostname must be unique for each listener" });
  return out;
}

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** GatewaySpec.addresses. */
export function gatewayRules(spec: Any): RuleError[] {
  const out: RuleError[] = [];
  const addrs = list(spec?.addresses);
  for (const type of ["IPAddress", "Hostname"]) {
    // "IPAddress values must be unique" / "Hostname values must be unique"
    for (const i of repeated(addrs, (a: Any) => (isObj(a) && a.type === type && has(a, "value") ? String(a.value) : null))) out.push({ path: ["spec", "addresses", i, "value"], message: `${type} values must be unique` });
  }
  addrs.forEach((a: Any, i) => {
    // addresses[]: "Hostname value must be empty or contain only valid characters"
    if (isObj(a) && a.type === "Hostname" && has(a, "value") && !HOSTNAME.test(String(a.value))) {
      out.push({ path: ["spec", "addresses", i, "value"], message: `Hostname value must be empty or contain only valid characters (matching ${HOSTNAME.source})` });
    }
  });
  return out;
}
