import type { GalleryExample } from "./types";

/** Raw TCP: a database port forwarded by TCPRoute, and a replica port split across two replicas. */
export const tcpDatabase: GalleryExample = {
  id: "tcp-database",
  title: "A database behind TCP ports (TCPRoute)",
  description: "Port 5432 reaches the primary database, port 5433 spreads read-only clients over two replicas.",
  explanation: [
    "Not everything speaks HTTP. A TCP listener forwards whole connections: the gateway never looks inside, so a TCPRoute has no hostnames and no matches. The port a client connects to is the only thing that decides where it goes.",
    "Here the `primary` listener on 5432 sends every connection to the primary database. The `replicas` listener on 5433 has its own route, whose two backendRefs share the connections by `weight`, like an HTTP traffic split but per connection instead of per request.",
    "Each route names the listener it wants with `sectionName`. Without it, a route would attach to both TCP listeners, and when two TCPRoutes attach to one listener only one of them can receive its traffic.",
    "A port no listener opens refuses the connection. Try 3306 in the simulator's TCP mode.",
  ],
  yaml: `# TCP: forward database connections by port.
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
  name: db-edge
  namespace: data
spec:
  gatewayClassName: example
  listeners:
    - name: primary
      protocol: TCP
      port: 5432
      allowedRoutes:
        kinds:
          - kind: TCPRoute
    - name: replicas
      protocol: TCP
      port: 5433
      allowedRoutes:
        kinds:
          - kind: TCPRoute
---
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata:
  name: orders-db
  namespace: data
spec:
  parentRefs:
    - name: db-edge
      sectionName: primary
  rules:
    - backendRefs:
        - name: orders-primary
          port: 5432
---
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata:
  name: orders-db-read
  namespace: data
spec:
  parentRefs:
    - name: db-edge
      sectionName: replicas
  rules:
    - backendRefs:
        - name: orders-replica-a
          port: 5432
          weight: 1
        - name: orders-replica-b
          port: 5432
          weight: 1
---
apiVersion: v1
kind: Service
metadata:
  name: orders-primary
  namespace: data
spec:
  selector:
    app: orders-db
    role: primary
  ports:
    - port: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: orders-replica-a
  namespace: data
spec:
  selector:
    app: orders-db
    replica: a
  ports:
    - port: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: orders-replica-b
  namespace: data
spec:
  selector:
    app: orders-db
    replica: b
  ports:
    - port: 5432
`,
  samples: [
    { label: "5432 → primary", request: { gateway: "data/db-edge", request: { protocol: "TCP", host: "", port: 5432 } }, expect: { statusCode: 200, backend: "data/orders-primary" } },
    { label: "5433 → replicas (50/50)", request: { gateway: "data/db-edge", request: { protocol: "TCP", host: "", port: 5433 } }, expect: { statusCode: 200, backend: null, backends: { "data/orders-replica-a": 0.5, "data/orders-replica-b": 0.5 } } },
    { label: "3306 is refused", request: { gateway: "data/db-edge", request: { protocol: "TCP", host: "", port: 3306 } }, expect: { statusCode: 0, backend: null, connectionError: true } },
  ],
  nodes: ["GatewayClass/example", "Gateway/data/db-edge", "Listener/data/db-edge/primary", "Listener/data/db-edge/replicas", "TCPRoute/data/orders-db", "TCPRoute/data/orders-db-read", "Service/data/orders-primary", "Service/data/orders-replica-a", "Service/data/orders-replica-b"],
};
