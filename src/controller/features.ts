/**
 * Conformance features (upstream `SupportX` names without the prefix) whose status behaviour the
 * simulated controller implements. Upstream runs a test only when the implementation claims its
 * `features`, skips it when the implementation claims one of its `skipIfFeatures`, and runs its body
 * only when it claims all `runOnlyIfFeatures`; the conformance status test applies the same rules.
 */
export const CONTROLLER_FEATURES: readonly string[] = [
  "Gateway",
  "HTTPRoute",
  "GRPCRoute",
  "TLSRoute",
  "TCPRoute",
  "UDPRoute",
  "ReferenceGrant",
  "BackendTLSPolicy",
  // ListenerSets attach to Gateways that allow them (listenerset-*.ts).
  "ListenerSet",
  // HTTPS and TLS (Terminate or Passthrough) listeners may share a port when hostnames differ.
  "TLSRouteModeMixed",
  // TLS listeners in Terminate mode are accepted (TLSRoute behind terminated TLS).
  "TLSRouteModeTerminate",
];
