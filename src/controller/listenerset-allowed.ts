/**
 * Gateway.spec.allowedListeners: "AllowedListeners defines which ListenerSets can be attached to this
 * Gateway. The default value is to allow no ListenerSets." ListenerNamespaces.from: "Same: Only
 * ListenerSets in the same namespace may be attached to this Gateway. Selector: ListenerSets in
 * namespaces selected by the selector may be attached to this Gateway. All: ListenerSets in all
 * namespaces may be attached to this Gateway. None: Only listeners defined in the Gateway's spec are
 * allowed. The default value None". Selectors are label selectors over Namespace labels (plus
 * `kubernetes.io/metadata.name`), as for allowedRoutes.
 */
import type { Resource } from "../model/resource";
import { type Ctx, isRecord, str } from "./context";
import { selectorMatches } from "./allowed-routes";

/** Why the Gateway does not take ListenerSets from `lsNamespace` (reason NotAllowed), or null when it does. */
export function allowedListenersRefusal(ctx: Ctx, gw: Resource, lsNamespace: string): string | null {
  const allowed = gw.spec?.allowedListeners;
  const ns = isRecord(allowed) ? allowed.namespaces : undefined;
  const written = str(isRecord(ns) ? ns.from : undefined);
  const from = written || "None";
  const who = `Gateway ${gw.namespace}/${gw.name}`;
  switch (from) {
    case "All":
      return null;
    case "Same":
      return lsNamespace === gw.namespace ? null : `${who} only allows ListenerSets from its own namespace ${gw.namespace} (allowedListeners.namespaces.from: Same)`;
    case "Selector": {
      const selector = isRecord(ns) ? ns.selector : undefined;
      if (!isRecord(selector)) return `${who} uses allowedListeners.namespaces.from: Selector without a selector`;
      const labels = ctx.namespaceLabels(lsNamespace, `to evaluate the allowedListeners selector of ${who}`);
      return selectorMatches(selector, labels) ? null : `namespace ${lsNamespace} does not match the allowedListeners selector of ${who}`;
    }
    case "None":
      return written ? `${who} allows no ListenerSets (allowedListeners.namespaces.from: None)` : `${who} allows no ListenerSets (allowedListeners is not set; the default is None)`;
    default:
      return `${who} has an unknown allowedListeners.namespaces.from value ${from}`;
  }
}
