import type { GalleryExample } from "./types";

/** Backends in other namespaces: one permitted by a ReferenceGrant, one not. */
export const crossNamespace: GalleryExample = {
  id: "cross-namespace",
  title: "Cross-namespace backends and ReferenceGrant",
  description: "A route reaches a Service in another namespace only if that namespace grants it.",
  explanation: [
    "The `portal` route in `frontend` sends `/invoices` to the Service `billing/invoices` and `/exports` to `reports/exports`. Both Services live in other namespaces.",
    "A reference across namespaces is a handshake: the owner of the target must agree. `billing` has a ReferenceGrant that lets HTTPRoutes from `frontend` refer to its Services, so `/invoices` works.",
    "`reports` has no ReferenceGrant. The controller sets the route's `ResolvedRefs` condition to False with reason `RefNotPermitted`, and requests for `/exports` get a 500: the rule matched, but its only backend may not be used. The edge to `reports/exports` is drawn broken, and the Status tab lists the condition.",
    "To fix it, add a ReferenceGrant in `reports` (copy the one in `billing` and change its namespace). Grants are read from the target's namespace; one in `frontend` would not help.",
  ],
  yaml: `# Cross-namespace backends: billing grants the reference, reports does not.
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: example.com/gateway-controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
  namespace: frontend
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      hostname: portal.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: portal
  namespace: frontend
spec:
  parentRefs:
    - name: web
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /invoices
      backendRefs:
        - name: invoices
          namespace: billing
          port: 8080
    - matches:
        - path:
            type: PathPrefix
            value: /exports
      backendRefs:
        - name: exports
          namespace: reports
          port: 8080
---
# Written by the billing team: HTTPRoutes in frontend may use Services in billing.
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: allow-frontend-routes
  namespace: billing
spec:
  from:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      namespace: frontend
  to:
    - group: ""
      kind: Service
---
apiVersion: v1
kind: Service
metadata:
  name: invoices
  namespace: billing
spec:
  selector:
    app: invoices
  ports:
    - port: 8080
---
# No ReferenceGrant in reports: the reference from frontend is not permitted.
apiVersion: v1
kind: Service
metadata:
  name: exports
  namespace: reports
spec:
  selector:
    app: exports
  ports:
    - port: 8080
`,
  samples: [
    { label: "granted: billing", request: { gateway: "frontend/web", request: { host: "portal.example.com", path: "/invoices/2024-07", method: "GET" } }, expect: { statusCode: 200, backend: "billing/invoices" } },
    { label: "not granted: reports", request: { gateway: "frontend/web", request: { host: "portal.example.com", path: "/exports/all.csv", method: "GET" } }, expect: { statusCode: 500, backend: null } },
  ],
  nodes: ["GatewayClass/example", "Gateway/frontend/web", "Listener/frontend/web/http", "HTTPRoute/frontend/portal", "ReferenceGrant/billing/allow-frontend-routes", "Service/billing/invoices", "Service/reports/exports"],
  teachesErrors: ["RefNotPermitted"],
};
