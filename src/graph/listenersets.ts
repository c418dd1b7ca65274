/**
 * ListenerSets in the graph. A ListenerSet is a node of its own (rank of a Gateway), joined to its
 * parent Gateway by the `listenerSet` relation (ListenerSetSpec.parentRef); the listeners it adds
 * come with the Gateway's view (GatewayView.listeners, `origin` = the set) and are drawn as its ports
 * (layoutTypes.ts: "Listeners are ports of the object that declares them (a Gateway, or a
 * ListenerSet)"). Both graph builders (index.ts and testing/reference.ts) use these helpers.
 */
import type { ListenerView, Model } from "../model/model";

/** Whether a listener was declared by a ListenerSet (its origin is not the Gateway itself). */
export function isSetListener(l: ListenerView, gatewayKey: string): boolean {
  return l.origin !== gatewayKey;
}

/** `ListenerSet/ns/name/listener`: how a parentRef of kind ListenerSet with a sectionName names a listener. */
export function setListenerKey(origin: string, name: string): string {
  return `${origin}/${name}`;
}

/**
 * Node id of the listener a parentRef names by sectionName, for a parentRef that attached nowhere:
 * `to` is the parent's key (`Gateway/ns/name` or `ListenerSet/ns/name`).
 */
export function namedListener(to: string, section: string, listenerNode: Map<string, string>): string | undefined {
  if (to.startsWith("Gateway/")) return listenerNode.get(`${to.slice(8)}/${section}`);
  if (to.startsWith("ListenerSet/") || to.startsWith("XListenerSet/")) return listenerNode.get(setListenerKey(to, section));
  return undefined;
}

/** Facts a ListenerSet node shows: its Gateway, how many listeners it adds, its Accepted and Programmed conditions. */
export function listenerSetData(model: Model, key: string, gatewayKey: string, listeners: number): Record<string, unknown> {
  const conds = model.status.get(key)?.conditions ?? [];
  const is = (type: string) => conds.some((c) => c.type === type && c.status === "True");
  return { gateway: gatewayKey, listeners, accepted: is("Accepted"), programmed: is("Programmed") };
}

/** How many of a Gateway view's listeners its ListenerSets added. */
export function setListeners(listeners: readonly ListenerView[], gatewayKey: string): number {
  let n = 0;
  for (let i = 0; i < listeners.length; i++) if (listeners[i].origin !== gatewayKey) n++;
  return n;
}
