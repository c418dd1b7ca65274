import type { GalleryExample } from "./types";

/** TLS passthrough: the gateway reads only the SNI and forwards the encrypted stream by hostname. */
export const tlsPassthrough: GalleryExample = {
  id: "tls-passthrough",
  title: "TLS passthrough by SNI (TLSRoute)",
  description: "One port 443 for two services that keep their own certificates; the gateway routes by server name only.",
  explanation: [
    "Some services must terminate TLS themselves: the payment API holds its own certificate, the secrets vault does mutual TLS with its clients. A listener with `protocol: TLS` and `tls.mode: Passthrough` lets the gateway forward their connections without decrypting them.",
    "The gateway cannot read paths or headers of an encrypted stream. All it sees is the server name the client announces in its TLS handshake (SNI), so a TLSRoute has `hostnames` and `backendRefs` but no path or header matches.",
    "`payments.example.com` goes to the payment API, `vault.example.com` to the vault. Both routes share the listener, whose wildcard `*.example.com` admits them.",
    "A client that announces a name no route claims (or none at all) has its connection closed during the handshake: it gets no HTTP answer, not even a 404. Try the SNI field of the simulator's TLS mode.",
  ],
  yaml: `# TLS passthrough: route encrypted connections by SNI without terminating them.
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
  name: passthrough
  namespace: secure
spec:
  gatewayClassName: example
  listeners:
    - name: tls
      protocol: TLS
      port: 443
      hostname: "*.example.com"
      tls:
        # The gateway holds no certificate: each backend presents its own.
        mode: Passthrough
      allowedRoutes:
        kinds:
          - kind: TLSRoute
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: payments
  namespace: secure
spec:
  parentRefs:
    - name: passthrough
  hostnames:
    - payments.example.com
  rules:
    - backendRefs:
        - name: payments-api
          port: 8443
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: vault
  namespace: secure
spec:
  parentRefs:
    - name: passthrough
  hostnames:
    - vault.example.com
  rules:
    - backendRefs:
        - name: vault
          port: 8200
---
apiVersion: v1
kind: Service
metadata:
  name: payments-api
  namespace: secure
spec:
  selector:
    app: payments-api
  ports:
    - port: 8443
---
apiVersion: v1
kind: Service
metadata:
  name: vault
  namespace: secure
spec:
  selector:
    app: vault
  ports:
    - port: 8200
`,
  samples: [
    { label: "payments SNI → payment API", request: { gateway: "secure/passthrough", request: { protocol: "TLS", host: "payments.example.com", sni: "payments.example.com", port: 443 } }, expect: { statusCode: 200, backend: "secure/payments-api" } },
    { label: "vault SNI → vault", request: { gateway: "secure/passthrough", request: { protocol: "TLS", host: "vault.example.com", sni: "vault.example.com", port: 443 } }, expect: { statusCode: 200, backend: "secure/vault" } },
    { label: "unknown SNI is refused", request: { gateway: "secure/passthrough", request: { protocol: "TLS", host: "shop.example.com", sni: "shop.example.com", port: 443 } }, expect: { statusCode: 0, backend: null, connectionError: true } },
  ],
  nodes: ["GatewayClass/example", "Gateway/secure/passthrough", "Listener/secure/passthrough/tls", "TLSRoute/secure/payments", "TLSRoute/secure/vault", "Service/secure/payments-api", "Service/secure/vault"],
};
