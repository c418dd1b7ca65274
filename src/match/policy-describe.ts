/**
 * The effect of the policies in force for one backend, worked out once per Model, backend and
 * Gateway (policy-effects.ts caches it): the TLS connection (SNI, what the certificate must match,
 * trust anchors, client certificate), why it fails, session persistence, the retry budget, and the
 * trace lines that say so. Spec citations are in policy-effects.ts.
 */
import type { PolicyView } from "../model/model";
import type { BackendTLSUse } from "../model/outcome";
import { describeSessionPersistence } from "../controller/session-persistence";
import type { PolicyIndex, ServicePolicies } from "./policy-effects";

/** A backend as matchers know it (a BackendView fits). */
export interface BackendRef {
  group?: string;
  kind?: string;
  namespace: string;
  name: string;
  port: number | null;
}

/** One trace line; `session` is set on session-persistence lines (a route rule's own setting overrides them). */
export interface PolicyNote {
  detail: string;
  refs: string[];
  session?: string;
}

export interface BackendPolicies {
  /** `Service ns/name:port`, for messages. */
  target: string;
  /** Policies in force, `Kind/ns/name`. */
  policies: string[];
  tls: BackendTLSUse | null;
  /** Why the gateway cannot connect (the backend's share gets 500), else null. */
  failure: string | null;
  notes: PolicyNote[];
}

const nsName = (p: PolicyView): string => `${p.namespace}/${p.name}`;

/** The name of the Service port with this number, from the Service in the input. */
function portName(idx: PolicyIndex, b: BackendRef): string | null {
  if (b.port === null) return null;
  const svc = idx.model.byKey.get(`Service/${b.namespace}/${b.name}`);
  const ports = svc && svc.group === "" && svc.spec && Array.isArray(svc.spec.ports) ? svc.spec.ports : [];
  for (const p of ports) if (p && typeof p === "object" && p.port === b.port && typeof p.name === "string") return p.name;
  return null;
}

/** The policies' effect on one backend. */
export function describeBackend(idx: PolicyIndex, sp: ServicePolicies, gatewayKey: string | null, b: BackendRef): BackendPolicies {
  const svcRef = `Service/${b.namespace}/${b.name}`;
  const target = `Service ${b.namespace}/${b.name}${b.port !== null ? `:${b.port}` : ""}`;
  const out: BackendPolicies = { target, policies: [], tls: null, failure: null, notes: [] };
  const section = portName(idx, b);
  const bySection = section !== null ? sp.tlsBySection.get(section) : undefined;
  const tls = bySection ?? sp.tls;
  if (tls) describeTLS(idx, tls, bySection ? section : null, gatewayKey, target, svcRef, out);
  let session: PolicyView | null = null;
  for (const p of sp.traffic) {
    out.policies.push(p.key);
    if (p.sessionPersistence) {
      if (session) {
        out.notes.push({ detail: `${p.kind} ${nsName(p)} also sets session persistence for ${target}; ${session.kind} ${nsName(session)} is older and takes precedence`, refs: [p.key, svcRef] });
      } else {
        session = p;
        const who = `${p.kind} ${nsName(p)}`;
        out.notes.push({ detail: `session persistence (${who}): ${describeSessionPersistence(p.sessionPersistence)}; later requests of a session stay on the endpoint of ${target} that answered the first (not simulated across requests)`, refs: [p.key, svcRef], session: who });
      }
    }
    if (p.retryConstraint) {
      const r = p.retryConstraint;
      out.notes.push({ detail: `retry budget (${p.kind} ${nsName(p)}): retries to ${target} may make up at most ${r.budgetPercent}% of its active requests over ${r.budgetInterval}, and at least ${r.minRetryCount} per ${r.minRetryInterval} are allowed; retries past the budget get 503 (the budget is not simulated: the answer assumes no retry)`, refs: [p.key, svcRef] });
    }
  }
  for (const p of sp.idle) {
    if (p === tls || sp.traffic.includes(p)) continue;
    const t = p.targets.find((x) => x.namespace === b.namespace && x.name === b.name && x.kind === "Service");
    if (t?.sectionName && t.sectionName !== section && p.kind === "BackendTLSPolicy") continue;
    const why = t?.overriddenBy ? `${t.overriddenBy.slice(t.overriddenBy.indexOf("/") + 1)} takes precedence (GEP-713: the older policy, then the first by namespace/name)` : `it is not accepted (${p.reason}: ${p.message})`;
    out.notes.push({ detail: `${p.kind} ${nsName(p)} targets ${target} but has no effect: ${why}`, refs: [p.key, svcRef] });
  }
  if (!tls && sp.idle.some((p) => p.kind === "BackendTLSPolicy" && p.reason !== "Conflicted")) {
    out.notes.push({ detail: `no BackendTLSPolicy is in force for ${target}: the gateway connects to it without TLS`, refs: [svcRef] });
  }
  return out;
}

/** The TLS connection a BackendTLSPolicy in force makes, or why it fails. */
function describeTLS(idx: PolicyIndex, p: PolicyView, section: string | null, gatewayKey: string | null, target: string, svcRef: string, out: BackendPolicies): void {
  out.policies.push(p.key);
  const v = p.tls;
  const who = `BackendTLSPolicy ${nsName(p)}${section ? ` (sectionName ${section})` : ""}`;
  if (!v) return;
  const invalidCAs = v.caCertificateRefs.filter((c) => !c.valid);
  const validCAs = v.caCertificateRefs.filter((c) => c.valid).map((c) => c.key);
  if (!p.accepted && p.reason !== "Conflicted") {
    out.failure = `${who} is not accepted (${p.reason}: ${p.message}): the gateway cannot connect to ${target}`;
    if (p.reason === "NoValidCACertificate") out.failure += ` ("Connections using an invalid CACertificateRef MUST fail, and the client MUST receive an HTTP 5xx error response")`;
    out.notes.push({ detail: `upstream TLS to ${target} fails: ${out.failure}`, refs: [p.key, svcRef] });
    return;
  }
  const verify = v.subjectAltNames.length > 0 ? v.subjectAltNames.map((s) => s.slice(s.indexOf(":") + 1)) : [v.hostname];
  const ca = validCAs.length > 0 ? validCAs : v.wellKnownCACertificates ? [v.wellKnownCACertificates] : [];
  const use: BackendTLSUse = { policy: p.key, sni: v.hostname, verify, ca };
  const cert = gatewayKey ? idx.clientCerts.get(gatewayKey) : undefined;
  let client = "";
  if (cert?.ok) {
    use.clientCertificate = cert.secret;
    client = `; the gateway presents the client certificate of Secret ${cert.secret} (Gateway spec.tls.backend.clientCertificateRef)`;
  } else if (cert) client = `; Gateway spec.tls.backend.clientCertificateRef (Secret ${cert.secret}) does not resolve, so no client certificate is presented`;
  out.tls = use;
  const matchWhat = v.subjectAltNames.length > 0 ? `one of its subjectAltNames (${v.subjectAltNames.join(", ")}); the hostname is only the SNI` : `the hostname ${v.hostname}`;
  const trust = validCAs.length > 0 ? `CA from ${validCAs.map((k) => k.replace("/", " ")).join(", ")}` : `the ${v.wellKnownCACertificates} CA certificates`;
  const skipped = invalidCAs.length > 0 ? ` (${invalidCAs.map((c) => `${c.key} is unusable: ${c.reason}`).join("; ")})` : "";
  out.notes.push({
    detail: `upstream TLS to ${target} (${who}): SNI ${v.hostname}, the backend certificate must match ${matchWhat}, trusted ${trust}${skipped}${client}; the handshake is not simulated (the backend's serving certificate is not in the configuration)`,
    refs: cert ? [p.key, svcRef, `Secret/${cert.secret}`] : [p.key, svcRef],
  });
}
