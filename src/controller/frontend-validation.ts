/**
 * Client certificate validation (Gateway.spec.tls.frontend): the default validation, or the perPort
 * entry for a listener's port, applies to "all Listeners handling HTTPS traffic that match this
 * port". FrontendTLSValidation.caCertificateRefs: missing or misconfigured (no `ca.crt`) →
 * ResolvedRefs=False/InvalidCACertificateRef; unknown kind → InvalidCACertificateKind; cross-namespace
 * without a ReferenceGrant → RefNotPermitted; "If ALL CACertificateRefs are invalid … the `Accepted`
 * condition on the listener is set to `status: False`, with the Reason `NoValidCACertificate`".
 * A mode of AllowInsecureFallback sets the Gateway's InsecureFrontendValidationMode=True.
 */
import { cond } from "../model/status";
import { refKey } from "../model/ids";
import { type Ctx, type GatewayState, type ListenerState, arr, failListener, isRecord } from "./context";
import { readRef, relateGrant, resolveRef } from "./refs";
import { caConfigMapProblem } from "./secrets";
import { relation } from "./shared";
import { checkFrontendConfig } from "./frontend-config";

const isConfigMap = (group: string, kind: string): boolean => group === "" && kind === "ConfigMap";

/** The validation block that applies to a port, with its path in the Gateway. */
export function validationFor(gwSpec: unknown, port: number): { validation: Record<string, unknown>; path: (string | number)[] } | null {
  const frontend = isRecord(gwSpec) ? (gwSpec as Record<string, Record<string, unknown>>).tls?.frontend : undefined;
  if (!isRecord(frontend)) return null;
  const perPort = arr((frontend as Record<string, unknown>).perPort);
  const i = perPort.findIndex((p) => isRecord(p) && (p as Record<string, unknown>).port === port);
  if (i !== -1) {
    const v = perPort[i]?.tls?.validation;
    return isRecord(v) ? { validation: v, path: ["spec", "tls", "frontend", "perPort", i, "tls", "validation"] } : null;
  }
  const d = (frontend as Record<string, Record<string, unknown>>).default?.validation;
  return isRecord(d) ? { validation: d, path: ["spec", "tls", "frontend", "default", "validation"] } : null;
}

/** Check the CA references that apply to one HTTPS listener. */
export function checkListenerValidation(ctx: Ctx, ls: ListenerState): void {
  if (ls.view.protocol !== "HTTPS") return;
  // GatewayTLSConfig: "TLS specifies frontend and backend tls configuration for entire gateway": it
  // also covers the HTTPS listeners ListenerSets add (the Gateway's, not the set's, references).
  const found = validationFor(ls.gw.res.spec, ls.view.port);
  if (!found) return;
  const from = ls.gw.res;
  const refs = arr(found.validation.caCertificateRefs);
  let valid = 0;
  refs.forEach((raw, i) => {
    const ref = readRef(raw, { group: "", kind: "ConfigMap", namespace: from.namespace });
    const r = resolveRef(ctx, from, ref, isConfigMap);
    const path = [...found.path, "caCertificateRefs", i];
    let reason: string | undefined;
    let message = "";
    if (r.failure === "kind") {
      reason = "InvalidCACertificateKind";
      message = `caCertificateRef kind ${ref.group ? ref.group + "/" : ""}${ref.kind} is not supported (core ConfigMap)`;
    } else if (r.failure === "notPermitted") {
      reason = "RefNotPermitted";
      message = `caCertificateRef to ConfigMap ${ref.namespace}/${ref.name} crosses namespaces and no ReferenceGrant allows it`;
    } else if (r.failure === "notFound") {
      reason = "InvalidCACertificateRef";
      message = `ConfigMap ${ref.namespace}/${ref.name} not found`;
    } else if (r.target) {
      const problem = caConfigMapProblem(r.target);
      if (problem) {
        reason = "InvalidCACertificateRef";
        message = problem;
      }
    }
    if (reason) {
      // The condition sits on the listener; the diagnostic points at the reference in spec.tls.
      if (!ls.conds.has("ResolvedRefs")) ls.conds.set("ResolvedRefs", cond("ResolvedRefs", false, reason, message));
      ctx.report(from, path, "error", reason, `Gateway ${from.namespace}/${from.name} listener ${ls.view.name}: ${message}`);
    } else {
      valid++;
      relateGrant(ctx, r.grant, from);
    }
    ctx.relate(relation("caCertificateRef", refKey(from), r.key, !reason, path, reason, ls.view.name, r.grant ? refKey(r.grant) : undefined));
  });
  if (refs.length > 0 && valid === 0) failListener(ctx, ls, "Accepted", "NoValidCACertificate", "no valid CA certificate for client certificate validation", []);
}

/** InsecureFrontendValidationMode: True/ConfigurationChanged when any validation allows insecure fallback. */
export function checkInsecureMode(gw: GatewayState): void {
  const frontend = gw.res.spec?.tls?.frontend;
  if (!isRecord(frontend)) return;
  const modes = [(frontend as Record<string, Record<string, Record<string, unknown>>>).default?.validation?.mode, ...arr((frontend as Record<string, unknown>).perPort).map((p) => p?.tls?.validation?.mode)];
  if (modes.includes("AllowInsecureFallback")) {
    gw.conds.set("InsecureFrontendValidationMode", cond("InsecureFrontendValidationMode", true, "ConfigurationChanged", "client certificate validation allows insecure fallback"));
  }
}

/** Rule: frontend validation of every Gateway. */
export function runFrontendValidation(ctx: Ctx): void {
  for (const gw of ctx.gateways) {
    checkFrontendConfig(ctx, gw);
    checkInsecureMode(gw);
    for (const ls of gw.listeners) checkListenerValidation(ctx, ls);
  }
}
