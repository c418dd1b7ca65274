/**
 * Reading an Outcome for people and for the canvas: a one-line destination, whether a sample's
 * destination changed since the previous edit, and the graph nodes the request passes through.
 */
import type { Outcome } from "../../src/model/outcome";
import type { SimRequest } from "../../src/model/request";

/** Whether a request is a connection (TLS, TCP, UDP) rather than an HTTP exchange. */
export function isConnection(r: SimRequest | undefined): boolean {
  const p = r?.request.protocol;
  return p === "TLS" || p === "TCP" || p === "UDP";
}

/**
 * Where a request ends up, in one line: `200 → ns/svc`, `200 → a 90% · b 10%`, `301 → https://…`,
 * `404`, `gRPC OK → ns/svc`, `TCP → ns/db`, `no connection: …`, `not simulated`.
 */
export function destination(o: Outcome | null, r?: SimRequest): string {
  if (!o) return "—";
  if (o.connectionError) return `no connection: ${o.connectionError}`;
  if (o.statusCode === 0) return "not simulated";
  if (o.redirect) return `${o.redirect.statusCode} → ${o.redirect.location}`;
  const head = isConnection(r) && o.statusCode < 400 ? r!.request.protocol! : o.grpcStatus ? `gRPC ${o.grpcStatus}` : String(o.statusCode);
  const live = o.backends.filter((b) => b.probability > 0);
  if (o.backend) return `${head} → ${o.backend}`;
  if (live.length > 1) return `${head} → ${live.map((b) => `${b.namespace}/${b.name} ${pct(b.probability)}`).join(" · ")}`;
  return head;
}

/** The headline of an outcome: what the client gets, how good it is, and what that means. */
export interface Verdict {
  code: string;
  level: "ok" | "info" | "warn" | "bad" | "muted";
  meaning: string;
}

function httpLevel(code: number): Verdict["level"] {
  if (code >= 500) return "bad";
  if (code >= 400) return "warn";
  if (code >= 300) return "info";
  return "ok";
}

/** What an outcome means for the request's kind of traffic. */
export function verdictOf(r: SimRequest, o: Outcome): Verdict {
  const p = r.request.protocol ?? "HTTP";
  const receivers = o.backends.filter((b) => b.probability > 0 && !b.invalid).length;
  if (o.connectionError) return { code: "no connection", level: "bad", meaning: `The client gets no answer: ${o.connectionError}.` };
  if (o.statusCode === 0) {
    const last = o.trace[o.trace.length - 1];
    return { code: "not simulated", level: "muted", meaning: last ? last.detail : "The simulator cannot predict this request." };
  }
  if (isConnection(r)) {
    if (o.statusCode >= 400 || receivers === 0) return { code: String(o.statusCode), level: "bad", meaning: `The ${p} connection is accepted but reaches no backend that can serve it: it is closed.` };
    // Outcome.frontendTLS: where the client's TLS session ends (Passthrough: at the backend).
    const tls = o.frontendTLS;
    const tlsWhat = !tls ? "The TLS stream is forwarded" : tls.mode === "Passthrough" ? "The TLS stream is forwarded still encrypted (passthrough: the backend terminates TLS)" : "The gateway terminates TLS and forwards the decrypted stream";
    const what = p === "UDP" ? "Datagrams are forwarded" : p === "TLS" ? tlsWhat : "The TCP connection is forwarded";
    const share = receivers > 1 ? `, each connection to one of ${receivers} backends by weight` : "";
    // Shares whose backend is invalid are rejected (TCPRoute/TLSRoute: "connections ... MUST be rejected").
    const rejected = o.backends.reduce((s, b) => s + (b.invalid ? b.probability : 0), 0);
    const lost = rejected > 0 ? ` ${pct(rejected)} of the ${p === "UDP" ? "traffic is dropped" : "connections are rejected"}: their backend is invalid.` : "";
    return { code: p === "UDP" ? "forwarded" : "connected", level: rejected > 0 ? "warn" : "ok", meaning: `${what}${share}.${lost}` };
  }
  if (p === "GRPC" && o.grpcStatus) {
    const meaning =
      o.grpcStatus === "OK" ? "The RPC reaches a backend." : o.grpcStatus === "Unimplemented" ? "No route matches this service and method: the client gets Unimplemented." : `The gateway answers HTTP ${o.statusCode}, which a gRPC client reads as ${o.grpcStatus}.`;
    return { code: `gRPC ${o.grpcStatus}`, level: o.grpcStatus === "OK" ? "ok" : o.grpcStatus === "Unimplemented" ? "warn" : "bad", meaning };
  }
  return { code: String(o.statusCode), level: httpLevel(o.statusCode), meaning: "" };
}

/** A percentage for a probability, without noise: 0.9 → "90%", 1/3 → "33.3%". */
export function pct(p: number): string {
  return `${Number((p * 100).toFixed(1))}%`;
}

/** What identifies a destination: status, backends and their shares, redirect target. */
function destinationKey(o: Outcome): string {
  return JSON.stringify([o.statusCode, o.connectionError ?? null, o.redirect?.location ?? null, o.backends.map((b) => [b.namespace, b.name, b.port, Number(b.probability.toFixed(4)), b.invalid ?? null])]);
}

/** Whether the destination differs from the one before the last edit (false when there is no previous one). */
export function destinationChanged(outcome: Outcome | null, previous: Outcome | null): boolean {
  if (!outcome || !previous) return false;
  return destinationKey(outcome) !== destinationKey(previous);
}

/**
 * Trace steps whose refs are all on the winner's path. Listener steps also name losers (only the
 * chosen listener's step counts); backend and mirror steps also name backends that get nothing,
 * so backends and mirrors come from the outcome's own fields instead. Mesh steps also name the
 * routes that do not apply to the client: a mesh call's path is its Service, route and backends.
 */
const WINNER_STEPS = new Set(["gateway", "rule", "filter", "redirect"]);

/** The graph's node ids: a Set of them, or a Map keyed by them (the snapshot index). */
export interface NodeIds {
  has(id: string): boolean;
  keys(): Iterable<string>;
}

/**
 * Graph node ids on the request's path: gateway, listener (and the ListenerSet declaring it), route,
 * the backends that receive traffic, mirrors. Only ids the graph has are returned, in path order.
 */
export function litPathOf(request: SimRequest, o: Outcome | null, nodeIds: NodeIds): string[] {
  if (!o) return [];
  const out: string[] = [];
  const add = (id: string | null | undefined) => {
    if (!id) return;
    let hit = nodeIds.has(id) ? id : undefined;
    // Listeners that share a name across a Gateway and a ListenerSet carry an `@origin` suffix.
    if (!hit && id.startsWith("Listener/")) for (const n of nodeIds.keys()) if (n.startsWith(`${id}@`)) hit = n;
    if (hit && !out.includes(hit)) out.push(hit);
  };
  if (request.gateway) add(`Gateway/${request.gateway}`);
  // A mesh call enters through the Service it is sent to.
  if (request.mesh?.service) add(`Service/${request.mesh.service}`);
  const listener = o.listener ? `Listener/${o.listener}` : null;
  for (const t of o.trace) {
    if (t.step === "listener" && listener && t.refs.includes(listener)) t.refs.forEach(add);
  }
  add(listener);
  add(o.route);
  for (const t of o.trace) {
    if (WINNER_STEPS.has(t.step)) t.refs.forEach(add);
  }
  for (const b of o.backends) if (b.probability > 0 && !b.invalid) add(`${b.kind ?? "Service"}/${b.namespace}/${b.name}`);
  for (const m of o.mirrors) add(`Service/${m}`);
  return out;
}
