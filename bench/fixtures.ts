/**
 * Synthetic configurations for benchmarks: one Gateway with HTTP/HTTPS listeners,
 * N HTTPRoutes spread over namespaces, each with a few rules, matches, filters and weighted backends.
 * Shaped like real manifests (comments, quoted wildcard hostnames, nested lists) so the parse cost is honest.
 */
export function routesYaml(n: number, namespaces = 20): string {
  const parts: string[] = [];
  parts.push(`apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: bench
spec:
  controllerName: example.com/bench
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: infra
spec:
  gatewayClassName: bench
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: All
  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.example.com"
    tls:
      mode: Terminate
      certificateRefs:
      - name: wildcard-cert
    allowedRoutes:
      namespaces:
        from: All`);
  for (let i = 0; i < n; i++) parts.push(routeDoc(i, namespaces));
  return parts.join("\n---\n") + "\n";
}

/** One HTTPRoute document, deterministic in its index. */
export function routeDoc(i: number, namespaces = 20): string {
  const ns = `team-${i % namespaces}`;
  return `# route ${i}: owned by ${ns}
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app-${i}
  namespace: ${ns}
  labels:
    app: app-${i}
    tier: web
spec:
  parentRefs:
  - name: edge
    namespace: infra
    sectionName: http
  hostnames:
  - "app-${i}.example.com"
  - "www.app-${i}.example.com"
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /api/v${i % 3}
      headers:
      - name: x-canary
        value: "true"
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        add:
        - name: x-route
          value: app-${i}
    backendRefs:
    - name: app-${i}-canary
      port: 8080
      weight: 10
    - name: app-${i}
      port: 8080
      weight: 90
  - matches:
    - path:
        type: Exact
        value: /healthz
      method: GET
    backendRefs:
    - name: app-${i}
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /
    backendRefs:
    - name: app-${i}
      port: 8080`;
}
