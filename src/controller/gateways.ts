/**
 * Build the Gateway and listener states the other rules fill in, and the Gateway → GatewayClass
 * relation. A Gateway whose GatewayClass is not in the input is assumed accepted (the cluster would
 * hold the class) and the assumption is recorded, never made silently.
 */
import type { Resource } from "../model/resource";
import type { ListenerView, TLSConfigView } from "../model/model";
import { refKey, normalizeGroup } from "../model/ids";
import { type Ctx, type GatewayState, type ListenerState, arr, isRecord, str } from "./context";
import { relation } from "./shared";

/** `ns/gateway/listener`: the id of a listener everywhere in the engine. */
export function listenerId(gw: Resource, name: string): string {
  return `${gw.namespace}/${gw.name}/${name}`;
}

/** TLS settings of a listener as the view shows them (`mode` defaults to Terminate per ListenerTLSConfig.mode). */
export function tlsView(spec: unknown, defaultNamespace: string): TLSConfigView | null {
  if (!isRecord(spec)) return null;
  const t = spec as Record<string, unknown>;
  const mode = t.mode === "Passthrough" ? "Passthrough" : "Terminate";
  const certificateRefs = arr(t.certificateRefs).map((c) => {
    const o = isRecord(c) ? (c as Record<string, unknown>) : {};
    return {
      group: normalizeGroup(str(o.group)),
      kind: str(o.kind) || "Secret",
      namespace: str(o.namespace) || defaultNamespace,
      name: str(o.name),
      resolved: false,
    };
  });
  return { mode, certificateRefs, raw: spec };
}

/** Make the listener state for `spec.listeners[index]` of a Gateway. */
export function makeListener(gw: GatewayState, origin: Resource, spec: unknown, index: number, path: (string | number)[]): ListenerState {
  const l = isRecord(spec) ? (spec as Record<string, unknown>) : {};
  const name = str(l.name) || `#${index}`;
  const port = typeof l.port === "number" ? l.port : Number(l.port) || 0;
  const protocol = str(l.protocol);
  const hostname = str(l.hostname) || null;
  const view: ListenerView = {
    id: listenerId(gw.res, name),
    gatewayKey: gw.view.key,
    name,
    port,
    protocol,
    hostname,
    tls: tlsView(l.tls, origin.namespace),
    origin: refKey(origin),
    path,
    accepted: false,
    programmed: false,
    conflicted: false,
    resolvedRefs: false,
    supportedKinds: [],
    conditions: [],
    routes: [],
  };
  return { view, gw, origin, spec: l, conds: new Map(), kinds: new Set(), attached: 0, nsDecisions: new Map() };
}

/** Rule: Gateway states, listeners, and the gatewayClass relation. */
export function runGateways(ctx: Ctx): void {
  for (const res of ctx.gatewayResources) {
    const className = str(res.spec?.gatewayClassName);
    const key = ctx.key(res);
    const gw: GatewayState = {
      res,
      view: { key, resource: res, className, accepted: false, programmed: false, listeners: [] },
      listeners: [],
      conds: new Map(),
      classOk: true,
    };
    const cls = ctx.get("gateway.networking.k8s.io", "GatewayClass", "", className);
    if (!cls) {
      ctx.assume("gatewayclass-accepted", `GatewayClass ${className || "<unset>"} is not in the input; assumed to exist and be accepted`, [`GatewayClass/${className}`, key]);
    } else {
      gw.classOk = ctx.classAccepted.get(className) ?? true;
    }
    ctx.relate(relation("gatewayClass", key, `GatewayClass/${className}`, gw.classOk, ["spec", "gatewayClassName"], cls ? (gw.classOk ? undefined : "InvalidParameters") : "Assumed"));
    arr(res.spec?.listeners).forEach((l, i) => {
      const ls = makeListener(gw, res, l, i, ["spec", "listeners", i]);
      gw.listeners.push(ls);
      gw.view.listeners.push(ls.view);
    });
    ctx.gateways.push(gw);
    ctx.gatewayByKey.set(key, gw);
  }
}
