import type { GalleryExample } from "./types";

/** ListenerSet: two teams add their own HTTPS listeners (and certificates) to one shared Gateway. */
export const listenerSetTeams: GalleryExample = {
  id: "listenerset-teams",
  title: "Teams bring their own listeners (ListenerSet)",
  description: "Two teams each add an HTTPS listener with their own certificate to the platform Gateway, without editing it.",
  explanation: [
    "With one shared Gateway, every new hostname and certificate used to mean a change to the Gateway itself, owned by the platform team. A ListenerSet lets a team declare listeners in its own namespace and merge them into a Gateway that allows it.",
    "The Gateway `edge` opts in with `allowedListeners`: only namespaces labelled `edge-listeners: allowed` may add listeners. `blog` and `docs` carry the label.",
    "Each team's ListenerSet adds an HTTPS listener for its hostname, with a certificate Secret in the team's namespace: no ReferenceGrant is needed, because the listener lives where the Secret is. The team's route attaches to its ListenerSet (`kind: ListenerSet` in parentRefs), not to the Gateway.",
    "All listeners share the Gateway's address. Select a ListenerSet to see its listeners and their status; requests for `blog.example.com` and `docs.example.com` on port 443 reach each team's service.",
  ],
  yaml: `# ListenerSet: teams add listeners to a shared Gateway from their own namespaces.
apiVersion: v1
kind: Namespace
metadata:
  name: platform
---
apiVersion: v1
kind: Namespace
metadata:
  name: blog
  labels:
    edge-listeners: allowed
---
apiVersion: v1
kind: Namespace
metadata:
  name: docs
  labels:
    edge-listeners: allowed
---
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
  namespace: platform
spec:
  gatewayClassName: example
  allowedListeners:
    namespaces:
      from: Selector
      selector:
        matchLabels:
          edge-listeners: allowed
  listeners:
    - name: http
      protocol: HTTP
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata:
  name: blog-listeners
  namespace: blog
spec:
  parentRef:
    name: edge
    namespace: platform
  listeners:
    - name: blog-https
      protocol: HTTPS
      port: 443
      hostname: blog.example.com
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: blog-cert
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata:
  name: docs-listeners
  namespace: docs
spec:
  parentRef:
    name: edge
    namespace: platform
  listeners:
    - name: docs-https
      protocol: HTTPS
      port: 443
      hostname: docs.example.com
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: docs-cert
---
# Placeholder: the real certificate and key are issued in the cluster (e.g. by cert-manager).
apiVersion: v1
kind: Secret
metadata:
  name: blog-cert
  namespace: blog
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
# Placeholder: the real certificate and key are issued in the cluster (e.g. by cert-manager).
apiVersion: v1
kind: Secret
metadata:
  name: docs-cert
  namespace: docs
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
  name: blog
  namespace: blog
spec:
  parentRefs:
    - kind: ListenerSet
      name: blog-listeners
  rules:
    - backendRefs:
        - name: blog
          port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: docs
  namespace: docs
spec:
  parentRefs:
    - kind: ListenerSet
      name: docs-listeners
  rules:
    - backendRefs:
        - name: docs
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: blog
  namespace: blog
spec:
  selector:
    app: blog
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: docs
  namespace: docs
spec:
  selector:
    app: docs
  ports:
    - port: 8080
`,
  samples: [
    { label: "blog over HTTPS → blog", request: { gateway: "platform/edge", request: { protocol: "HTTPS", host: "blog.example.com", port: 443, path: "/posts/hello", method: "GET" } }, expect: { statusCode: 200, backend: "blog/blog" } },
    { label: "docs over HTTPS → docs", request: { gateway: "platform/edge", request: { protocol: "HTTPS", host: "docs.example.com", port: 443, path: "/guide", method: "GET" } }, expect: { statusCode: 200, backend: "docs/docs" } },
    { label: "plain HTTP: no route on the Gateway's own listener", request: { gateway: "platform/edge", request: { protocol: "HTTP", host: "blog.example.com", path: "/", method: "GET" } }, expect: { statusCode: 404, backend: null } },
  ],
  nodes: ["GatewayClass/example", "Gateway/platform/edge", "Listener/platform/edge/http", "Listener/platform/edge/blog/blog-listeners/blog-https", "Listener/platform/edge/docs/docs-listeners/docs-https", "ListenerSet/blog/blog-listeners", "ListenerSet/docs/docs-listeners", "HTTPRoute/blog/blog", "HTTPRoute/docs/docs", "Service/blog/blog", "Service/docs/docs", "Secret/blog/blog-cert", "Secret/docs/docs-cert"],
};
