import type { GalleryExample } from "./types";

/** TLS termination on 443 and a plain-HTTP listener that only redirects to HTTPS. */
export const httpsRedirect: GalleryExample = {
  id: "https-redirect",
  title: "HTTP → HTTPS with TLS termination",
  description: "Terminate TLS on 443 with a Secret; port 80 only answers 301 to https://.",
  explanation: [
    "The Gateway has two listeners. `https` terminates TLS with the certificate in the Secret `app-cert` (same namespace as the Gateway, so no ReferenceGrant is needed) and passes plain HTTP to the app.",
    "Two routes, each bound to one listener with `sectionName`: `app` serves on `https`, and `force-https` sits on `http` and redirects everything with `scheme: https`. Without `sectionName`, the app route would attach to both listeners and serve plain HTTP too.",
    "The redirect keeps the path and drops port 80: the Location is `https://app.example.com/…` (443 is the scheme's default port).",
    "The Secret carries placeholder PEM blocks: a Secret of type kubernetes.io/tls must have `tls.crt` and `tls.key`, and a controller rejects a certificate reference to one without them (InvalidCertificateRef). In a cluster, cert-manager or your CA fills them in; never commit real keys.",
  ],
  yaml: `# HTTPS with TLS termination, and HTTP redirected to HTTPS.
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
  name: edge
  namespace: app
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      hostname: app.example.com
    - name: https
      protocol: HTTPS
      port: 443
      hostname: app.example.com
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: app-cert
---
# Placeholder: the real certificate and key are issued in the cluster (e.g. by cert-manager).
apiVersion: v1
kind: Secret
metadata:
  name: app-cert
  namespace: app
type: kubernetes.io/tls
stringData:
  tls.crt: |
    -----BEGIN CERTIFICATE-----
    placeholder
    -----END CERTIFICATE-----
  tls.key: |
    -----BEGIN PRIVATE KEY-----
    placeholder
    -----END PRIVATE KEY-----
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: force-https
  namespace: app
spec:
  parentRefs:
    - name: edge
      sectionName: http
  rules:
    - filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
            statusCode: 301
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
  namespace: app
spec:
  parentRefs:
    - name: edge
      sectionName: https
  rules:
    - backendRefs:
        - name: web
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: app
spec:
  selector:
    app: web
  ports:
    - port: 8080
`,
  samples: [
    { label: "plain HTTP is redirected", request: { gateway: "app/edge", request: { protocol: "HTTP", host: "app.example.com", path: "/login", method: "GET" } }, expect: { statusCode: 301, backend: null, location: "https://app.example.com/login" } },
    { label: "HTTPS reaches the app", request: { gateway: "app/edge", request: { protocol: "HTTPS", host: "app.example.com", path: "/login", method: "GET" } }, expect: { statusCode: 200, backend: "app/web" } },
  ],
  nodes: ["GatewayClass/example", "Gateway/app/edge", "Listener/app/edge/http", "Listener/app/edge/https", "Secret/app/app-cert", "HTTPRoute/app/force-https", "HTTPRoute/app/app", "Service/app/web"],
};
