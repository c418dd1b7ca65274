/**
 * The request object of the CLI and the simulator: exactly the shape of a request case in the
 * conformance data (`{"gateway": "ns/name", "request": {...}}` or `{"mesh": {...}, "request": {...}}`).
 */

export type Protocol = "HTTP" | "HTTPS" | "GRPC" | "TLS" | "TCP" | "UDP";

export interface RequestSpec {
  protocol?: Protocol;
  /** Host header (`:authority` for gRPC, SNI target for TLS). "" = the Gateway's address (an IP literal). */
  host?: string;
  port?: number;
  path?: string;
  method?: string;
  headers?: Record<string, string | string[]>;
  query?: Record<string, string | string[]>;
  rawQuery?: string;
  sni?: string;
  http2?: boolean;
  h2cPriorKnowledge?: boolean;
  websocket?: boolean;
  grpc?: { service?: string; method?: string };
  backendResponseHeaders?: Record<string, string>;
  clientCertificate?: string;
  payload?: string;
}

export interface MeshTarget {
  service?: string;
  pod?: string;
  port?: number;
  client?: string;
}

export interface SimRequest {
  gateway?: string;
  mesh?: MeshTarget;
  request: RequestSpec;
}

/** The protocol's default port: 80 for HTTP/GRPC, 443 for HTTPS/TLS. */
export function defaultPort(protocol: Protocol | undefined): number {
  return protocol === "HTTPS" || protocol === "TLS" ? 443 : 80;
}
