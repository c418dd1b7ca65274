import type { GalleryExample } from "./types";

/** The smallest useful configuration: one Gateway, one HTTPRoute, two Services, path-based routing. */
export const basicHttp: GalleryExample = {
  id: "basic-http",
  title: "Basic HTTP routing",
  description: "One Gateway, one HTTPRoute: /api goes to the API, everything else to the storefront.",
  explanation: [
    "The three roles of the Gateway API in one file: the infrastructure provider publishes a GatewayClass, the platform team runs the Gateway `web` in `infra`, and the shop team writes an HTTPRoute in its own namespace.",
    "The listener admits routes from every namespace (`allowedRoutes.namespaces.from: All`), so the route in `shop` attaches. Its hostname `shop.example.com` narrows which requests it sees.",
    "Within the route, a PathPrefix `/api` match is more specific than the rule without matches (which means PathPrefix `/`), so `/api/orders` reaches `api` and every other path reaches `storefront`. A request for another host finds no route: 404.",
  ],
  yaml: `# Basic HTTP routing: a Gateway owned by the platform team, a route owned by an app team.
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
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
  parentRefs:
    - name: web
      namespace: infra
  hostnames:
    - shop.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /api
      backendRefs:
        - name: api
          port: 8080
    # No matches: this rule takes every other path (PathPrefix "/").
    - backendRefs:
        - name: storefront
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector:
    app: api
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: storefront
  namespace: shop
spec:
  selector:
    app: storefront
  ports:
    - port: 80
`,
  samples: [
    { label: "home page", request: { gateway: "infra/web", request: { host: "shop.example.com", path: "/", method: "GET" } }, expect: { statusCode: 200, backend: "shop/storefront" } },
    { label: "API call", request: { gateway: "infra/web", request: { host: "shop.example.com", path: "/api/orders", method: "GET" } }, expect: { statusCode: 200, backend: "shop/api" } },
    { label: "not /api (prefix is per segment)", request: { gateway: "infra/web", request: { host: "shop.example.com", path: "/apiary", method: "GET" } }, expect: { statusCode: 200, backend: "shop/storefront" } },
    { label: "unknown host", request: { gateway: "infra/web", request: { host: "other.example.com", path: "/", method: "GET" } }, expect: { statusCode: 404, backend: null } },
  ],
  nodes: ["GatewayClass/example", "Gateway/infra/web", "Listener/infra/web/http", "HTTPRoute/shop/shop", "Service/shop/api", "Service/shop/storefront"],
};
