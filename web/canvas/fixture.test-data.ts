/** A small configuration covering what the canvas draws (shared by the canvas's unit tests). */
export const FIXTURE = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gc }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: infra }
spec:
  gatewayClassName: gc
  listeners:
  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.example.com"
    tls: { mode: Terminate, certificateRefs: [{ name: cert }] }
    allowedRoutes: { namespaces: { from: All } }
---
apiVersion: v1
kind: Secret
metadata: { name: cert, namespace: infra }
type: kubernetes.io/tls
data: { tls.crt: "", tls.key: "" }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: http }]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /api } }]
    backendRefs: [{ name: web, port: 80, weight: 90 }, { name: web-canary, port: 80, weight: 10 }]
  - backendRefs: [{ name: web, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: cross, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: http }]
  rules:
  - backendRefs: [{ name: svc, namespace: other, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: granted, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra }]
  rules:
  - backendRefs: [{ name: db, namespace: shared, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lonely, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: nope }]
  rules:
  - backendRefs: [{ name: web, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: allow-apps, namespace: shared }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps }]
  to: [{ group: "", kind: Service }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: apps }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: web-canary, namespace: apps }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: other }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: shared }
spec: { ports: [{ port: 80 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: { name: web-tls, namespace: apps }
spec:
  targetRefs: [{ group: "", kind: Service, name: web }]
  validation: { hostname: web.example, wellKnownCACertificates: System }
`;
