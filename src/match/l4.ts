/**
 * TCP and UDP traffic to a Gateway (request protocol TCP or UDP): the listener of that protocol on
 * the port (Gateway.spec.listeners: "TCP, UDP: Port" is what tells such listeners apart, and
 * `hostname` "is ignored for protocols that don't require hostname based matching"), then the
 * oldest TCPRoute or UDPRoute attached to it (l4-routes.ts), then its backends (l4-forward.ts).
 * Only routes the controller attached are used: parentRef sectionName/port and allowedRoutes are
 * its decisions.
 */
import type { Model } from "../model/model";
import type { Outcome } from "../model/outcome";
import type { SimRequest } from "../model/request";
import { indexModel, type GatewayIndex, type ListenerIndex } from "./compile";
import type { NormalizedRequest } from "./normalize";
import { gatewayKey } from "./http";
import { nameOf } from "./listener";
import { explainStreamLosers, oldestRoute, streamRoutesOf } from "./l4-routes";
import { forward, refused, TCP_STREAM, UDP_STREAM } from "./l4-forward";
import { listenerRef, type Trace } from "./trace";

/** Matches a TCP connection or a UDP datagram flow. */
export function matchL4(model: Model, sim: SimRequest, req: NormalizedRequest, t: Trace): Outcome {
  const idx = indexModel(model);
  const key = gatewayKey(typeof sim.gateway === "string" ? sim.gateway : "");
  const gi = idx.gateways.get(key);
  const protocol = req.protocol === "UDP" ? "UDP" : "TCP";
  const unit = protocol === "UDP" ? "datagrams are dropped" : "the connection is refused";
  if (!gi) return refused(req, null, `no Gateway ${key} in the configuration: ${unit}`, t, [`Gateway/${key}`]);
  if (t.on) t.add("gateway", `${protocol} ${protocol === "UDP" ? "datagrams" : "connection"} to Gateway ${key} on port ${req.port}`, [`Gateway/${key}`]);
  const onPort = gi.ports.get(req.port);
  if (!onPort) return refused(req, null, `Gateway ${key} has no listener on port ${req.port} (ports: ${[...gi.ports.keys()].join(", ") || "none"}): ${unit}`, t, [`Gateway/${key}`]);
  return matchStreamOnPort(gi, onPort, protocol, req, t);
}

/** A TCP or UDP flow to the listeners of one port. */
export function matchStreamOnPort(gi: GatewayIndex, onPort: ListenerIndex[], protocol: "TCP" | "UDP", req: NormalizedRequest, t: Trace): Outcome {
  const k = protocol === "UDP" ? UDP_STREAM : TCP_STREAM;
  const kind = protocol === "UDP" ? "UDPRoute" : "TCPRoute";
  let li: ListenerIndex | null = null;
  for (const l of onPort) {
    if (l.view.protocol !== protocol) {
      if (t.on) t.add("listener", `listener ${nameOf(l)} (${l.view.protocol}) does not take ${protocol} traffic`, [listenerRef(l.id)]);
    } else if (l.unusable) {
      if (t.on) t.add("listener", `listener ${nameOf(l)} is skipped: ${l.unusable}`, [listenerRef(l.id)]);
    } else if (li === null) li = l;
  }
  if (!li) {
    const any = onPort.some((l) => l.view.protocol === protocol);
    const why = any ? `no usable ${protocol} listener on port ${req.port}` : `no ${protocol} listener on port ${req.port} (it has ${[...new Set(onPort.map((l) => l.view.protocol))].join(", ")})`;
    return refused(req, null, `${why}: ${protocol === "UDP" ? "the datagrams are dropped" : "the connection gets no answer"}`, t, [`Gateway/${gi.key}`]);
  }
  if (t.on) t.add("listener", `listener ${nameOf(li)} (port ${li.view.port}, ${protocol}) takes the ${k.unit}s; a ${protocol} listener has no hostname to match`, [li.view.origin, listenerRef(li.id)]);
  const routes = streamRoutesOf(li, kind);
  const won = oldestRoute(routes);
  if (t.on) {
    for (const r of li.others) if (r.attachment.route.kind !== kind) t.add("candidate", `${r.ref} is attached but a ${r.attachment.route.kind} does not take ${protocol} traffic`, [r.ref]);
    explainStreamLosers(routes, won, null, t);
  }
  if (!won) return refused(req, li.id, `listener ${nameOf(li)} has no ${kind} attached: ${protocol === "UDP" ? "the datagrams are dropped" : "the connection is rejected"}`, t, [listenerRef(li.id)]);
  return forward({ listener: li, gatewayKey: gi.key, tls: null, policies: null }, won, req, k, t);
}
