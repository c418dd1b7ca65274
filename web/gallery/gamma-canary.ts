import type { GalleryExample } from "./types";

/** Service mesh (GAMMA): an HTTPRoute whose parent is a Service splits east-west traffic 90/10. */
export const gammaCanary: GalleryExample = {
  id: "gamma-canary",
  title: "Mesh canary between services (GAMMA)",
  description: "An HTTPRoute attached to a Service sends 10% of in-cluster calls to v2; the QA namespace always gets v2.",
  explanation: [
    "Gateway API also describes traffic inside the cluster (the GAMMA initiative). Instead of a Gateway, the route's `parentRefs` names a Service: `kind: Service, group: \"\"`. A mesh then applies the route to every call made to that Service, whatever the caller.",
    "The `ratings` Service is the stable name clients call; its two versions run behind `ratings-v1` and `ratings-v2`. The route `ratings-canary` lives in the Service's own namespace, so it is a producer route and applies to all clients: 90% of the calls reach v1, 10% reach v2.",
    "The QA team wants to test v2 on every call. Their route `ratings-qa` lives in the `qa` namespace and names the same Service: it is a consumer route, which applies only to clients in `qa` and replaces the producer route for them.",
    "In the simulator's mesh mode, pick the Service and port, and the namespace the call comes from: `reviews` gets the 90/10 split, `qa` goes to v2.",
  ],
  yaml: `# Service mesh (GAMMA): routes attached to a Service instead of a Gateway.
apiVersion: v1
kind: Service
metadata:
  name: ratings
  namespace: ratings
spec:
  # The stable frontend clients call; the route decides which version answers.
  selector:
    app: ratings
  ports:
    - name: http
      port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ratings-v1
  namespace: ratings
spec:
  selector:
    app: ratings
    version: v1
  ports:
    - name: http
      port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ratings-v2
  namespace: ratings
spec:
  selector:
    app: ratings
    version: v2
  ports:
    - name: http
      port: 8080
---
# Producer route: in the Service's namespace, applies to every client.
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ratings-canary
  namespace: ratings
spec:
  parentRefs:
    - group: ""
      kind: Service
      name: ratings
      port: 8080
  rules:
    - backendRefs:
        - name: ratings-v1
          port: 8080
          weight: 90
        - name: ratings-v2
          port: 8080
          weight: 10
---
# Consumer route: in the caller's namespace, applies only to clients in qa.
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ratings-qa
  namespace: qa
spec:
  parentRefs:
    - group: ""
      kind: Service
      name: ratings
      namespace: ratings
      port: 8080
  rules:
    - backendRefs:
        - name: ratings-v2
          namespace: ratings
          port: 8080
`,
  samples: [
    { label: "reviews → ratings (90/10)", request: { mesh: { service: "ratings/ratings", port: 8080, client: "reviews/reviews" }, request: { protocol: "HTTP", host: "ratings.ratings", path: "/ratings/42", method: "GET" } }, expect: { statusCode: 200, backend: null, backends: { "ratings/ratings-v1": 0.9, "ratings/ratings-v2": 0.1 } } },
    { label: "qa → ratings (always v2)", request: { mesh: { service: "ratings/ratings", port: 8080, client: "qa/load-test" }, request: { protocol: "HTTP", host: "ratings.ratings", path: "/ratings/42", method: "GET" } }, expect: { statusCode: 200, backend: "ratings/ratings-v2" } },
  ],
  nodes: ["Service/ratings/ratings", "Service/ratings/ratings-v1", "Service/ratings/ratings-v2", "HTTPRoute/ratings/ratings-canary", "HTTPRoute/qa/ratings-qa"],
};
