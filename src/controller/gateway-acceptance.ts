/**
 * Gateway-level acceptance: `spec.infrastructure.parametersRef` (GatewayReasonInvalidParameters:
 * "the parametersRef field was invalid") and `spec.addresses` (GatewayReasonUnsupportedAddress: "an
 * address that was provided is a type which is not supported"; GatewayReasonAddressNotUsable on
 * Programmed when a provided address cannot be used).
 */
import { cond } from "../model/status";
import { type Ctx, type GatewayState, arr, isRecord, str } from "./context";
import { checkParametersRef } from "./gatewayclass";

/** Address types the simulated controller supports (GatewaySpecAddress.type, default IPAddress). */
export const SUPPORTED_ADDRESS_TYPES = ["IPAddress", "Hostname"];

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A loose IPv6 check (hex groups and colons, at most one `::`). */
function isIPv6(v: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(v) || !v.includes(":")) return false;
  return v.split("::").length <= 2;
}

/** Check one Gateway's parametersRef and addresses. */
export function checkGatewayAcceptance(ctx: Ctx, gw: GatewayState): void {
  const res = gw.res;
  const params = checkParametersRef(ctx, res.spec?.infrastructure?.parametersRef, res.namespace);
  if (!params.ok) {
    gw.conds.set("Accepted", cond("Accepted", false, "InvalidParameters", params.message));
    ctx.report(res, ["spec", "infrastructure", "parametersRef"], "error", "InvalidParameters", `Gateway ${res.namespace}/${res.name}: ${params.message}`);
  }
  arr(res.spec?.addresses).forEach((a, i) => {
    const o = isRecord(a) ? (a as Record<string, unknown>) : {};
    const type = str(o.type) || "IPAddress";
    const value = str(o.value);
    const path = ["spec", "addresses", i];
    if (!SUPPORTED_ADDRESS_TYPES.includes(type)) {
      const msg = `address type ${type} is not supported (${SUPPORTED_ADDRESS_TYPES.join(", ")} are)`;
      if (!gw.conds.has("Accepted")) gw.conds.set("Accepted", cond("Accepted", false, "UnsupportedAddress", msg));
      ctx.report(res, [...path, "type"], "error", "UnsupportedAddress", `Gateway ${res.namespace}/${res.name}: ${msg}`);
      return;
    }
    // An empty value asks the implementation to assign one: nothing to check.
    if (type === "IPAddress" && value && !IPV4.test(value) && !isIPv6(value)) {
      const msg = `address ${value} is not an IP address`;
      if (!gw.conds.has("Programmed")) gw.conds.set("Programmed", cond("Programmed", false, "AddressNotUsable", msg));
      ctx.report(res, [...path, "value"], "error", "AddressNotUsable", `Gateway ${res.namespace}/${res.name}: ${msg}`);
    }
  });
}

/** Rule: acceptance checks of every Gateway. */
export function runGatewayAcceptance(ctx: Ctx): void {
  for (const gw of ctx.gateways) checkGatewayAcceptance(ctx, gw);
}
