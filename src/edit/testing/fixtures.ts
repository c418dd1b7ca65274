/** A configuration with one object of most kinds, comments and unknown fields, for edit tests. */
export const CONFIG = `# edge configuration
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: acme
spec:
  controllerName: example.com/acme
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: infra
spec:
  gatewayClassName: acme
  listeners:
  # plain HTTP
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: All
  - name: https
    hostname: "*.example.com"
    port: 443
    protocol: HTTPS
    tls:
      mode: Terminate
      certificateRefs:
      - name: wildcard-cert # issued by acme
    x-vendor: keep-me
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
  namespace: shop
spec:
  parentRefs:
  - name: edge
    namespace: infra
    sectionName: https
  hostnames:
  - "store.example.com"
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /cart
      method: GET
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        add:
        - name: x-shop
          value: "1"
    backendRefs:
    - name: cart
      port: 8080
      weight: 90 # stable
    - name: cart-canary
      port: 8080
      weight: 10
  - backendRefs:
    - name: store
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: rpc
  namespace: shop
spec:
  parentRefs:
  - name: edge
    namespace: infra
    sectionName: http
  rules:
  - matches:
    - method:
        service: shop.Cart
    backendRefs:
    - name: cart
      port: 9090
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  ports:
  - port: 8080
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: certs
  namespace: infra
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: Gateway
    namespace: infra
  to:
  - group: ""
    kind: Secret
    name: wildcard-cert
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: cart-tls
  namespace: shop
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: cart
  validation:
    hostname: cart.shop.svc
    wellKnownCACertificates: System
`;

export const GW = { kind: "Gateway", name: "edge", namespace: "infra" };
export const ROUTE = { kind: "HTTPRoute", name: "store", namespace: "shop" };
export const GRPC = { kind: "GRPCRoute", name: "rpc", namespace: "shop" };

/** A route in block style with flow collections, a block literal, an empty value, comments and an unknown field. */
export const ROUTE_DOC = `# a route
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web   # the name
  namespace: prod
spec:
  parentRefs:
  - name: edge
    namespace: infra
  hostnames: ["a.example.com", 'b.example.com']
  rules:
  # first rule
  - matches:
    - path:
        type: PathPrefix
        value: /api
    backendRefs:
    - name: v1
      port: 8080
      weight: 90 # stable
    # the canary
    - name: v2
      port: 8080
      weight: 10
    x-custom: keep
  - backendRefs:
    - {name: v3, port: 80}
    description: |
      first line
      second line
    empty:
`;

/** The same kind of object as kubectl writes JSON. */
export const JSON_DOC = `{
    "apiVersion": "gateway.networking.k8s.io/v1",
    "kind": "HTTPRoute",
    "metadata": {
        "name": "web"
    },
    "spec": {
        "hostnames": [
            "a.example.com"
        ],
        "rules": [
            {
                "backendRefs": [{"name": "v1", "port": 80}]
            }
        ]
    }
}
`;

/** Two Services in a `kind: List`. */
export const LIST_DOC = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: one
  spec:
    ports:
    - port: 80
- apiVersion: v1
  kind: Service
  metadata:
    name: two
  spec:
    ports:
    - port: 81
`;
