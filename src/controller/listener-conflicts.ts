/**
 * Distinct listeners (Gateway.spec.listeners, "Distinct Listeners"): listeners sharing a port must
 * differ in Hostname (HTTP, HTTPS, TLS) or not share the port at all (TCP, UDP); a TCP listener
 * makes every other listener on its port indistinct, and an HTTP listener cannot share a port with
 * a TLS-based one. "ALL indistinct Listeners must not be accepted": each conflicted listener gets
 * Conflicted=True and Accepted=False with reason HostnameConflict or ProtocolConflict.
 *
 * The simulated controller supports HTTPS and TLS (Terminate or Passthrough) listeners on one port
 * when their hostnames differ (SNI tells them apart), i.e. it claims TLSRouteModeMixed.
 */
import { type Ctx, type ListenerState, failListener } from "./context";
import { protocolSupported } from "./listener-validity";

/** Listeners that cannot be told apart by the data plane share a class on a port. */
export function protocolClass(protocol: string): "http" | "tls" | "tcp" | "udp" {
  switch (protocol) {
    case "HTTP":
      return "http";
    case "HTTPS":
    case "TLS":
      return "tls";
    case "UDP":
      return "udp";
    default:
      return "tcp";
  }
}

export interface Conflict {
  listener: ListenerState;
  reason: "HostnameConflict" | "ProtocolConflict";
  message: string;
}

/** The conflicts among one set of listeners (a Gateway's, later merged with its ListenerSets'). */
export function findConflicts(listeners: readonly ListenerState[]): Conflict[] {
  const byPort = new Map<number, ListenerState[]>();
  for (const ls of listeners) {
    if (!protocolSupported(ls.view.protocol)) continue;
    const list = byPort.get(ls.view.port);
    if (list) list.push(ls);
    else byPort.set(ls.view.port, [ls]);
  }
  const out: Conflict[] = [];
  for (const [port, group] of byPort) {
    if (group.length < 2) continue;
    // Same port, TCP transport: HTTP, TLS-based and raw TCP listeners cannot coexist.
    const streamClasses = new Set(group.map((l) => protocolClass(l.view.protocol)).filter((c) => c !== "udp"));
    const protocolConflict = streamClasses.size > 1;
    const seen = new Map<string, ListenerState[]>();
    for (const ls of group) {
      const cls = protocolClass(ls.view.protocol);
      if (protocolConflict && cls !== "udp") {
        const others = group.filter((o) => o !== ls && protocolClass(o.view.protocol) !== "udp" && protocolClass(o.view.protocol) !== cls);
        out.push({ listener: ls, reason: "ProtocolConflict", message: `port ${port} is also used by ${others.map((o) => `${o.view.name} (${o.view.protocol})`).join(", ")} with an incompatible protocol` });
        continue;
      }
      // TCP and UDP listeners are distinct by port only; HTTP/HTTPS/TLS by port and hostname.
      const hostKey = cls === "tcp" || cls === "udp" ? "" : (ls.view.hostname ?? "").toLowerCase();
      const key = `${cls}|${hostKey}`;
      const list = seen.get(key);
      if (list) list.push(ls);
      else seen.set(key, [ls]);
    }
    for (const [key, same] of seen) {
      if (same.length < 2) continue;
      const host = key.slice(key.indexOf("|") + 1);
      for (const ls of same) {
        const others = same.filter((o) => o !== ls).map((o) => o.view.name);
        out.push({ listener: ls, reason: "HostnameConflict", message: `port ${port}${host ? ` and hostname ${host}` : " without hostname"} are also used by ${others.join(", ")}` });
      }
    }
  }
  return out;
}

/** Apply conflicts: Conflicted=True, Accepted=False with the conflict reason, no supported kinds. */
export function applyConflicts(ctx: Ctx, conflicts: readonly Conflict[]): void {
  for (const c of conflicts) {
    const ls = c.listener;
    ls.view.conflicted = true;
    ls.conds.set("Conflicted", { type: "Conflicted", status: "True", reason: c.reason, message: c.message });
    failListener(ctx, ls, "Accepted", c.reason, c.message, ["port"]);
  }
}

/** Rule: listener conflicts within each Gateway. */
export function runListenerConflicts(ctx: Ctx): void {
  for (const gw of ctx.gateways) applyConflicts(ctx, findConflicts(gw.listeners));
}
