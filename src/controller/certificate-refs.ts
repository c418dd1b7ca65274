/**
 * Listener certificateRefs → the listener's ResolvedRefs (ListenerTLSConfig.certificateRefs):
 * "References to a resource in different namespace are invalid UNLESS there is a ReferenceGrant in the
 * target namespace that allows the certificate to be attached. If a ReferenceGrant does not allow this
 * reference, the "ResolvedRefs" condition MUST be set to False for this listener with the
 * "RefNotPermitted" reason." Missing, unsupported or malformed → "InvalidCertificateRef".
 */
import { refKey } from "../model/ids";
import { type Ctx, type ListenerState, failListener } from "./context";
import { readRef, relateGrant, resolveRef } from "./refs";
import { secretProblemOrAssume, tlsSecretProblem } from "./secrets";
import { relation } from "./shared";

/** Only core Secrets are supported as certificates ("Support: Core - A single reference to a Kubernetes Secret of type kubernetes.io/tls"). */
const isSecret = (group: string, kind: string): boolean => group === "" && kind === "Secret";

/** Check the certificateRefs of one listener (Terminate mode only: "The certificateRefs field is ignored in this mode" for Passthrough). */
export function checkCertificateRefs(ctx: Ctx, ls: ListenerState): void {
  const tls = ls.view.tls;
  // tls is ignored (with a warning, listener-validity.ts) on HTTP, TCP and UDP listeners.
  if (!tls || tls.mode !== "Terminate" || (ls.view.protocol !== "HTTPS" && ls.view.protocol !== "TLS")) return;
  const from = ls.origin;
  const raws: unknown[] = Array.isArray(ls.spec.tls?.certificateRefs) ? ls.spec.tls.certificateRefs : [];
  raws.forEach((raw, i) => {
    const ref = readRef(raw, { group: "", kind: "Secret", namespace: from.namespace });
    const r = resolveRef(ctx, from, ref, isSecret);
    const path = ["tls", "certificateRefs", i];
    const view = tls.certificateRefs[i];
    let reason: string | undefined;
    let message = "";
    if (r.failure === "kind") {
      reason = "InvalidCertificateRef";
      message = `certificateRef ${ref.group ? ref.group + "/" : ""}${ref.kind} ${ref.name} is not a supported kind (core Secret)`;
    } else if (r.failure === "notPermitted") {
      reason = "RefNotPermitted";
      message = `certificateRef to Secret ${ref.namespace}/${ref.name} crosses namespaces and no ReferenceGrant in ${ref.namespace} allows it`;
    } else if (r.failure === "notFound") {
      reason = "InvalidCertificateRef";
      message = `Secret ${ref.namespace}/${ref.name} not found`;
    } else if (r.target) {
      const problem = secretProblemOrAssume(ctx, r.target, refKey(from), "a valid certificate and key (tls.crt, tls.key)", tlsSecretProblem);
      if (problem) {
        reason = "InvalidCertificateRef";
        message = problem;
      }
    }
    if (view) {
      view.resolved = !reason;
      if (reason) view.reason = reason;
    }
    if (reason) failListener(ctx, ls, "ResolvedRefs", reason, message, path);
    else relateGrant(ctx, r.grant, from);
    ctx.relate(relation("certificateRef", refKey(from), r.key, !reason, [...ls.view.path, ...path], reason, ls.view.name, r.grant ? refKey(r.grant) : undefined));
  });
}

/** Rule: certificate references of every listener. */
export function runCertificateRefs(ctx: Ctx): void {
  for (const gw of ctx.gateways) for (const ls of gw.listeners) checkCertificateRefs(ctx, ls);
}
