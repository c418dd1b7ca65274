/**
 * Gateway.spec.tls.backend.clientCertificateRef → the Gateway's ResolvedRefs: unresolvable,
 * unsupported or misconfigured ("a Secret does not contain the keys named `tls.crt` and `tls.key`")
 * → InvalidClientCertificateRef; cross-namespace without a ReferenceGrant → RefNotPermitted. It does
 * not affect acceptance (conformance: "leaves it Accepted=True").
 */
import { cond } from "../model/status";
import { refKey } from "../model/ids";
import type { Ctx, GatewayState } from "./context";
import { readRef, relateGrant, resolveRef } from "./refs";
import { secretProblemOrAssume, tlsSecretProblem } from "./secrets";
import { relation } from "./shared";

const isSecret = (group: string, kind: string): boolean => group === "" && kind === "Secret";

/** Check one Gateway's backend client certificate. */
export function checkBackendClientCertificate(ctx: Ctx, gw: GatewayState): void {
  const raw = gw.res.spec?.tls?.backend?.clientCertificateRef;
  if (raw === undefined || raw === null) return;
  const from = gw.res;
  const ref = readRef(raw, { group: "", kind: "Secret", namespace: from.namespace });
  const r = resolveRef(ctx, from, ref, isSecret);
  const path = ["spec", "tls", "backend", "clientCertificateRef"];
  let reason: string | undefined;
  let message = "";
  if (r.failure === "notPermitted") {
    reason = "RefNotPermitted";
    message = `clientCertificateRef to Secret ${ref.namespace}/${ref.name} crosses namespaces and no ReferenceGrant allows it`;
  } else if (r.failure) {
    reason = "InvalidClientCertificateRef";
    message = r.failure === "kind" ? `clientCertificateRef kind ${ref.group ? ref.group + "/" : ""}${ref.kind} is not supported (core Secret)` : `Secret ${ref.namespace}/${ref.name} not found`;
  } else if (r.target) {
    const problem = secretProblemOrAssume(ctx, r.target, refKey(from), "a valid client certificate and key (tls.crt, tls.key)", tlsSecretProblem);
    if (problem) {
      reason = "InvalidClientCertificateRef";
      message = problem;
    }
  }
  if (reason) {
    gw.conds.set("ResolvedRefs", cond("ResolvedRefs", false, reason, message));
    ctx.report(from, path, "error", reason, `Gateway ${from.namespace}/${from.name}: ${message}`);
  } else relateGrant(ctx, r.grant, from);
  ctx.relate(relation("certificateRef", refKey(from), r.key, !reason, path, reason, undefined, r.grant ? refKey(r.grant) : undefined));
}

/** Rule: backend client certificates of every Gateway. */
export function runBackendClientCertificate(ctx: Ctx): void {
  for (const gw of ctx.gateways) checkBackendClientCertificate(ctx, gw);
}
