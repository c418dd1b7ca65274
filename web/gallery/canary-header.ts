import type { GalleryExample } from "./types";

/** Route testers to the new version by a request header; everyone else stays on the stable one. */
export const canaryHeader: GalleryExample = {
  id: "canary-header",
  title: "Canary by header",
  description: "Testers opt in to v2 with the header x-canary: always or ?canary=on; everyone else gets v1.",
  explanation: [
    "Before sending real users to a new version, the team lets testers opt in. The first rule matches only requests that carry the header `x-canary: always`, or the query parameter `canary=on`; the second rule has no header match and takes everything else.",
    "Matches inside one rule are ORed: either the header or the query parameter is enough. Conditions inside one match (path, headers, query, method) are ANDed.",
    "When several rules match, the Gateway API orders them: a match with more header matches wins over one with fewer, after path and method are compared. So a request with the header always reaches v2, even though the stable rule matches it too; the trace names the criterion that decided.",
    "Header names are case-insensitive, values are compared exactly: `X-Canary: Always` does not opt in.",
  ],
  yaml: `# Canary release by header: testers opt in with x-canary: always.
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
  name: search
  namespace: search
spec:
  parentRefs:
    - name: web
      namespace: infra
  hostnames:
    - search.example.com
  rules:
    # Opt-in: the header OR the query parameter (matches are ORed).
    - matches:
        - headers:
            - name: x-canary
              value: always
        - queryParams:
            - name: canary
              value: "on"
      backendRefs:
        - name: search-v2
          port: 8080
    - backendRefs:
        - name: search-v1
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: search-v1
  namespace: search
spec:
  selector:
    app: search
    version: v1
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: search-v2
  namespace: search
spec:
  selector:
    app: search
    version: v2
  ports:
    - port: 8080
`,
  samples: [
    { label: "regular user", request: { gateway: "infra/web", request: { host: "search.example.com", path: "/q", method: "GET" } }, expect: { statusCode: 200, backend: "search/search-v1" } },
    { label: "tester (header)", request: { gateway: "infra/web", request: { host: "search.example.com", path: "/q", method: "GET", headers: { "X-Canary": "always" } } }, expect: { statusCode: 200, backend: "search/search-v2" } },
    { label: "tester (query)", request: { gateway: "infra/web", request: { host: "search.example.com", path: "/q", method: "GET", query: { canary: "on" } } }, expect: { statusCode: 200, backend: "search/search-v2" } },
    { label: "value differs in case", request: { gateway: "infra/web", request: { host: "search.example.com", path: "/q", method: "GET", headers: { "x-canary": "Always" } } }, expect: { statusCode: 200, backend: "search/search-v1" } },
  ],
  nodes: ["GatewayClass/example", "Gateway/infra/web", "Listener/infra/web/http", "HTTPRoute/search/search", "Service/search/search-v1", "Service/search/search-v2"],
};
