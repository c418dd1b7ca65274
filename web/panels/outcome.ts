/**
 * Reading an Outcome for people and for the canvas: a one-line destination, whether a sample's
 * destination changed since the previous edit, and the graph nodes the request passes through.
 */
import type { Outcome } from "../../src/model/outcome";
import type { SimRequest } from "../../src/model/request";

/** Where a request ends up, in one line: `200 → ns/svc`, `200 → a 90% · b 10%`, `301 → https://…`, `404`. */
export function destination(o: Outcome | null): string {
  if (!o) return "—";
  if (o.connectionError) return `no response: ${o.connectionError}`;
  if (o.redirect) return `${o.redirect.statusCode} → ${o.redirect.location}`;
  const live = o.backends.filter((b) => b.probability > 0);
  if (o.backend) return `${o.statusCode} → ${o.backend}`;
  if (live.length > 1) return `${o.statusCode} → ${live.map((b) => `${b.namespace}/${b.name} ${pct(b.probability)}`).join(" · ")}`;
  return String(o.statusCode);
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
 * so backends and mirrors come from the outcome's own fields instead.
 */
const WINNER_STEPS = new Set(["gateway", "rule", "filter", "redirect", "mesh"]);

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
