/**
 * The gRPC status a client sees for the gateway's HTTP status (gRPC's "HTTP to gRPC Status Code
 * Mapping", which Envoy applies to its own answers to gRPC calls; Gateway.spec.listeners: where
 * HTTP gets 404 "gRPC returns an Unimplemented status code").
 */
export function grpcStatusOf(http: number): string {
  if (http === 200) return "OK";
  if (http === 400) return "Internal";
  if (http === 401) return "Unauthenticated";
  if (http === 403) return "PermissionDenied";
  if (http === 404) return "Unimplemented";
  if (http === 429 || http === 502 || http === 503 || http === 504) return "Unavailable";
  return "Unknown";
}
