/**
 * Listener.allowedRoutes: which namespaces and kinds of routes may attach.
 * RouteNamespaces.from: "All: Routes in all namespaces may be used by this Gateway. Selector: Routes in
 * namespaces selected by the selector may be used by this Gateway. Same: Only Routes in the same
 * namespace may be used by this Gateway." (default Same). Selectors are Kubernetes label selectors,
 * evaluated against Namespace labels plus `kubernetes.io/metadata.name`, which Kubernetes adds.
 */
import type { Resource } from "../model/resource";
import { type Ctx, type ListenerState, arr, isRecord, str } from "./context";
import { kindKey } from "./listener-validity";

/**
 * Kubernetes LabelSelector semantics: matchLabels and matchExpressions are ANDed; an empty selector
 * matches everything; operators In, NotIn, Exists, DoesNotExist. An unknown operator matches nothing.
 */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) return false;
  const sel = selector as Record<string, unknown>;
  if (isRecord(sel.matchLabels)) {
    for (const [k, v] of Object.entries(sel.matchLabels)) if (labels[k] !== String(v)) return false;
  }
  for (const e of arr(sel.matchExpressions)) {
    if (!isRecord(e)) return false;
    const expr = e as Record<string, unknown>;
    const key = str(expr.key);
    const values = arr(expr.values).map(String);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (expr.operator) {
      case "In":
        if (!has || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Why a route may not attach to a listener, or null when allowed. */
export function notAllowedReason(ctx: Ctx, ls: ListenerState, route: Resource, routeKindKey = kindKey(route.group, route.kind)): string | null {
  if (!ls.kinds.has(routeKindKey)) {
    return ls.kinds.size === 0 ? `listener ${ls.view.name} admits no route kinds` : `listener ${ls.view.name} does not admit ${route.kind} (allows ${[...ls.kinds].map((k) => k.slice(k.indexOf("/") + 1)).join(", ")})`;
  }
  // The namespace decision is the same for every route of a namespace: compute it once.
  const cached = ls.nsDecisions.get(route.namespace);
  if (cached !== undefined) {
    // A selector decision about a namespace not in the input rests on an assumption: state it for
    // every route it decides, so a route computed alone (ControllerCache) records it too (deduplicated).
    if (selectorOf(ls) && !ctx.namespaces.has(route.namespace)) ctx.namespaceLabels(route.namespace, selectorWhy(ls));
    return cached;
  }
  const why = namespaceRefusal(ctx, ls, route.namespace);
  ls.nsDecisions.set(route.namespace, why);
  return why;
}

/** Why routes from `routeNs` may not attach to the listener (allowedRoutes.namespaces), or null. */
export function namespaceRefusal(ctx: Ctx, ls: ListenerState, routeNs: string): string | null {
  const ns = ls.spec.allowedRoutes?.namespaces;
  const from = str(isRecord(ns) ? (ns as Record<string, unknown>).from : undefined) || "Same";
  const gwNs = ls.origin.namespace;
  switch (from) {
    case "All":
      return null;
    case "Same":
      return routeNs === gwNs ? null : `listener ${ls.view.name} only admits routes from namespace ${gwNs}`;
    case "Selector": {
      const selector = selectorOf(ls);
      if (!selector) return `listener ${ls.view.name} uses from: Selector without a selector`;
      const labels = ctx.namespaceLabels(routeNs, selectorWhy(ls));
      return selectorMatches(selector, labels) ? null : `namespace ${routeNs} does not match the namespace selector of listener ${ls.view.name}`;
    }
    default:
      return `listener ${ls.view.name} has an unknown allowedRoutes.namespaces.from value ${from}`;
  }
}

/** The label selector of a listener with `from: Selector`, else null. */
function selectorOf(ls: ListenerState): Record<string, unknown> | null {
  const ns = ls.spec.allowedRoutes?.namespaces;
  if (!isRecord(ns) || ns.from !== "Selector") return null;
  return isRecord(ns.selector) ? ns.selector : null;
}

function selectorWhy(ls: ListenerState): string {
  return `to evaluate the namespace selector of listener ${ls.view.id}`;
}
