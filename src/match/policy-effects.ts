/**
 * What backend policies do to a request once it lands on a backend, for every matcher (HTTP, gRPC,
 * TLS, mesh): which BackendTLSPolicy, BackendLBPolicy and XBackendTrafficPolicy are in force for the
 * Service (and port), what the gateway's connection to it looks like, and why it fails.
 * - BackendTLSPolicy: validation.hostname "MUST be used as the SNI to connect to the backend" and,
 *   without subjectAltNames, "MUST match the certificate served by the matching backend"; with no
 *   valid CA, "Connections using an invalid CACertificateRef MUST fail, and the client MUST receive
 *   an HTTP 5xx error response". A policy targeting the Service port by name (sectionName) governs
 *   that port; one without a sectionName governs the other ports.
 * - Gateway.spec.tls.backend.clientCertificateRef: the certificate the gateway presents to backends
 *   it connects to over TLS ("That is determined by the presence of a BackendTLSPolicy").
 * - Session persistence (GEP-1619): "Session persistence configuration specified in a route rule
 *   SHALL override equivalent configuration in BackendLBPolicy"; "a persistent session takes
 *   precedence over traffic split weights".
 * - XBackendTrafficPolicy.retryConstraint: "After the retry budget has been exceeded, additional
 *   retries to the backend MUST return a 503 response to the client."
 * Everything per backend is computed once per Model and backend, then replayed per request.
 *
 * Use: `const idx = policyIndex(model)` (null when the Model has no policy); on landing,
 * `landOnBackend(idx, gatewayKey, backend, outcomeBackend, ruleRaw, routeRef, t)` returns why the
 * backend's connection fails (its share gets 500) or null, fills `policies`/`tls` of the Outcome
 * backend and adds the trace steps. `noteRuleSession` describes a rule's own sessionPersistence.
 */
import type { Model, PolicyView } from "../model/model";
import type { BackendTLSUse, OutcomeBackend } from "../model/outcome";
import { describeSessionPersistence, readSessionPersistence } from "../controller/session-persistence";
import type { Trace } from "./trace";
import { describeBackend, type BackendPolicies, type BackendRef } from "./policy-describe";

export type { BackendPolicies, BackendRef } from "./policy-describe";

/** The policies of one Service, as the controller resolved them. */
export interface ServicePolicies {
  /** BackendTLSPolicy in force for the whole Service (no sectionName). */
  tls: PolicyView | null;
  /** BackendTLSPolicies in force for a port, by port name. */
  tlsBySection: Map<string, PolicyView>;
  /** BackendLBPolicies and XBackendTrafficPolicies in force, in GEP-713 precedence order. */
  traffic: PolicyView[];
  /** Policies targeting the Service that are not in force (lost a conflict, or not accepted), for the trace. */
  idle: PolicyView[];
}

/** The Model's policies by Service, and the Gateways' backend client certificates. */
export interface PolicyIndex {
  model: Model;
  /** `ns/name` of a Service → its policies. */
  byService: Map<string, ServicePolicies>;
  /** Gateway `ns/name` → client certificate Secret `ns/name` and whether it resolved. */
  clientCerts: Map<string, { secret: string; ok: boolean }>;
  /** Results per backend object, per Gateway key. */
  memo: WeakMap<object, Map<string, BackendPolicies | null>>;
}

const indexes = new WeakMap<Model, PolicyIndex | null>();

/** The policy index of a Model, built on first use; null when the Model has no backend policy. */
export function policyIndex(model: Model): PolicyIndex | null {
  let idx = indexes.get(model);
  if (idx === undefined) {
    idx = buildIndex(model);
    indexes.set(model, idx);
  }
  return idx;
}

/** GEP-713 precedence between policies: older first, then namespace/name. */
function older(a: PolicyView, b: PolicyView): number {
  const ta = a.created || "\uffff";
  const tb = b.created || "\uffff";
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function buildIndex(model: Model): PolicyIndex | null {
  const policies = model.policies;
  if (!policies || policies.length === 0) return null;
  const byService = new Map<string, ServicePolicies>();
  for (const p of policies) {
    for (const t of p.targets) {
      if (t.group !== "" || t.kind !== "Service") continue;
      const k = `${t.namespace}/${t.name}`;
      let sp = byService.get(k);
      if (!sp) byService.set(k, (sp = { tls: null, tlsBySection: new Map(), traffic: [], idle: [] }));
      if (!t.found) continue;
      if (!t.inForce) {
        if (!sp.idle.includes(p)) sp.idle.push(p);
      } else if (p.kind === "BackendTLSPolicy") {
        if (t.sectionName) sp.tlsBySection.set(t.sectionName, p);
        else sp.tls = p;
      } else if (!sp.traffic.includes(p)) sp.traffic.push(p);
    }
  }
  for (const sp of byService.values()) sp.traffic.sort(older);
  const clientCerts = new Map<string, { secret: string; ok: boolean }>();
  for (const r of model.relations) {
    // backend-client-certificate.ts: a certificateRef relation at spec.tls.backend.clientCertificateRef.
    if (r.type !== "certificateRef" || r.path[1] !== "tls" || r.path[2] !== "backend" || !r.from.startsWith("Gateway/")) continue;
    clientCerts.set(r.from.slice("Gateway/".length), { secret: r.to.slice(r.to.indexOf("/") + 1), ok: r.ok });
  }
  return { model, byService, clientCerts, memo: new WeakMap() };
}

/** The policies in force for a backend reached through a Gateway (`ns/name`, or null for mesh traffic); null when none concern it. */
export function backendPolicies(idx: PolicyIndex, gatewayKey: string | null, b: BackendRef): BackendPolicies | null {
  if ((b.kind ?? "Service") !== "Service" || (b.group ?? "") !== "") return null;
  const sp = idx.byService.get(`${b.namespace}/${b.name}`);
  if (!sp) return null;
  let byGw = idx.memo.get(b);
  if (!byGw) idx.memo.set(b, (byGw = new Map()));
  const g = gatewayKey ?? "";
  let p = byGw.get(g);
  if (p === undefined) {
    p = describeBackend(idx, sp, gatewayKey, b);
    byGw.set(g, p);
  }
  return p;
}

/**
 * Apply the policies of the backend a request lands on: fill the Outcome backend's `policies` and
 * `tls`, trace each policy (refs: the policy, the route, the backend), and say whether the
 * connection fails. `ruleRaw` is the route rule (its sessionPersistence overrides the backend's).
 */
export function landOnBackend(idx: PolicyIndex | null | undefined, gatewayKey: string | null, b: BackendRef, ob: OutcomeBackend | null, ruleRaw: unknown, routeRef: string, t: Trace): string | null {
  if (!idx) return null;
  const p = backendPolicies(idx, gatewayKey, b);
  if (!p) return null;
  if (ob) {
    if (p.policies.length > 0) ob.policies = p.policies;
    if (p.tls) ob.tls = copyTLS(p.tls);
  }
  if (t.on) {
    const ruleSession = isObject(ruleRaw) && ruleRaw.sessionPersistence !== undefined && ruleRaw.sessionPersistence !== null;
    for (const n of p.notes) {
      if (n.session && ruleSession) {
        t.add("policy", `${n.session} sets session persistence for ${p.target}, but the route rule's own sessionPersistence overrides it (GEP-1619: "Session persistence configuration specified in a route rule SHALL override equivalent configuration in BackendLBPolicy")`, [n.refs[0], routeRef]);
        continue;
      }
      t.add("policy", n.detail, routeRef ? [...n.refs, routeRef] : n.refs);
    }
  }
  return p.failure;
}

function copyTLS(u: BackendTLSUse): BackendTLSUse {
  const c: BackendTLSUse = { policy: u.policy, sni: u.sni, verify: u.verify, ca: u.ca };
  if (u.clientCertificate !== undefined) c.clientCertificate = u.clientCertificate;
  return c;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isObject(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A route rule's sessionPersistence, in the trace: what the session is, and that with several
 * backends "a persistent session takes precedence over traffic split weights" (GEP-1619).
 */
export function noteRuleSession(ruleRaw: unknown, routeRef: string, backends: number, t: Trace): void {
  if (!t.on || !isObject(ruleRaw) || ruleRaw.sessionPersistence === undefined || ruleRaw.sessionPersistence === null) return;
  const { view, problems } = readSessionPersistence(ruleRaw.sessionPersistence);
  if (!view || problems.length > 0) {
    t.add("rule", `the rule's sessionPersistence is invalid (${problems.map((p) => p.message).join("; ")}): the API server rejects the route`, [routeRef]);
    return;
  }
  const split = backends > 1 ? "; a persistent session takes precedence over the traffic split weights" : "";
  t.add("rule", `session persistence (route rule): ${describeSessionPersistence(view)}; the first request of a session is balanced as usual, later requests carrying it stay on the same backend endpoint${split}; sessions are not simulated across requests`, [routeRef]);
}

