import type { GalleryExample } from "./types";

/** A gRPC service split by method with GRPCRoute: reads and writes go to different deployments. */
export const grpcMethods: GalleryExample = {
  id: "grpc-methods",
  title: "gRPC split by method (GRPCRoute)",
  description: "GRPCRoute sends GetProduct to the read replicas and UpdateProduct to the writer.",
  explanation: [
    "GRPCRoute matches on what gRPC clients actually call: a service (`catalog.v1.Catalog`) and a method (`GetProduct`), instead of raw HTTP paths. Under the hood a gRPC call is an HTTP/2 POST to `/catalog.v1.Catalog/GetProduct`.",
    "Reads and writes scale differently, so the catalog runs as two deployments: `catalog-read` serves GetProduct and ListProducts, `catalog-write` serves UpdateProduct. A match with only a `service` takes every other method of that service.",
    "The listener is plain HTTP on port 80; gRPC clients reach it with cleartext HTTP/2 (h2c). With TLS termination, use an HTTPS listener instead: the route stays the same.",
    "Method names are matched exactly and are case-sensitive. An RPC of a service that no rule names gets the gRPC status Unimplemented.",
  ],
  yaml: `# gRPC: route by service and method.
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
  name: grpc
  namespace: catalog
spec:
  gatewayClassName: example
  listeners:
    - name: h2c
      protocol: HTTP
      port: 80
      hostname: grpc.example.com
      allowedRoutes:
        kinds:
          - kind: GRPCRoute
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: catalog
  namespace: catalog
spec:
  parentRefs:
    - name: grpc
  rules:
    - matches:
        - method:
            service: catalog.v1.Catalog
            method: GetProduct
        - method:
            service: catalog.v1.Catalog
            method: ListProducts
      backendRefs:
        - name: catalog-read
          port: 9090
    - matches:
        - method:
            service: catalog.v1.Catalog
            method: UpdateProduct
      backendRefs:
        - name: catalog-write
          port: 9090
    # Any other method of the service.
    - matches:
        - method:
            service: catalog.v1.Catalog
      backendRefs:
        - name: catalog-read
          port: 9090
---
apiVersion: v1
kind: Service
metadata:
  name: catalog-read
  namespace: catalog
spec:
  selector:
    app: catalog
    role: read
  ports:
    - port: 9090
      appProtocol: kubernetes.io/h2c
---
apiVersion: v1
kind: Service
metadata:
  name: catalog-write
  namespace: catalog
spec:
  selector:
    app: catalog
    role: write
  ports:
    - port: 9090
      appProtocol: kubernetes.io/h2c
`,
  samples: [
    { label: "GetProduct → read", request: { gateway: "catalog/grpc", request: { protocol: "GRPC", host: "grpc.example.com", grpc: { service: "catalog.v1.Catalog", method: "GetProduct" } } }, expect: { statusCode: 200, backend: "catalog/catalog-read", grpcStatus: "OK" } },
    { label: "UpdateProduct → write", request: { gateway: "catalog/grpc", request: { protocol: "GRPC", host: "grpc.example.com", grpc: { service: "catalog.v1.Catalog", method: "UpdateProduct" } } }, expect: { statusCode: 200, backend: "catalog/catalog-write", grpcStatus: "OK" } },
    { label: "any other Catalog method → read", request: { gateway: "catalog/grpc", request: { protocol: "GRPC", host: "grpc.example.com", grpc: { service: "catalog.v1.Catalog", method: "SearchProducts" } } }, expect: { statusCode: 200, backend: "catalog/catalog-read", grpcStatus: "OK" } },
    { label: "unknown service → Unimplemented", request: { gateway: "catalog/grpc", request: { protocol: "GRPC", host: "grpc.example.com", grpc: { service: "cart.v1.Cart", method: "AddItem" } } }, expect: { statusCode: 404, backend: null, grpcStatus: "Unimplemented" } },
  ],
  nodes: ["GatewayClass/example", "Gateway/catalog/grpc", "Listener/catalog/grpc/h2c", "GRPCRoute/catalog/catalog", "Service/catalog/catalog-read", "Service/catalog/catalog-write"],
};
