/**
 * From the route that takes a TLS, TCP or UDP connection to the Outcome: the rule's backends and
 * their shares, or the rejection. These routes carry no HTTP, so "status 200" stands for a
 * connection (or datagram flow) that reaches a backend, and a rejected one has status 0 with
 * `connectionError` (the client gets no response at all).
 *
 * TCPRouteRule.backendRefs: "If unspecified or invalid [...] the underlying implementation MUST
 * actively reject connection attempts to this backend. Connection rejections must respect weight;
 * if an invalid backend is requested to have 80% of connections, then 80% of connections must be
 * rejected instead." TLSRouteRule.backendRefs says the same of "request attempts", UDPRouteRule of
 * packets ("Packet drops must respect weight").
 */
import type { RuleView } from "../model/model";
import type { FrontendTLSUse, Outcome, OutcomeBackend } from "../model/outcome";
import type { ListenerIndex } from "./compile";
import type { NormalizedRequest } from "./normalize";
import { splitTraffic, type Split } from "./backends";
import { bareOutcome } from "./respond";
import { landOnBackend, type PolicyIndex } from "./policy-effects";
import type { StreamWinner } from "./l4-routes";
import { listenerRef, type Trace } from "./trace";

/** What is forwarded: how the trace words it per protocol. */
export interface StreamKind {
  /** "connection" (TLS, TCP) or "datagram" (UDP). */
  unit: string;
  /** What happens to the refused share: "rejected" or "dropped". */
  refused: string;
}

export const TCP_STREAM: StreamKind = { unit: "connection", refused: "rejected" };
export const UDP_STREAM: StreamKind = { unit: "datagram", refused: "dropped" };

/** Where the connection landed and what the gateway knows about it. */
export interface StreamLanding {
  listener: ListenerIndex;
  /** `ns/name` of the Gateway (backend policies such as spec.tls.backend apply per Gateway). */
  gatewayKey: string;
  /** The TLS session on a TLS listener, else null. */
  tls: FrontendTLSUse | null;
  /** Backend policies, applied when the gateway itself opens the connection to the backend (TLS Terminate). */
  policies: PolicyIndex | null;
}

const splits = new WeakMap<RuleView, Split>();

function splitOf(rule: RuleView): Split {
  let s = splits.get(rule);
  if (!s) splits.set(rule, (s = splitTraffic(rule.backends ?? [])));
  return s;
}

/** A connection that gets no backend: status 0 and why. */
export function refused(req: NormalizedRequest, listener: string | null, why: string, t: Trace, refs: string[] = []): Outcome {
  if (t.on) t.add("connection", why, refs);
  const out = bareOutcome(req, 0, listener, t);
  out.connectionError = why;
  return out;
}

/** The Outcome of a connection `won` takes on the landing listener. */
export function forward(at: StreamLanding, won: StreamWinner, req: NormalizedRequest, k: StreamKind, t: Trace): Outcome {
  const li = at.listener;
  const route = won.route.entry.attachment.route;
  const ref = won.route.entry.ref;
  const rules = route.rules;
  if (rules.length === 0) return refused(req, li.id, `${ref} has no rules: the ${k.unit} is ${k.refused}`, t, [ref]);
  const rule = rules[0];
  if (t.on) {
    const host = won.hostname === null ? "" : ` for hostname ${won.hostname}`;
    t.add("rule", `${ref} takes the ${k.unit}${host}${rule.name ? ` (rule ${rule.name})` : ""}`, [ref, listenerRef(li.id)]);
    // v1 allows one rule; v1alpha2 allowed more, with nothing to choose between them.
    if (rules.length > 1) t.add("rule", `${ref} has ${rules.length} rules but no matches to tell them apart; which one an implementation uses is not specified: rule 0 is used, rules 1–${rules.length - 1} take nothing`, [ref]);
  }
  const split = splitOf(rule);
  const out = bareOutcome(req, 200, li.id, t);
  out.route = `${route.kind}/${route.resource.namespace}/${route.resource.name}`;
  out.rule = rule.index;
  out.backends = split.backends.map(copyBackend);
  if (at.tls) out.frontendTLS = { mode: at.tls.mode, sni: at.tls.sni };
  if (split.failure) {
    if (t.on) for (const i of split.receivers) if (!split.views[i].valid) t.add("backend", `${split.refs[i]} is invalid: ${split.views[i].reason ?? "unresolved"}${split.views[i].message ? ` (${split.views[i].message})` : ""}`, [ref, split.refs[i]]);
    return reject(out, `${split.failure}: every ${k.unit} is ${k.refused}`, ref, t);
  }
  for (const i of split.receivers) {
    const view = split.views[i];
    const ob = out.backends[i];
    // TLSRoute in Terminate mode: "a BackendTLSPolicy can be used to enable re-encryption of the traffic to the backends".
    if (view.valid && at.tls?.mode === "Terminate" && at.policies) {
      const failure = landOnBackend(at.policies, at.gatewayKey, view, ob, rule.raw, ref, t);
      if (failure) ob.invalid = failure;
    }
  }
  if (split.receivers.length === 1) {
    const i = split.receivers[0];
    const ob = out.backends[i];
    if (ob.invalid !== undefined) return reject(out, `the only backend that receives traffic, ${split.refs[i]}, is invalid (${ob.invalid}): every ${k.unit} is ${k.refused}`, ref, t);
    if (t.on) t.add("backend", `every ${k.unit} goes to ${split.refs[i]}${ob.port !== null ? `:${ob.port}` : ""}${tlsNote(at.tls)}`, [ref, split.refs[i]]);
    out.backend = split.keys[i];
    return out;
  }
  let live = 0;
  for (const i of split.receivers) {
    const ob = out.backends[i];
    const pct = Math.round(ob.probability * 10000) / 100;
    if (ob.invalid === undefined) live++;
    if (t.on) t.add("backend", ob.invalid === undefined ? `${pct}% of ${k.unit}s go to ${split.refs[i]}` : `${pct}% of ${k.unit}s would go to ${split.refs[i]}, which is invalid (${ob.invalid}): they are ${k.refused}`, [ref, split.refs[i]]);
  }
  if (t.on) {
    for (let i = 0; i < split.backends.length; i++) if (split.backends[i].probability === 0) t.add("backend", `${split.keys[i]} has weight 0 and receives nothing`, [ref]);
    if (at.tls) t.add("backend", tlsNote(at.tls).slice(2), [ref]);
  }
  if (live === 0) return reject(out, `every backend that receives traffic is invalid: every ${k.unit} is ${k.refused}`, ref, t);
  return out;
}

function reject(out: Outcome, why: string, ref: string, t: Trace): Outcome {
  if (t.on) t.add("backend", why, [ref]);
  out.statusCode = 0;
  out.connectionError = why;
  return out;
}

function tlsNote(tls: FrontendTLSUse | null): string {
  if (!tls) return "";
  return tls.mode === "Passthrough"
    ? `; the TLS session is passed through: the backend terminates it and sees SNI ${JSON.stringify(tls.sni)}`
    : "; the gateway terminated TLS: the backend receives the decrypted stream";
}

function copyBackend(b: OutcomeBackend): OutcomeBackend {
  const o: OutcomeBackend = { namespace: b.namespace, name: b.name, port: b.port, weight: b.weight, probability: b.probability };
  if (b.kind !== undefined) o.kind = b.kind;
  if (b.invalid !== undefined) o.invalid = b.invalid;
  return o;
}
