import type { GalleryExample } from "./types";

/** URLRewrite (path prefix and Host) and RequestRedirect filters. */
export const rewriteRedirect: GalleryExample = {
  id: "rewrite-redirect",
  title: "Path rewrite and redirect",
  description: "Strip /v1 before the API sees it, rewrite the Host for a legacy app, redirect /blog elsewhere.",
  explanation: [
    "Filters change a request on its way. `URLRewrite` with `ReplacePrefixMatch` replaces the part of the path that the PathPrefix matched: `/v1/users` reaches the API as `/users`, because the API itself knows nothing of versions in URLs.",
    "The legacy app expects its old Host name: `URLRewrite.hostname` sets the Host header the backend receives, while the client still talks to `www.example.com`.",
    "`RequestRedirect` makes the gateway answer by itself, with no backend: `/blog/…` gets a 301 to `https://blog.example.org/…` with the rest of the path kept (ReplacePrefixMatch `/`). A redirect rule has no backendRefs; the two filters cannot be combined in one rule.",
    "The `RequestHeaderModifier` on the API rule adds a header every API request carries: the simulator lists the headers the backend receives.",
  ],
  yaml: `# Rewrites and redirects: what the client asks for is not what the backend sees.
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
  namespace: site
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: www
  namespace: site
spec:
  parentRefs:
    - name: web
  hostnames:
    - www.example.com
  rules:
    # /v1/users → the API receives /users.
    - matches:
        - path:
            type: PathPrefix
            value: /v1
      filters:
        - type: URLRewrite
          urlRewrite:
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /
        - type: RequestHeaderModifier
          requestHeaderModifier:
            add:
              - name: x-api-version
                value: "1"
      backendRefs:
        - name: api
          port: 8080
    # The blog moved: answer 301 from the gateway itself.
    - matches:
        - path:
            type: PathPrefix
            value: /blog
      filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
            hostname: blog.example.org
            statusCode: 301
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /
    # The legacy app still expects its old Host name.
    - matches:
        - path:
            type: PathPrefix
            value: /account
      filters:
        - type: URLRewrite
          urlRewrite:
            hostname: legacy.internal
      backendRefs:
        - name: legacy
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: site
spec:
  selector:
    app: api
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: legacy
  namespace: site
spec:
  selector:
    app: legacy
  ports:
    - port: 80
`,
  samples: [
    { label: "versioned API path", request: { gateway: "site/web", request: { host: "www.example.com", path: "/v1/users", method: "GET" } }, expect: { statusCode: 200, backend: "site/api", path: "/users", requestHeaders: { "x-api-version": "1" } } },
    { label: "blog moved", request: { gateway: "site/web", request: { host: "www.example.com", path: "/blog/2024/hello", method: "GET" } }, expect: { statusCode: 301, backend: null, location: "https://blog.example.org/2024/hello" } },
    { label: "legacy Host", request: { gateway: "site/web", request: { host: "www.example.com", path: "/account/settings", method: "GET" } }, expect: { statusCode: 200, backend: "site/legacy", path: "/account/settings", host: "legacy.internal" } },
  ],
  nodes: ["GatewayClass/example", "Gateway/site/web", "Listener/site/web/http", "HTTPRoute/site/www", "Service/site/api", "Service/site/legacy"],
};
