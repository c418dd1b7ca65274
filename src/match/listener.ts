/**
 * Which listener of a Gateway handles a request: the port, the protocol, then the most specific
 * hostname (Gateway.spec.listeners, "Listeners that are distinct only by Hostname": "inbound request
 * hostnames MUST match from the most specific to least specific Hostname values to choose the
 * correct Listener and its associated set of Routes"). HTTPS listeners are chosen by SNI, and a Host
 * that another listener owns gets 421 (Listener.hostname, see `selectListener`).
 */
import type { GatewayIndex, ListenerIndex } from "./compile";
import type { NormalizedRequest } from "./normalize";
import { hostnameMatches } from "./hostname";
import { listenerRef, type Trace } from "./trace";

export interface ListenerChoice {
  listener: ListenerIndex | null;
  /** Set when the gateway answers without routing: 421 (misdirected) or 404 (no listener). */
  statusCode?: number;
  /** For 421: the listener the connection reached (chosen by SNI), which answers it. */
  answeredBy?: ListenerIndex;
  /** Set when a real client would get no HTTP response at all (nothing listening, TLS failure). */
  connectionError?: string;
}

/** Listener protocols that serve a request protocol: gRPC is HTTP/2, cleartext on HTTP listeners. */
const SERVES: Record<string, string[]> = { HTTP: ["HTTP"], GRPC: ["HTTP"], HTTPS: ["HTTPS"] };

/**
 * A listener's name for the trace. Names repeat across a Gateway and its ListenerSets
 * (ListenerEntry.name: "Name is not required to be unique across a Gateway and ListenerSets"), so a
 * ListenerSet's listener also names its set.
 */
export function nameOf(l: ListenerIndex): string {
  const origin = l.view.origin;
  return origin.startsWith("ListenerSet/") || origin.startsWith("XListenerSet/") ? `${l.view.name} of ${origin.slice(0, origin.indexOf("/"))} ${origin.slice(origin.indexOf("/") + 1)}` : l.view.name;
}

/** Whether a listener's hostname admits `host` ("" = the Gateway's address: only listeners without hostname). */
function admits(l: ListenerIndex, host: string): boolean {
  if (l.hostname === null) return true;
  return host !== "" && hostnameMatches(l.hostname, host);
}

/**
 * The most specific usable listener among `list` whose hostname admits `host`.
 * Gateway.spec.listeners: "Exact matches MUST be processed before wildcard matches, and wildcard
 * matches MUST be processed before fallback (empty Hostname value) matches [...] the higher the
 * number of dots in the hostname to the right of the wildcard character, the higher the precedence."
 */
export function mostSpecific(list: ListenerIndex[], host: string, protocols: string[]): ListenerIndex | null {
  let best: ListenerIndex | null = null;
  let bestRank = -1;
  for (let i = 0; i < list.length; i++) {
    const l = list[i];
    if (l.unusable !== null || !protocols.includes(l.view.protocol) || !admits(l, host)) continue;
    const rank = l.rank;
    if (rank > bestRank) {
      best = l;
      bestRank = rank;
    }
  }
  return best;
}

/** Chooses the listener for a request on a Gateway, recording every candidate in the trace. */
export function selectListener(gi: GatewayIndex, req: NormalizedRequest, t: Trace): ListenerChoice {
  const onPort = gi.ports.get(req.port);
  if (!onPort) {
    if (t.on) t.add("listener", `Gateway ${gi.key} has no listener on port ${req.port} (ports: ${[...gi.ports.keys()].join(", ") || "none"}); the connection is refused`, [`Gateway/${gi.key}`]);
    return { listener: null, statusCode: 404, connectionError: `nothing listens on port ${req.port}` };
  }
  const serves = SERVES[req.protocol] ?? [];
  if (t.on) {
    for (const l of onPort) {
      if (!serves.includes(l.view.protocol)) t.add("listener", `listener ${nameOf(l)} (${l.view.protocol}) does not serve ${req.protocol} requests`, [listenerRef(l.id)]);
      else if (l.unusable) t.add("listener", `listener ${nameOf(l)} is skipped: ${l.unusable}`, [listenerRef(l.id)]);
    }
  }
  if (req.protocol === "HTTPS") return selectTls(onPort, serves, req, t);
  const chosen = mostSpecific(onPort, req.host, serves);
  if (chosen) {
    traceChoice(onPort, serves, chosen, req.host, "Host", t);
    return chosen.choice;
  }
  if (!onPort.some((l) => serves.includes(l.view.protocol))) {
    return { listener: null, statusCode: 404, connectionError: `no listener on port ${req.port} speaks ${req.protocol}` };
  }
  traceChoice(onPort, serves, chosen, req.host, "Host", t);
  return { listener: null, statusCode: 404 };
}

/**
 * HTTPS: the SNI picks the listener during the TLS handshake; then the Host is checked.
 * Listener.hostname: "If another Listener has an exact match or more specific wildcard entry, the
 * Gateway SHOULD return a 421. If the current Listener (selected by SNI matching during ClientHello)
 * does not match the Host: If another Listener does match the Host, the Gateway SHOULD return a 421.
 * If no other Listener matches the Host, the Gateway MUST return a 404."
 */
function selectTls(list: ListenerIndex[], serves: string[], req: NormalizedRequest, t: Trace): ListenerChoice {
  const bySni = mostSpecific(list, req.sni, serves);
  traceChoice(list, serves, bySni, req.sni, "SNI", t);
  if (!bySni) return { listener: null, statusCode: 404, connectionError: `TLS handshake fails: no HTTPS listener accepts SNI ${JSON.stringify(req.sni)}` };
  if (req.host === req.sni) return bySni.choice;
  const byHost = mostSpecific(list, req.host, serves);
  if (byHost && byHost !== bySni) {
    if (t.on) t.add("listener", `Host ${JSON.stringify(req.host)} belongs to listener ${nameOf(byHost)}, not to ${nameOf(bySni)} chosen by SNI ${JSON.stringify(req.sni)}: 421 Misdirected Request`, [listenerRef(bySni.id), listenerRef(byHost.id)]);
    return { listener: null, statusCode: 421, answeredBy: bySni };
  }
  if (t.on && !byHost) t.add("listener", `no listener matches Host ${JSON.stringify(req.host)}; the SNI's listener ${nameOf(bySni)} handles it (its routes decide, else 404)`, [listenerRef(bySni.id)]);
  return bySni.choice;
}

function traceChoice(list: ListenerIndex[], serves: string[], chosen: ListenerIndex | null, host: string, what: string, t: Trace): void {
  if (!t.on) return;
  const shown = host === "" ? "the Gateway's address (no hostname)" : JSON.stringify(host);
  for (const l of list) {
    if (l === chosen || l.unusable || !serves.includes(l.view.protocol)) continue;
    const why = admits(l, host)
      ? `less specific than ${chosen ? nameOf(chosen) : ""} (${chosen?.hostname ?? "no hostname"}); listener isolation gives the request to the most specific listener only`
      : `its hostname ${l.hostname} does not match ${what} ${shown}`;
    t.add("listener", `listener ${nameOf(l)} loses: ${why}`, [listenerRef(l.id)]);
  }
  if (chosen) {
    t.add("listener", `listener ${nameOf(chosen)} (port ${chosen.view.port}, ${chosen.view.protocol}, hostname ${chosen.hostname ?? "any"}) handles ${what} ${shown}`, [chosen.view.origin, listenerRef(chosen.id)]);
  } else {
    t.add("listener", `no listener on this port matches ${what} ${shown}: 404`, []);
  }
}
