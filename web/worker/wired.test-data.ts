/** Test data shared by the layout tests (positions.test.ts) and the layout e2e spec. */

/** A Gateway, six routes r1…r6 and six Services; `pairs` says which route sends to which Service. */
export function wired(pairs: [number, number][]): string {
  const docs = [
    "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: gw, namespace: infra }\nspec:\n  gatewayClassName: demo\n  listeners:\n  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }",
  ];
  for (const [r, s] of pairs)
    docs.push(`apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: r${r}, namespace: app }\nspec:\n  parentRefs: [{ name: gw, namespace: infra }]\n  rules:\n  - backendRefs: [{ name: s${s}, port: 80 }]`);
  for (let s = 1; s <= 6; s++) docs.push(`apiVersion: v1\nkind: Service\nmetadata: { name: s${s}, namespace: app }\nspec: { ports: [{ port: 80 }] }`);
  return docs.join("\n---\n") + "\n";
}
