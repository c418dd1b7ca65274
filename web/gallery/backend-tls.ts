import type { GalleryExample } from "./types";

/** BackendTLSPolicy: the gateway re-encrypts to a backend and checks the backend's certificate. */
export const backendTls: GalleryExample = {
  id: "backend-tls",
  title: "TLS to the backend (BackendTLSPolicy)",
  description: "The gateway connects to the billing service over TLS and verifies its certificate against the team's CA.",
  explanation: [
    "A route only says which Service receives a request; how the gateway connects to it is a property of the Service. The billing team requires TLS all the way to its pods, so its namespace holds a BackendTLSPolicy that targets the `billing` Service.",
    "`validation.hostname` is the server name the gateway sends (SNI) and the name the backend's certificate must carry. `caCertificateRefs` points to a ConfigMap with the CA (`ca.crt`) that signed that certificate: the gateway trusts nothing else for this backend.",
    "The policy attaches to the Service, not to the route: every route that sends traffic to `billing` gets TLS, and `/reports` still reaches the `reports` Service in plain HTTP. Select the policy to see its target, settings and status per Gateway.",
    "In the simulator, the backend of a billing request shows the TLS connection: the SNI and the CA in use. Remove the ConfigMap in the editor: the policy loses its only CA and billing requests get a 5xx.",
  ],
  yaml: `# BackendTLSPolicy: TLS from the gateway to one backend Service.
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
  namespace: finance
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      hostname: finance.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: finance
  namespace: finance
spec:
  parentRefs:
    - name: web
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /billing
      backendRefs:
        - name: billing
          port: 8443
    - matches:
        - path:
            type: PathPrefix
            value: /reports
      backendRefs:
        - name: reports
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: billing
  namespace: finance
spec:
  selector:
    app: billing
  ports:
    - name: https
      port: 8443
---
apiVersion: v1
kind: Service
metadata:
  name: reports
  namespace: finance
spec:
  selector:
    app: reports
  ports:
    - name: http
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: billing-tls
  namespace: finance
spec:
  targetRefs:
    - group: ""
      kind: Service
      name: billing
  validation:
    hostname: billing.finance.internal
    caCertificateRefs:
      - group: ""
        kind: ConfigMap
        name: billing-ca
---
# Placeholder: the real CA certificate comes from the team's PKI.
apiVersion: v1
kind: ConfigMap
metadata:
  name: billing-ca
  namespace: finance
data:
  ca.crt: |
    -----BEGIN CERTIFICATE-----
    placeholder
    -----END CERTIFICATE-----
`,
  samples: [
    { label: "billing over TLS", request: { gateway: "finance/web", request: { protocol: "HTTP", host: "finance.example.com", path: "/billing/invoices", method: "GET" } }, expect: { statusCode: 200, backend: "finance/billing", backendTLS: { sni: "billing.finance.internal" } } },
    { label: "reports in plain HTTP", request: { gateway: "finance/web", request: { protocol: "HTTP", host: "finance.example.com", path: "/reports/2024", method: "GET" } }, expect: { statusCode: 200, backend: "finance/reports", backendTLS: null } },
  ],
  nodes: ["GatewayClass/example", "Gateway/finance/web", "Listener/finance/web/http", "HTTPRoute/finance/finance", "Service/finance/billing", "Service/finance/reports", "BackendTLSPolicy/finance/billing-tls", "ConfigMap/finance/billing-ca"],
};
