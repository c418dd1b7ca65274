/**
 * TLS connections to a Gateway (request protocol TLS): the port, then the TLS listener chosen by
 * SNI, then the TLSRoute chosen by SNI (l4-routes.ts), then the backends (l4-forward.ts).
 *
 * Listener.hostname: "TLS: The Listener Hostname MUST match the SNI", most specific listener
 * first (Gateway.spec.listeners, "Listeners that are distinct only by Hostname"); the TLSRoute's
 * hostnames are its SNI hostnames (TLSRoute.spec.hostnames: "SNI hostnames that should match
 * against the SNI attribute of TLS ClientHello"), intersected with the listener's by the
 * controller. A connection nothing takes is refused (conformance `connectionRejected`): status 0.
 * On a port that has no TLS listener the client's TLS reaches whatever listens there: an HTTPS
 * listener terminates it and reads HTTP inside, a TCP listener forwards the bytes as they are.
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import { indexModel, type GatewayIndex, type ListenerIndex } from "./compile";
import type { NormalizedRequest } from "./normalize";
import { gatewayKey, matchHttp } from "./http";
import { mostSpecific, nameOf } from "./listener";
import { policyIndex } from "./policy-effects";
import { explainStreamLosers, routeForSni, streamRoutesOf } from "./l4-routes";
import { forward, refused, TCP_STREAM } from "./l4-forward";
import { matchStreamOnPort } from "./l4";
import { listenerRef, type Trace } from "./trace";

/** Matches a TLS connection. */
export function matchTLS(model: Model, sim: SimRequest, req: NormalizedRequest, t: Trace): Outcome {
  const idx = indexModel(model);
  const key = gatewayKey(typeof sim.gateway === "string" ? sim.gateway : "");
  const gi = idx.gateways.get(key);
  if (!gi) return refused(req, null, `no Gateway ${key} in the configuration: nothing accepts the connection`, t, [`Gateway/${key}`]);
  const sniText = req.sni === "" ? "no SNI" : `SNI ${JSON.stringify(req.sni)}`;
  if (t.on) t.add("gateway", `TLS connection to Gateway ${key} on port ${req.port} with ${sniText}`, [`Gateway/${key}`]);
  const onPort = gi.ports.get(req.port);
  if (!onPort) return refused(req, null, `Gateway ${key} has no listener on port ${req.port} (ports: ${[...gi.ports.keys()].join(", ") || "none"}): the connection is refused`, t, [`Gateway/${key}`]);
  if (!onPort.some((l) => l.view.protocol === "TLS")) return otherListeners(model, sim, gi, onPort, req, t);
  if (t.on) {
    for (const l of onPort) {
      if (l.view.protocol !== "TLS") t.add("listener", `listener ${nameOf(l)} (${l.view.protocol}) does not take TLS connections`, [listenerRef(l.id)]);
      else if (l.unusable) t.add("listener", `listener ${nameOf(l)} is skipped: ${l.unusable}`, [listenerRef(l.id)]);
    }
  }
  const li = mostSpecific(onPort, req.sni, TLS);
  if (t.on) traceSni(onPort, li, req.sni, t);
  if (!li) return refused(req, null, `no TLS listener on port ${req.port} accepts ${sniText}: the TLS handshake is refused`, t, [`Gateway/${key}`]);
  const mode = li.view.tls?.mode === "Passthrough" ? "Passthrough" : "Terminate";
  if (t.on) t.add("tls", mode === "Passthrough" ? `listener ${nameOf(li)} passes TLS through (tls.mode Passthrough): the gateway reads only the SNI` : `listener ${nameOf(li)} terminates TLS (tls.mode Terminate) with its certificate, then forwards the decrypted stream`, [listenerRef(li.id)]);
  const routes = streamRoutesOf(li, "TLSRoute");
  const won = routeForSni(routes, req.sni);
  if (t.on) {
    for (const r of li.others) if (r.attachment.route.kind !== "TLSRoute") t.add("candidate", `${r.ref} is attached but a ${r.attachment.route.kind} does not take TLS connections`, [r.ref]);
    explainStreamLosers(routes, won, req.sni, t);
  }
  if (!won) {
    const why = routes.all.length === 0 ? `listener ${nameOf(li)} has no TLSRoute attached` : `no TLSRoute on listener ${nameOf(li)} serves ${sniText}`;
    return refused(req, li.id, `${why}: the connection is rejected`, t, [listenerRef(li.id)]);
  }
  const landing = { listener: li, gatewayKey: key, tls: { mode, sni: req.sni } as const, policies: policyIndex(model) };
  return forward(landing, won, req, TCP_STREAM, t);
}

const TLS = ["TLS"];

/** The TLS connection reaches a port without TLS listener. */
function otherListeners(model: Model, sim: SimRequest, gi: GatewayIndex, onPort: ListenerIndex[], req: NormalizedRequest, t: Trace): Outcome {
  const has = (p: string) => onPort.some((l) => l.view.protocol === p);
  if (has("HTTPS")) {
    if (t.on) t.add("protocol", `port ${req.port} has HTTPS listeners, no TLS listener: the gateway terminates TLS and reads HTTP inside (simulated as an HTTPS request${sim.request?.payload === "TCP" ? "; a raw TCP payload would not be understood" : ""})`, [`Gateway/${gi.key}`]);
    req.protocol = "HTTPS";
    return matchHttp(model, sim, req, t);
  }
  if (has("TCP")) {
    if (t.on) t.add("protocol", `port ${req.port} has a TCP listener: it forwards the TLS bytes as they are, so the backend terminates TLS`, [`Gateway/${gi.key}`]);
    const out = matchStreamOnPort(gi, onPort, "TCP", req, t);
    if (out.connectionError === undefined) out.frontendTLS = { mode: "Passthrough", sni: req.sni };
    return out;
  }
  const protocols = [...new Set(onPort.map((l) => l.view.protocol))].join(", ");
  return refused(req, null, `the listeners on port ${req.port} speak ${protocols}, not TLS: the TLS handshake fails`, t, onPort.map((l) => listenerRef(l.id)));
}

function traceSni(list: ListenerIndex[], chosen: ListenerIndex | null, sni: string, t: Trace): void {
  const shown = sni === "" ? "a ClientHello without SNI (only listeners without hostname take it)" : `SNI ${JSON.stringify(sni)}`;
  for (const l of list) {
    if (l === chosen || l.unusable || l.view.protocol !== "TLS") continue;
    const admits = l.hostname === null || (sni !== "" && mostSpecific([l], sni, TLS) === l);
    const why = admits ? `less specific than ${chosen ? nameOf(chosen) : "?"} (${chosen?.hostname ?? "no hostname"})` : `its hostname ${l.hostname} does not match ${shown}`;
    t.add("listener", `listener ${nameOf(l)} loses: ${why}`, [listenerRef(l.id)]);
  }
  if (chosen) t.add("listener", `listener ${nameOf(chosen)} (port ${chosen.view.port}, TLS, hostname ${chosen.hostname ?? "any"}) takes ${shown}`, [chosen.view.origin, listenerRef(chosen.id)]);
}
