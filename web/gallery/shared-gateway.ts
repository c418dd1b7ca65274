import type { GalleryExample } from "./types";

/** One Gateway shared by two teams, admitted by a label on their Namespaces. */
export const sharedGateway: GalleryExample = {
  id: "shared-gateway",
  title: "Two teams share one Gateway",
  description: "allowedRoutes selects namespaces by label: team-a and team-b attach, sandbox is refused.",
  explanation: [
    "The platform team runs one Gateway for everybody and decides who may use it. The listener's `allowedRoutes.namespaces.from: Selector` admits routes only from namespaces whose labels match, here `gateway-access: shared`.",
    "The labels live on the Namespace objects, which is why they are part of this configuration: `team-a` and `team-b` carry the label, `sandbox` does not.",
    "Each team owns its route and its hostname. The route in `sandbox` asks to attach too, but the listener refuses it: its `Accepted` condition is False with reason `NotAllowedByListeners`, its edge is drawn broken, and requests for `sandbox.example.com` get a 404.",
    "Adding the label to `sandbox` in the editor is all it takes to admit it: the sample requests show the change.",
  ],
  yaml: `# One Gateway, several teams: namespaces are admitted by label.
apiVersion: v1
kind: Namespace
metadata:
  name: infra
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels:
    gateway-access: shared
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-b
  labels:
    gateway-access: shared
---
apiVersion: v1
kind: Namespace
metadata:
  name: sandbox
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
  name: shared
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      hostname: "*.example.com"
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchLabels:
              gateway-access: shared
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
  namespace: team-a
spec:
  parentRefs:
    - name: shared
      namespace: infra
  hostnames:
    - store.example.com
  rules:
    - backendRefs:
        - name: store
          port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: blog
  namespace: team-b
spec:
  parentRefs:
    - name: shared
      namespace: infra
  hostnames:
    - blog.example.com
  rules:
    - backendRefs:
        - name: blog
          port: 8080
---
# Not admitted: the sandbox namespace lacks the gateway-access label.
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: experiment
  namespace: sandbox
spec:
  parentRefs:
    - name: shared
      namespace: infra
  hostnames:
    - sandbox.example.com
  rules:
    - backendRefs:
        - name: experiment
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: store
  namespace: team-a
spec:
  selector:
    app: store
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: blog
  namespace: team-b
spec:
  selector:
    app: blog
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: experiment
  namespace: sandbox
spec:
  selector:
    app: experiment
  ports:
    - port: 8080
`,
  samples: [
    { label: "team A", request: { gateway: "infra/shared", request: { host: "store.example.com", path: "/", method: "GET" } }, expect: { statusCode: 200, backend: "team-a/store" } },
    { label: "team B", request: { gateway: "infra/shared", request: { host: "blog.example.com", path: "/posts", method: "GET" } }, expect: { statusCode: 200, backend: "team-b/blog" } },
    { label: "sandbox (not admitted)", request: { gateway: "infra/shared", request: { host: "sandbox.example.com", path: "/", method: "GET" } }, expect: { statusCode: 404, backend: null } },
  ],
  nodes: ["GatewayClass/example", "Gateway/infra/shared", "Listener/infra/shared/http", "HTTPRoute/team-a/store", "HTTPRoute/team-b/blog", "HTTPRoute/sandbox/experiment", "Service/team-a/store", "Service/team-b/blog", "Service/sandbox/experiment"],
  teachesErrors: ["NotAllowedByListeners"],
};
