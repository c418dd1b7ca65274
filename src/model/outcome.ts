/** The answer of the matching engine (the CLI's Outcome contract, see DESIGN.md). */

export interface TraceStep {
  /** Short name of the decision, e.g. "listener", "hostname", "candidate", "rule", "filter", "backend". */
  step: string;
  detail: string;
  /** Objects the step concerns, as `Kind/ns/name` (lets the canvas light up the path). */
  refs: string[];
}

export interface OutcomeBackend {
  namespace: string;
  name: string;
  port: number | null;
  weight: number;
  probability: number;
  /** Kind when not a core Service. */
  kind?: string;
  /** Why this backend cannot serve (its share gets 500), when invalid. */
  invalid?: string;
  /** With several backends: what this one receives when its own backendRef filters change it. */
  requestHeaders?: Record<string, string>;
  path?: string;
  host?: string;
  /** Policies in force for this backend (`Kind/ns/name`): BackendTLSPolicy, BackendLBPolicy, XBackendTrafficPolicy. */
  policies?: string[];
  /** The gateway's TLS connection to this backend, when a BackendTLSPolicy is in force. */
  tls?: BackendTLSUse;
}

/** How the gateway connects to a backend over TLS (BackendTLSPolicy; Gateway spec.tls.backend). */
export interface BackendTLSUse {
  /** `BackendTLSPolicy/ns/name`. */
  policy: string;
  /** Server name sent to the backend (validation.hostname). */
  sni: string;
  /** Names the backend certificate must carry: the subjectAltNames, or else the hostname. */
  verify: string[];
  /** Trust anchors: `ConfigMap/ns/name` entries, or `System`. */
  ca: string[];
  /** `ns/name` of the Secret the gateway presents as its client certificate, if any. */
  clientCertificate?: string;
}

/**
 * A TLS connection on a TLS listener (Listener.tls.mode). Passthrough: "The TLS session is NOT
 * terminated by the Gateway", so the backend terminates it and sees the client's SNI. Terminate:
 * the gateway ends the TLS session and forwards the plain stream (re-encrypted only by a
 * BackendTLSPolicy, see OutcomeBackend.tls).
 */
export interface FrontendTLSUse {
  mode: "Passthrough" | "Terminate";
  /** Server name the client sent ("" when none). */
  sni: string;
}

/** One RequestMirror target of the selected rule. */
export interface MirrorShare {
  /** `ns/name`. */
  backend: string;
  /** Share of requests mirrored, 0–100. */
  percent: number;
  /** Why the mirror is dropped, when it is. */
  invalid?: string;
  /** Policies in force for the mirror target (`Kind/ns/name`), as for a backend. */
  policies?: string[];
  /** How the gateway connects to the mirror target over TLS (BackendTLSPolicy). */
  tls?: BackendTLSUse;
}

export interface Redirect {
  statusCode: number;
  location: string;
}

export interface Outcome {
  statusCode: number;
  backend: string | null;
  backends: OutcomeBackend[];
  listener: string | null;
  route: string | null;
  rule: number | null;
  match: number | null;
  requestHeaders: Record<string, string>;
  path: string;
  host: string;
  redirect: Redirect | null;
  responseHeaders: Record<string, string>;
  mirrors: string[];
  grpcStatus?: string;
  /** Every RequestMirror of the selected rule with its share (`mirrors` lists the live ones). */
  mirrorShares?: MirrorShare[];
  /** Set when a real client would get no HTTP response at all (nothing listening, TLS handshake failure). */
  connectionError?: string;
  /** TLS connections to a TLS listener (TLSRoute): where the client's TLS session ends, and its SNI. */
  frontendTLS?: FrontendTLSUse;
  trace: TraceStep[];
}
