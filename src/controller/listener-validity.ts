/**
 * Listener validity: protocol support, the route kinds a listener admits (supportedKinds), and the
 * TLS settings each protocol requires.
 */
import { GATEWAY_GROUP } from "../model/kinds";
import { normalizeGroup } from "../model/ids";
import { type Ctx, type ListenerState, arr, failListener, isRecord, str } from "./context";

/** Route kinds each core protocol carries (Listener.protocol; ListenerStatus.supportedKinds). */
export const KINDS_BY_PROTOCOL: Readonly<Record<string, readonly string[]>> = {
  HTTP: ["HTTPRoute", "GRPCRoute"],
  HTTPS: ["HTTPRoute", "GRPCRoute"],
  TLS: ["TLSRoute"],
  TCP: ["TCPRoute"],
  UDP: ["UDPRoute"],
};

/** `group/kind` key of a route kind. */
export function kindKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

/** Whether the simulated controller supports the protocol (domain-prefixed protocols are implementation-specific: not supported). */
export function protocolSupported(protocol: string): boolean {
  return Object.prototype.hasOwnProperty.call(KINDS_BY_PROTOCOL, protocol);
}

/**
 * The kinds a listener admits and the invalid ones it names. AllowedRoutes.kinds: "When unspecified
 * or empty, the kinds of Routes selected are determined using the Listener protocol"; kinds that do
 * not fit the protocol "MUST NOT appear in this list and an implementation MUST set the
 * "ResolvedRefs" condition to "False" with the "InvalidRouteKinds" reason".
 */
export function listenerKinds(protocol: string, allowedKinds: unknown): { kinds: string[]; invalid: { index: number; kind: string }[] } {
  const byProtocol = KINDS_BY_PROTOCOL[protocol] ?? [];
  const requested = arr(allowedKinds);
  if (requested.length === 0) return { kinds: byProtocol.map((k) => kindKey(GATEWAY_GROUP, k)), invalid: [] };
  const kinds: string[] = [];
  const invalid: { index: number; kind: string }[] = [];
  requested.forEach((k, index) => {
    const o = isRecord(k) ? (k as Record<string, unknown>) : {};
    // RouteGroupKind.group defaults to gateway.networking.k8s.io.
    const group = o.group === undefined ? GATEWAY_GROUP : normalizeGroup(str(o.group));
    const kind = str(o.kind);
    if (group === GATEWAY_GROUP && byProtocol.includes(kind)) {
      const key = kindKey(group, kind);
      if (!kinds.includes(key)) kinds.push(key);
    } else invalid.push({ index, kind: group === GATEWAY_GROUP ? kind : `${group || "core"}/${kind}` });
  });
  return { kinds, invalid };
}

/** Checks of one listener (no cross-listener checks: see listener-conflicts.ts). */
export function checkListener(ctx: Ctx, ls: ListenerState): void {
  const { protocol } = ls.view;
  if (!protocolSupported(protocol)) {
    // ListenerConditionReason "UnsupportedProtocol": "its protocol type is not supported".
    failListener(ctx, ls, "Accepted", "UnsupportedProtocol", `protocol ${protocol || "<unset>"} is not supported (HTTP, HTTPS, TLS, TCP, UDP are)`, ["protocol"]);
    return;
  }
  const { kinds, invalid } = listenerKinds(protocol, ls.spec.allowedRoutes?.kinds);
  for (const k of kinds) ls.kinds.add(k);
  for (const bad of invalid) {
    failListener(ctx, ls, "ResolvedRefs", "InvalidRouteKinds", `route kind ${bad.kind} is not supported on a ${protocol} listener`, ["allowedRoutes", "kinds", bad.index]);
  }
  checkTls(ctx, ls);
}

/** Listener.tls: "required if the Protocol field is "HTTPS" or "TLS". It is invalid to set this field if the Protocol field is "HTTP", "TCP", or "UDP"." */
function checkTls(ctx: Ctx, ls: ListenerState): void {
  const { protocol, tls } = ls.view;
  const hasTls = ls.spec.tls !== undefined && ls.spec.tls !== null;
  if (protocol === "HTTP" || protocol === "TCP" || protocol === "UDP") {
    if (hasTls) ctx.report(ls.origin, [...ls.view.path, "tls"], "warning", "schema", `listener ${ls.view.name}: tls must not be specified for protocol ${protocol}; it is ignored`);
    return;
  }
  if (!tls) {
    failListener(ctx, ls, "ResolvedRefs", "InvalidCertificateRef", `protocol ${protocol} requires tls`, []);
    return;
  }
  if (protocol === "HTTPS" && tls.mode === "Passthrough") {
    // CEL on Gateway.spec.listeners: "tls mode must be Terminate for protocol HTTPS".
    failListener(ctx, ls, "Accepted", "UnsupportedValue", "tls mode must be Terminate for protocol HTTPS", ["tls", "mode"]);
    return;
  }
  if (protocol === "TLS" && !str(ls.spec.tls?.mode)) {
    ctx.report(ls.origin, [...ls.view.path, "tls"], "warning", "schema", `listener ${ls.view.name}: tls mode must be set for protocol TLS; Terminate is assumed`);
  }
  const options = ls.spec.tls?.options;
  if (tls.mode === "Terminate" && tls.certificateRefs.length === 0 && !(isRecord(options) && Object.keys(options).length > 0)) {
    // ListenerTLSConfig.certificateRefs: "required to have at least one element when the mode is set to "Terminate"".
    failListener(ctx, ls, "ResolvedRefs", "InvalidCertificateRef", "tls mode Terminate needs at least one certificateRef", ["tls"]);
  }
}

/** Rule: validate every listener of every Gateway. */
export function runListenerValidity(ctx: Ctx): void {
  for (const gw of ctx.gateways) for (const ls of gw.listeners) checkListener(ctx, ls);
}
