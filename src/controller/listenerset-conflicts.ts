/**
 * Listener conflicts across a Gateway and the ListenerSets attached to it. ListenerSetSpec.listeners:
 * "Implementations MUST treat the parent Gateway as having the merged list of all listeners from
 * itself and attached ListenerSets using the following precedence: 1. "parent" Gateway 2. ListenerSet
 * ordered by creation time (oldest first) 3. ListenerSet ordered alphabetically by
 * "{namespace}/{name}"" … "If a listener has a conflict, this will be reported in the
 * Status.ListenerEntryStatus setting the `Conflicted` condition to True." GEP-1713 ("Listener and
 * ListenerSet conflicts"): "the first Listener on the precedence list MUST be accepted, and should
 * not have a `Conflicted` condition, while the conflicting listeners MUST have a `Conflicted`
 * condition set to True"; within one resource the Gateway's rules hold ("Listeners in a ListenerSet
 * follow the same rules of Listeners on a Gateway resource"; listener-conflicts.ts).
 *
 * So a ListenerSet listener first meets every listener earlier in precedence (the Gateway's, then
 * earlier sets'): if it is not distinct from one of them it loses. The listeners of the set that
 * survive are then checked among themselves with the Gateway's rule (all indistinct ones lose), and
 * the winners are what the next set's listeners meet.
 */
import type { GatewayState, ListenerState } from "./context";
import { type Conflict, findConflicts, protocolClass } from "./listener-conflicts";
import { protocolSupported } from "./listener-validity";
import type { ListenerSetState } from "./listenerset-state";

/** Listeners earlier in precedence, by port: who holds each stream class and each `class|hostname`. */
type Claims = Map<number, { classes: Map<string, ListenerState>; hosts: Map<string, ListenerState> }>;

function hostKey(ls: ListenerState, cls: string): string {
  // TCP and UDP listeners are distinct by port only; HTTP, HTTPS and TLS by port and hostname.
  return `${cls}|${cls === "tcp" || cls === "udp" ? "" : (ls.view.hostname ?? "").toLowerCase()}`;
}

function claim(claims: Claims, ls: ListenerState): void {
  if (!protocolSupported(ls.view.protocol)) return;
  let c = claims.get(ls.view.port);
  if (!c) claims.set(ls.view.port, (c = { classes: new Map(), hosts: new Map() }));
  const cls = protocolClass(ls.view.protocol);
  if (!c.classes.has(cls)) c.classes.set(cls, ls);
  const key = hostKey(ls, cls);
  if (!c.hosts.has(key)) c.hosts.set(key, ls);
}

function describe(ls: ListenerState): string {
  return `listener ${ls.view.name} (${ls.view.protocol}) of ${ls.origin.kind} ${ls.origin.namespace}/${ls.origin.name}`;
}

/** The conflict of `ls` with a listener earlier in precedence, or null when it is distinct from all of them. */
function againstEarlier(claims: Claims, ls: ListenerState): Conflict | null {
  if (!protocolSupported(ls.view.protocol)) return null;
  const port = ls.view.port;
  const c = claims.get(port);
  if (!c) return null;
  const cls = protocolClass(ls.view.protocol);
  if (cls !== "udp") {
    // Same port over TCP: HTTP, TLS-based and raw TCP listeners cannot share it.
    for (const [other, holder] of c.classes) {
      if (other !== "udp" && other !== cls) return { listener: ls, reason: "ProtocolConflict", message: `port ${port} is already used with an incompatible protocol by ${describe(holder)}, which takes precedence` };
    }
  }
  const holder = c.hosts.get(hostKey(ls, cls));
  if (!holder) return null;
  const host = ls.view.hostname;
  const what = cls === "tcp" || cls === "udp" ? `port ${port} is` : `port ${port} and ${host ? `hostname ${host}` : "no hostname"} are`;
  return { listener: ls, reason: "HostnameConflict", message: `${what} already used by ${describe(holder)}, which takes precedence` };
}

/**
 * The conflicts of the attached ListenerSets of one Gateway (`sets` in precedence order); the
 * Gateway's own listeners are never in the result (their conflicts among themselves are
 * listener-conflicts.ts's).
 */
export function listenerSetConflicts(gw: GatewayState, sets: readonly ListenerSetState[]): Conflict[] {
  const claims: Claims = new Map();
  // The Gateway's own listeners come first; those conflicted among themselves take nothing either.
  for (const ls of gw.listeners) if (!ls.view.conflicted) claim(claims, ls);
  const out: Conflict[] = [];
  for (const set of sets) {
    let survivors: ListenerState[] | null = null;
    for (let i = 0; i < set.listeners.length; i++) {
      const ls = set.listeners[i];
      const c = againstEarlier(claims, ls);
      if (c) {
        out.push(c);
        survivors ??= set.listeners.slice(0, i);
      } else if (survivors) survivors.push(ls);
    }
    const inner = findConflicts(survivors ?? set.listeners);
    for (const c of inner) out.push(c);
    // The winners take their place for the sets after this one; a listener that lost takes nothing
    // (it is not programmed: a later listener like it is the first one the data plane can serve).
    const lost = inner.length > 0 ? new Set(inner.map((c) => c.listener)) : null;
    for (const ls of survivors ?? set.listeners) if (!lost?.has(ls)) claim(claims, ls);
  }
  return out;
}
