/**
 * Client certificate validation at an HTTPS listener (Gateway.spec.tls.frontend): the `default`
 * validation applies "for all Listeners handling HTTPS traffic, unless a per-port configuration is
 * defined"; a `perPort` entry "overrides the default configuration for all Listeners handling HTTPS
 * traffic that match this port" (an entry without `tls.validation` turns validation off there).
 * FrontendValidationMode: "AllowValidOnly: … the gateway will accept connections only if the client
 * presents a valid certificate"; "AllowInsecureFallback: … will accept connections even if the
 * client certificate is not presented or fails verification". Defaults to AllowValidOnly.
 * Which block applies is the controller's `validationFor` (the same one that sets listener status).
 * Certificates are not parsed: a presented certificate is assumed to be signed by a trusted CA.
 */
import type { ListenerView, Model } from "../model/model";
import { validationFor } from "../controller/frontend-validation";
import type { Trace } from "./trace";
import { listenerRef } from "./trace";

/** What a listener asks of clients, worked out once per listener view. */
interface FrontendInfo {
  /** `default` or `perPort 8443`. */
  where: string;
  mode: string;
  /** Trust anchors as `Kind ns/name`. */
  cas: string[];
  /** `Gateway/ns/name` that declares it. */
  origin: string;
}

const infos = new WeakMap<ListenerView, FrontendInfo | null>();

function infoOf(model: Model, l: ListenerView): FrontendInfo | null {
  let info = infos.get(l);
  if (info !== undefined) return info;
  info = null;
  // The Gateway's configuration, also for a listener a ListenerSet adds ("for entire gateway").
  const origin = model.byKey.get(l.gatewayKey);
  const found = origin && l.protocol === "HTTPS" ? validationFor(origin.spec, l.port) : null;
  if (origin && found) {
    const v = found.validation;
    const refs = Array.isArray(v.caCertificateRefs) ? v.caCertificateRefs : [];
    const cas = refs.map((r) => {
      const o = (r && typeof r === "object" ? r : {}) as Record<string, unknown>;
      return `${typeof o.kind === "string" ? o.kind : "ConfigMap"} ${typeof o.namespace === "string" && o.namespace ? o.namespace : origin.namespace}/${String(o.name ?? "")}`;
    });
    const where = found.path[3] === "perPort" ? `perPort entry for port ${l.port}` : "default";
    info = { where, mode: typeof v.mode === "string" ? v.mode : "AllowValidOnly", cas, origin: l.gatewayKey };
  }
  infos.set(l, info);
  return info;
}

/**
 * Client certificate validation for an HTTPS request on listener `l`: traces what the listener asks
 * and returns why the TLS handshake fails, or null when the connection is accepted.
 * `clientCertificate` is the request's (`ns/name` of the Secret the client presents).
 */
export function frontendTLS(model: Model, l: ListenerView, clientCertificate: string | undefined, t: Trace): string | null {
  if (l.protocol !== "HTTPS") return null;
  const info = infoOf(model, l);
  if (!info) return null;
  const refs = [info.origin, listenerRef(l.id)];
  if (t.on) t.add("tls", `listener ${l.name} validates client certificates (Gateway spec.tls.frontend ${info.where}): trusted CA ${info.cas.join(", ") || "(none)"}, mode ${info.mode}`, refs);
  const fallback = info.mode === "AllowInsecureFallback";
  if (!clientCertificate) {
    if (fallback) {
      if (t.on) t.add("tls", "the client presents no certificate; AllowInsecureFallback accepts the connection anyway (client authorization is left to the backend)", refs);
      return null;
    }
    const why = `TLS handshake fails: listener ${l.name} requires a client certificate (mode ${info.mode}) and the client presents none`;
    if (t.on) t.add("tls", why, refs);
    return why;
  }
  if (t.on) {
    t.add("tls", fallback
      ? `the client presents the certificate of Secret ${clientCertificate}; AllowInsecureFallback accepts the connection whether or not it verifies`
      : `the client presents the certificate of Secret ${clientCertificate}; whether one of the trusted CAs signed it is not checked (certificates are not parsed): assumed valid`, [...refs, `Secret/${clientCertificate}`]);
  }
  return null;
}
