import type { GalleryExample } from "./types";

/** A weighted traffic split between two versions of one service. */
export const canaryWeight: GalleryExample = {
  id: "canary-weight",
  title: "Canary by weight (90/10)",
  description: "Send 10% of checkout traffic to v2 while v1 keeps 90%.",
  explanation: [
    "A rule with several backendRefs splits traffic by `weight`: each backend receives weight ÷ sum of weights of the requests. Here v1 has 90 and v2 has 10, so one request in ten reaches the canary.",
    "Weights are relative, not percentages: 9 and 1 would mean the same. A weight of 0 keeps a backend in the configuration without sending it anything, which is how a rollout usually starts and how it is rolled back.",
    "The simulator shows both backends with their probabilities; no single backend is named because any request may land on either. `/static` has its own rule and is not split.",
    "To move the canary forward, change the weights in the editor and watch the sample requests: the ones whose destination changed are flagged.",
  ],
  yaml: `# Canary release by weight: 90% of /checkout traffic to v1, 10% to v2.
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
  namespace: shop
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      hostname: shop.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: checkout
  namespace: shop
spec:
  parentRefs:
    - name: web
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /checkout
      backendRefs:
        - name: checkout-v1
          port: 8080
          weight: 90
        - name: checkout-v2
          port: 8080
          weight: 10
    - matches:
        - path:
            type: PathPrefix
            value: /static
      backendRefs:
        - name: assets
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: checkout-v1
  namespace: shop
spec:
  selector:
    app: checkout
    version: v1
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: checkout-v2
  namespace: shop
spec:
  selector:
    app: checkout
    version: v2
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: assets
  namespace: shop
spec:
  selector:
    app: assets
  ports:
    - port: 80
`,
  samples: [
    { label: "checkout (split 90/10)", request: { gateway: "shop/web", request: { host: "shop.example.com", path: "/checkout/cart", method: "POST" } }, expect: { statusCode: 200, backend: null, backends: { "shop/checkout-v1": 0.9, "shop/checkout-v2": 0.1 } } },
    { label: "static asset (not split)", request: { gateway: "shop/web", request: { host: "shop.example.com", path: "/static/app.js", method: "GET" } }, expect: { statusCode: 200, backend: "shop/assets" } },
    { label: "no rule for /", request: { gateway: "shop/web", request: { host: "shop.example.com", path: "/", method: "GET" } }, expect: { statusCode: 404, backend: null } },
  ],
  nodes: ["GatewayClass/example", "Gateway/shop/web", "Listener/shop/web/http", "HTTPRoute/shop/checkout", "Service/shop/checkout-v1", "Service/shop/checkout-v2", "Service/shop/assets"],
};
