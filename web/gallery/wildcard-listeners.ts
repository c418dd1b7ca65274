import type { GalleryExample } from "./types";

/** Listeners on one port whose hostnames overlap: the most specific one takes the request. */
export const wildcardListeners: GalleryExample = {
  id: "wildcard-listeners",
  title: "Overlapping wildcard listeners",
  description: "api.example.com, *.example.com and a catch-all on one port: the most specific listener wins.",
  explanation: [
    "Three HTTP listeners share port 80. They do not conflict because their hostnames differ: `api.example.com`, the wildcard `*.example.com`, and `fallback` with no hostname at all.",
    "For each request the gateway picks the listener whose hostname matches most specifically: an exact name before a wildcard, a wildcard before no hostname. `api.example.com` also matches `*.example.com`, but it is handled by the `api` listener only: routes on the wildcard listener never see it (listener isolation).",
    "A wildcard stands for one or more labels and never matches the bare domain: `docs.example.com` and `eu.docs.example.com` land on `sites`, while `example.com` itself falls through to `fallback`.",
    "Routes choose listeners with `sectionName`, and their own `hostnames` must intersect the listener's: a route for `*.example.com` on the `api` listener would serve only `api.example.com`.",
  ],
  yaml: `# Overlapping listener hostnames on one port: exact, wildcard, and none.
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
  name: shared
  namespace: edge
spec:
  gatewayClassName: example
  listeners:
    - name: api
      protocol: HTTP
      port: 80
      hostname: api.example.com
    - name: sites
      protocol: HTTP
      port: 80
      hostname: "*.example.com"
    - name: fallback
      protocol: HTTP
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: api
  namespace: edge
spec:
  parentRefs:
    - name: shared
      sectionName: api
  rules:
    - backendRefs:
        - name: api
          port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: sites
  namespace: edge
spec:
  parentRefs:
    - name: shared
      sectionName: sites
  rules:
    - backendRefs:
        - name: sites
          port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: fallback
  namespace: edge
spec:
  parentRefs:
    - name: shared
      sectionName: fallback
  rules:
    - backendRefs:
        - name: not-found-page
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: edge
spec:
  selector:
    app: api
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: sites
  namespace: edge
spec:
  selector:
    app: sites
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: not-found-page
  namespace: edge
spec:
  selector:
    app: not-found-page
  ports:
    - port: 80
`,
  samples: [
    { label: "exact listener", request: { gateway: "edge/shared", request: { host: "api.example.com", path: "/v2/items", method: "GET" } }, expect: { statusCode: 200, backend: "edge/api" } },
    { label: "wildcard listener", request: { gateway: "edge/shared", request: { host: "docs.example.com", path: "/", method: "GET" } }, expect: { statusCode: 200, backend: "edge/sites" } },
    { label: "wildcard, two labels", request: { gateway: "edge/shared", request: { host: "eu.docs.example.com", path: "/", method: "GET" } }, expect: { statusCode: 200, backend: "edge/sites" } },
    { label: "bare domain", request: { gateway: "edge/shared", request: { host: "example.com", path: "/", method: "GET" } }, expect: { statusCode: 200, backend: "edge/not-found-page" } },
  ],
  nodes: ["GatewayClass/example", "Gateway/edge/shared", "Listener/edge/shared/api", "Listener/edge/shared/sites", "Listener/edge/shared/fallback", "HTTPRoute/edge/api", "HTTPRoute/edge/sites", "HTTPRoute/edge/fallback", "Service/edge/api", "Service/edge/sites", "Service/edge/not-found-page"],
};
