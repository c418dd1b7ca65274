/**
 * Requests to listeners a ListenerSet adds. ListenerSetSpec.listeners: "Listeners define logical
 * endpoints that are bound on this referenced parent Gateway's addresses", so a request to the
 * Gateway reaches them, by the same listener selection as the Gateway's own (port, protocol, most
 * specific hostname); a listener that is conflicted or belongs to a set the Gateway does not allow
 * takes no traffic. Each row: the request, then status, backend, listener id and route.
 */
import { describe, expect, it } from "vitest";
import { match } from "./index";
import { modelOf } from "./testing/fixture";

const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  allowedListeners: {namespaces: {from: Same}}
  listeners:
  - {name: web, port: 80, protocol: HTTP, hostname: gw.example.com, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: team, namespace: infra}
spec:
  parentRef: {name: gw}
  listeners:
  - {name: web, port: 80, protocol: HTTP, hostname: "*.team.example.com", allowedRoutes: {namespaces: {from: All}}}
  - {name: dup, port: 80, protocol: HTTP, hostname: gw.example.com, allowedRoutes: {namespaces: {from: All}}}
  - {name: alt, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: outsider, namespace: apps}
spec:
  parentRef: {name: gw, namespace: infra}
  listeners:
  - {name: web, port: 80, protocol: HTTP, hostname: outsider.example.com, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: team-route, namespace: apps}
spec:
  parentRefs: [{kind: ListenerSet, group: gateway.networking.k8s.io, name: team, namespace: infra}]
  rules: [{backendRefs: [{name: team-svc, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: gw-route, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules: [{backendRefs: [{name: gw-svc, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: outsider-route, namespace: apps}
spec:
  parentRefs: [{kind: ListenerSet, group: gateway.networking.k8s.io, name: outsider}]
  rules: [{backendRefs: [{name: outsider-svc, port: 80}]}]
`;

describe("requests to ListenerSet listeners (served on the parent Gateway's address)", () => {
  const model = modelOf(YAML);
  it.each<[string, string, number, number, string | null, string | null, string | null]>([
    ["the set's wildcard listener", "a.team.example.com", 80, 200, "apps/team-svc", "infra/gw/infra/team/web", "HTTPRoute/apps/team-route"],
    ["the set's listener without hostname on its own port", "anything.org", 8080, 200, "apps/team-svc", "infra/gw/infra/team/alt", "HTTPRoute/apps/team-route"],
    ["the Gateway's own listener: routes of the Gateway only", "gw.example.com", 80, 200, "apps/gw-svc", "infra/gw/web", "HTTPRoute/apps/gw-route"],
    ["a set's listener that lost to the Gateway's takes no traffic", "gw.example.com", 80, 200, "apps/gw-svc", "infra/gw/web", "HTTPRoute/apps/gw-route"],
    ["a set the Gateway does not allow serves nothing", "outsider.example.com", 80, 404, null, null, null],
    ["no listener on the port", "a.team.example.com", 9090, 404, null, null, null],
  ])("%s", (_label, host, port, statusCode, backend, listener, route) => {
    const o = match(model, { gateway: "infra/gw", request: { protocol: "HTTP", host, port, path: "/" } });
    expect({ statusCode: o.statusCode, backend: o.backend, listener: o.listener, route: o.route }).toEqual({ statusCode, backend, listener, route });
  });

  it("the trace names each ListenerSet listener with its set, and says why the others lose", () => {
    const o = match(model, { gateway: "infra/gw", request: { protocol: "HTTP", host: "outsider.example.com", port: 80, path: "/" } });
    const details = o.trace.filter((s) => s.step === "listener").map((s) => s.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        "listener web of ListenerSet apps/outsider is skipped: it is not Accepted",
        "listener dup of ListenerSet infra/team is skipped: it is Conflicted (not distinct from another listener)",
        'listener web loses: its hostname gw.example.com does not match Host "outsider.example.com"',
        'listener web of ListenerSet infra/team loses: its hostname *.team.example.com does not match Host "outsider.example.com"',
      ]),
    );
  });
});

/**
 * GatewayTLSConfig.frontend ("TLS config when client connects to Gateway", "for entire gateway"): the
 * Gateway's client certificate validation also guards the HTTPS listeners a ListenerSet adds. Rows:
 * the client certificate presented, then whether the handshake is refused and the backend reached.
 */
describe("HTTPS to a ListenerSet listener under the Gateway's client certificate validation", () => {
  const model = modelOf(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  allowedListeners: {namespaces: {from: Same}}
  tls: {frontend: {default: {validation: {caCertificateRefs: [{name: ca}]}}}}
  listeners:
  - {name: web, port: 80, protocol: HTTP}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ca, namespace: infra}
data: {ca.crt: x}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: team, namespace: infra}
spec:
  parentRef: {name: gw}
  listeners:
  - {name: secure, port: 443, protocol: HTTPS, hostname: team.example.com, tls: {certificateRefs: [{name: cert}]}}
---
apiVersion: v1
kind: Secret
type: kubernetes.io/tls
metadata: {name: cert, namespace: infra}
data: {tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCkFBPT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=, tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCkFBPT0KLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{kind: ListenerSet, group: gateway.networking.k8s.io, name: team}]
  rules: [{backendRefs: [{name: svc, port: 80}]}]
`);
  it.each<[string, string | undefined, boolean, string | null]>([
    ["no client certificate: the handshake is refused", undefined, true, null],
    ["a client certificate: served", "infra/client", false, "infra/svc"],
  ])("%s", (_label, clientCertificate, refused, backend) => {
    const o = match(model, { gateway: "infra/gw", request: { protocol: "HTTPS", host: "team.example.com", path: "/", clientCertificate } });
    expect({ refused: o.connectionError !== undefined, backend: o.backend, listener: o.listener }).toEqual({ refused, backend, listener: "infra/gw/infra/team/secure" });
  });
});

/**
 * TLS, TCP and UDP listeners a ListenerSet adds are served like the Gateway's own (the matchers read
 * the merged listener list): each row sends one connection to the Gateway's address and expects the
 * route attached through the set and its backend.
 */
describe("TLS, TCP and UDP listeners of a ListenerSet", () => {
  const model = modelOf(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  allowedListeners: {namespaces: {from: Same}}
  listeners:
  - {name: web, port: 80, protocol: HTTP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: l4, namespace: infra}
spec:
  parentRef: {name: gw}
  listeners:
  - {name: tls, port: 443, protocol: TLS, hostname: db.example.com, tls: {mode: Passthrough}}
  - {name: tcp, port: 5432, protocol: TCP}
  - {name: udp, port: 53, protocol: UDP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: tls, namespace: infra}
spec:
  parentRefs: [{kind: ListenerSet, group: gateway.networking.k8s.io, name: l4, sectionName: tls}]
  hostnames: [db.example.com]
  rules: [{backendRefs: [{name: tls-svc, port: 443}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: tcp, namespace: infra}
spec:
  parentRefs: [{kind: ListenerSet, group: gateway.networking.k8s.io, name: l4, port: 5432}]
  rules: [{backendRefs: [{name: tcp-svc, port: 5432}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: {name: udp, namespace: infra}
spec:
  parentRefs: [{kind: ListenerSet, group: gateway.networking.k8s.io, name: l4, sectionName: udp}]
  rules: [{backendRefs: [{name: udp-svc, port: 53}]}]
`);
  it.each<[string, "TLS" | "TCP" | "UDP", string, number, string, string]>([
    ["TLS passthrough by SNI", "TLS", "db.example.com", 443, "infra/tls-svc", "TLSRoute/infra/tls"],
    ["TCP by port", "TCP", "", 5432, "infra/tcp-svc", "TCPRoute/infra/tcp"],
    ["UDP by port", "UDP", "", 53, "infra/udp-svc", "UDPRoute/infra/udp"],
  ])("%s", (_label, protocol, host, port, backend, route) => {
    const o = match(model, { gateway: "infra/gw", request: { protocol, host, port } });
    expect({ backend: o.backend, route: o.route, listener: o.listener }).toEqual({ backend, route, listener: `infra/gw/infra/l4/${protocol.toLowerCase()}` });
  });
});
