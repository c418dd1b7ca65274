/** Fixtures of the random edit sequences (properties.test.ts). */
/** Random-edit fixture: comments everywhere and unknown fields (`x-…`) whose values (`u-…`) are unique. */
export const PROPS_TEXT = `# properties fixture
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge # the gateway
  namespace: infra
  annotations:
    x-note: u-annotation
spec:
  gatewayClassName: acme
  x-spec: u-gw-spec
  listeners:
  # listener one
  - name: http
    port: 80
    protocol: HTTP
    x-l: u-listener-0
  - name: web
    port: 8080 # alt port
    protocol: HTTP
---
# the route
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
  namespace: infra
spec:
  x-spec: u-route-spec # unknown
  parentRefs:
  - name: edge
    sectionName: http
  hostnames: ["a.example.com"] # flow
  rules:
  # rule zero
  - matches:
    - path: {type: PathPrefix, value: /a}
      x-m: u-match-0
    backendRefs:
    - name: svc-a
      port: 80
      weight: 3 # three
      x-b: u-backend-0
    - name: svc-b
      port: 80
  - x-r: u-rule-1
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set:
        - name: x-h
          value: v # header
    backendRefs:
    - name: svc-b
      port: 80
  # rule two, last
  - backendRefs:
    - {name: svc-c, port: 81, x-f: u-backend-flow}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-a
  namespace: infra
x-top: u-service-top
spec:
  ports:
  - port: 80 # http
`;

/** The same objects laid out otherwise: four-space indentation, indented sequences, a flow document. */
export const PROPS_TEXT4 = `---
# properties fixture, four spaces
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
    name: edge # the gateway
    namespace: infra
    annotations:
        x-note: u-annotation
spec:
    gatewayClassName: acme
    x-spec: u-gw-spec
    listeners:
        # listener one
        - name: http
          port: 80
          protocol: HTTP
          x-l: u-listener-0
        - name: web
          port: 8080 # alt port
          protocol: HTTP
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
    name: store
    namespace: infra
spec:
    parentRefs:
        - name: edge
          sectionName: http
    hostnames:
        - 'a.example.com' # single
    rules:
        # rule zero
        - matches:
              - path:
                    type: PathPrefix
                    value: /a
                x-m: u-match-0
          backendRefs:
              - name: svc-a
                port: 80
                weight: 3 # three
                x-b: u-backend-0
        - backendRefs: [{name: svc-b, port: 80, x-f: u-backend-flow}]
          x-r: u-rule-1
---
{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc-a", "namespace": "infra"}, "x-top": "u-service-top", "spec": {"ports": [{"port": 80}]}}
`;
