/** The built-in example topology shown when nothing else is given. */
export const EXAMPLE_YAML = `# A shop behind one Gateway: HTTP for everything, a 90/10 canary for the checkout.
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: switchyard
spec:
  controllerName: switchyard.dev/simulated
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop
  namespace: infra
spec:
  gatewayClassName: switchyard
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    hostname: "*.shop.example"
    allowedRoutes:
      namespaces:
        from: All
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: storefront
  namespace: shop
spec:
  parentRefs:
  - name: shop
    namespace: infra
  hostnames: ["www.shop.example"]
  rules:
  - matches:
    - path: { type: PathPrefix, value: /checkout }
    backendRefs:
    - { name: checkout, port: 8080, weight: 90 }
    - { name: checkout-canary, port: 8080, weight: 10 }
  - backendRefs:
    - { name: storefront, port: 8080 }
`;
