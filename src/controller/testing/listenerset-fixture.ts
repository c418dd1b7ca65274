/**
 * Test support for ListenerSet tables: a ListenerSet document and a Gateway that allows ListenerSets
 * (both in the style of fixture.ts: listeners as YAML flow mappings).
 */

/** A ListenerSet in `ns` whose parentRef is `parent` (a YAML flow mapping; default the Gateway infra/gw). */
export function listenerSet(ns: string, name: string, listeners: string[], opts: { parent?: string; created?: string; kind?: "ListenerSet" | "XListenerSet" } = {}): string {
  const kind = opts.kind ?? "ListenerSet";
  const apiVersion = kind === "XListenerSet" ? "gateway.networking.x-k8s.io/v1alpha1" : "gateway.networking.k8s.io/v1";
  const created = opts.created ? `, creationTimestamp: "${opts.created}"` : "";
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: ${name}, namespace: ${ns}${created}}
spec:
  parentRef: ${opts.parent ?? "{name: gw, namespace: infra}"}
  listeners:
${listeners.map((l) => `  - ${l}`).join("\n")}
`;
}

/** `spec.allowedListeners` lines for fixture.ts `gateway(name, listeners, extra)`. */
export function allowed(namespaces: string): string {
  return `  allowedListeners: {namespaces: ${namespaces}}\n`;
}
