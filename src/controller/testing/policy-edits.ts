/**
 * Test support for the caches with backend policies: generated configurations (edits.ts) plus
 * BackendTLSPolicies (whole Service, by port name, conflicting, with missing CAs), a BackendLBPolicy,
 * an XBackendTrafficPolicy and the CA ConfigMaps, so random edits reach policies, their targets and
 * the routes that make their ancestors.
 */
import { generated } from "./edits";

const btls = (name: string, target: string, validation: string, created: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: {name: ${name}, namespace: a, creationTimestamp: "${created}"}\nspec:\n  targetRefs: [${target}]\n  validation: ${validation}`;

/** Fixed policy documents over the Services of `generated` (s1 in a, s2 in b). */
export const POLICY_DOCS: readonly string[] = [
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: a}\ndata: {ca.crt: pem}`,
  btls("p1", "{group: '', kind: Service, name: s1}", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}], hostname: s1.example.com}", "2026-01-01T00:00:00Z"),
  btls("p2", "{group: '', kind: Service, name: s1}", "{wellKnownCACertificates: System, hostname: p2.example.com}", "2026-01-02T00:00:00Z"),
  btls("p3", "{group: '', kind: Service, name: s1, sectionName: http}", "{caCertificateRefs: [{group: '', kind: ConfigMap, name: nope}], hostname: s1.example.com}", "2026-01-03T00:00:00Z"),
  `apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: BackendLBPolicy\nmetadata: {name: lb, namespace: a}\nspec:\n  targetRefs: [{group: '', kind: Service, name: s1}]\n  sessionPersistence: {sessionName: sid, absoluteTimeout: 1h}`,
  `apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackendTrafficPolicy\nmetadata: {name: x, namespace: b}\nspec:\n  targetRefs: [{group: '', kind: Service, name: s2}]\n  retryConstraint: {budget: {percent: 30}}`,
];

/** A generated configuration with the policy documents spread through it. */
export function policyGenerated(r: () => number, n: number): string[] {
  const out = generated(r, n);
  for (const d of POLICY_DOCS) out.splice(Math.floor(r() * (out.length + 1)), 0, d);
  return out;
}
