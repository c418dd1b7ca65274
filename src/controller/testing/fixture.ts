/**
 * Test support for the controller's table-driven tests: YAML in, Model out, plus short accessors
 * that render conditions as `Type=Status/Reason` strings so rows stay readable.
 */
import { parse } from "../../parse";
import { simulate } from "../index";
import type { Model, ListenerView } from "../../model/model";
import type { Condition, ResourceStatus } from "../../model/status";

/** A GatewayClass, so fixtures need not repeat it. */
export const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/controller}
`;

/** Parse and simulate YAML documents (joined with ---), with line indexes. */
export function sim(...docs: string[]): Model {
  const { resources, lines } = parse({ name: "fixture.yaml", text: docs.join("\n---\n") });
  return simulate(resources, { lines });
}

export function show(cs: readonly Condition[] | undefined): string[] {
  return (cs ?? []).map((c) => `${c.type}=${c.status}/${c.reason}`);
}

export function status(m: Model, key: string): ResourceStatus {
  const s = m.status.get(key);
  if (!s) throw new Error(`no status for ${key} (have ${[...m.status.keys()].join(", ")})`);
  return s;
}

/** Conditions of a listener in status, by `Gateway/ns/name` and listener name. */
export function listenerConds(m: Model, gwKey: string, name: string): string[] {
  const l = status(m, gwKey).listeners?.find((x) => x.name === name);
  if (!l) throw new Error(`no listener ${name} on ${gwKey}`);
  return show(l.conditions);
}

export function listenerView(m: Model, id: string): ListenerView {
  const l = m.gateways.flatMap((g) => g.listeners).find((x) => x.id === id);
  if (!l) throw new Error(`no listener ${id}`);
  return l;
}

/** Conditions of a route's parent entry (`ns/name[/section][:port]`). */
export function parentConds(m: Model, routeKey: string, parentRef: string): string[] {
  const p = status(m, routeKey).parents?.find((x) => x.parentRef === parentRef);
  if (!p) throw new Error(`no parent ${parentRef} on ${routeKey} (have ${status(m, routeKey).parents?.map((x) => x.parentRef).join(", ")})`);
  return show(p.conditions);
}

/** A Gateway with the given listeners (YAML flow mappings), class gc, namespace infra. */
export function gateway(name: string, listeners: string[], extra = ""): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: infra}
spec:
  gatewayClassName: gc
${extra}  listeners:
${listeners.map((l) => `  - ${l}`).join("\n")}
`;
}

/** An HTTPRoute in `ns` with a spec given as YAML lines (indented by 2). */
export function httpRoute(ns: string, name: string, spec: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
${spec}
`;
}

export function service(ns: string, name: string, port = 80): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {ports: [{port: ${port}}]}
`;
}

export function namespace(name: string, labels: Record<string, string> = {}): string {
  return `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: ${JSON.stringify(labels)}}
`;
}

/** A TLS Secret with PEM-framed data. */
export function tlsSecret(ns: string, name: string): string {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  return `apiVersion: v1
kind: Secret
type: kubernetes.io/tls
metadata: {name: ${name}, namespace: ${ns}}
data:
  tls.crt: ${b64("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n")}
  tls.key: ${b64("-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n")}
`;
}

export function grant(ns: string, name: string, from: { group: string; kind: string; namespace: string }, to: { group: string; kind: string; name?: string }): string {
  return `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: ${name}, namespace: ${ns}}
spec:
  from: [${JSON.stringify(from)}]
  to: [${JSON.stringify(to)}]
`;
}
