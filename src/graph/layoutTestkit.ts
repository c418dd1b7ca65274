/** Shared by the layout's tests: a configuration with every kind of column, and geometry checks. */
import { parse } from "../parse";
import { simulate } from "../controller";
import { buildGraph } from "./index";
import type { LayoutNode, LayoutResult } from "./layoutTypes";
import type { Graph } from "./types";

export const FIXTURE = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: cls }
spec: { controllerName: example.com/c }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: infra }
spec:
  gatewayClassName: cls
  listeners:
  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
  - { name: https, port: 443, protocol: HTTPS, tls: { certificateRefs: [{ name: cert }] }, allowedRoutes: { namespaces: { from: All } } }
  - { name: admin, port: 8080, protocol: HTTP }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: http }]
  rules:
  - backendRefs: [{ name: web, port: 80 }]
  - backendRefs: [{ name: web, port: 80 }, { name: web-canary, port: 80 }]
  - backendRefs: [{ name: web, port: 80 }, { name: gone, port: 80 }, { name: gone, port: 81 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: api, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: https }]
  rules:
  - backendRefs: [{ name: api, port: 80 }, { name: billing, namespace: billing, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: pay, namespace: billing }
spec:
  parentRefs: [{ name: edge, namespace: infra }]
  rules:
  - backendRefs: [{ name: billing, port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: apps }
---
apiVersion: v1
kind: Service
metadata: { name: web-canary, namespace: apps }
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: apps }
---
apiVersion: v1
kind: Service
metadata: { name: billing, namespace: billing }
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: from-apps, namespace: billing }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps }]
  to: [{ group: "", kind: Service }]
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: { name: sp, namespace: infra }
spec:
  targetRefs: [{ group: gateway.networking.k8s.io, kind: Gateway, name: edge }]
`;

export function graphOf(yaml: string): Graph {
  const p = parse(yaml);
  return buildGraph(simulate(p.resources, { lines: p.lines }));
}

export function byId(l: LayoutResult): Map<string, LayoutNode> {
  return new Map(l.nodes.map((n) => [n.id, n]));
}

/** Boxes that must not overlap: every node but ports (which sit inside their owner). */
export function overlaps(l: LayoutResult): string[] {
  const out: string[] = [];
  const cols = new Map<number, LayoutNode[]>();
  for (const n of l.nodes) if (n.type !== "port") (cols.get(n.column) ?? cols.set(n.column, []).get(n.column)!).push(n);
  for (const ns of cols.values()) {
    ns.sort((a, b) => a.y - b.y);
    for (let k = 1; k < ns.length; k++) if (ns[k].y < ns[k - 1].y + ns[k - 1].height) out.push(`${ns[k - 1].id} / ${ns[k].id}`);
  }
  const groups = new Map<number, LayoutResult["groups"]>();
  for (const g of l.groups) (groups.get(g.column) ?? groups.set(g.column, []).get(g.column)!).push(g);
  for (const gs of groups.values()) {
    gs.sort((a, b) => a.y - b.y);
    for (let k = 1; k < gs.length; k++) if (gs[k].y < gs[k - 1].y + gs[k - 1].height) out.push(`${gs[k - 1].id} / ${gs[k].id}`);
  }
  return out;
}

