/**
 * Test support for the caches: generated mesh (GAMMA) configurations — Services with named ports,
 * a headless and an ExternalName Service, an XMesh, and routes of several kinds attached to Service
 * parents (producer and consumer, with and without port or sectionName, some with a Gateway parent
 * too), so "incremental equals fresh" also covers mesh attachment and route-kind conflicts.
 */
import { GW, NS } from "./edits";

const SERVICES = [
  "apiVersion: v1\nkind: Service\nmetadata: {name: s1, namespace: a}\nspec: {ports: [{name: http, port: 80}, {name: grpc, port: 7070}]}",
  "apiVersion: v1\nkind: Service\nmetadata: {name: s2, namespace: b}\nspec: {ports: [{port: 80}]}",
  "apiVersion: v1\nkind: Service\nmetadata: {name: hl, namespace: a}\nspec: {clusterIP: None, ports: [{port: 80}]}",
  "apiVersion: v1\nkind: Service\nmetadata: {name: ext, namespace: a}\nspec: {type: ExternalName, externalName: example.org}",
  "apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XMesh\nmetadata: {name: mesh}\nspec: {controllerName: example.com/mesh}",
];

/** A generated mesh configuration of `n` routes (plus the Gateway and Namespace of edits.ts). */
export function meshGenerated(r: () => number, n: number): string[] {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const out = [GW, NS, ...SERVICES];
  for (let i = 0; i < n; i++) {
    const kind = pick(["HTTPRoute", "HTTPRoute", "GRPCRoute", "TCPRoute", "UDPRoute"]);
    const version = kind === "HTTPRoute" || kind === "GRPCRoute" ? "v1" : "v1alpha2";
    const ns = pick(["a", "a", "b", "c"]);
    const parents = pick([
      "[{group: '', kind: Service, name: s1, namespace: a}]",
      "[{group: '', kind: Service, name: s1, namespace: a, port: 80}]",
      "[{group: '', kind: Service, name: s1, namespace: a, port: 7070}]",
      "[{group: '', kind: Service, name: s1, namespace: a, sectionName: grpc}]",
      "[{group: '', kind: Service, name: s2, namespace: b}, {group: '', kind: Service, name: s1, namespace: a, port: 80}]",
      "[{group: '', kind: Service, name: s1, namespace: a, port: 9}]",
      "[{group: '', kind: Service, name: hl, namespace: a}]",
      "[{group: core, kind: Service, name: ext, namespace: a}]",
      "[{group: '', kind: Service, name: gone}]",
      "[{group: '', kind: Service, name: s1, namespace: a}, {name: gw, namespace: infra}]",
    ]);
    const hosts = pick(["", "\n  hostnames: [a.example.com]"]);
    const backend = pick(["{name: s1, namespace: a, port: 80}", "{name: s2, namespace: b, port: 80}", "{name: s1, namespace: a, port: 80, weight: 0}", "{name: gone, port: 1}"]);
    out.push(`apiVersion: gateway.networking.k8s.io/${version}\nkind: ${kind}\nmetadata: {name: m${i}, namespace: ${ns}, generation: ${1 + Math.floor(r() * 3)}}\nspec:\n  parentRefs: ${parents}${kind === "HTTPRoute" ? hosts : ""}\n  rules:\n  - backendRefs: [${backend}]`);
  }
  return out;
}
