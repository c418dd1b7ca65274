/**
 * Rule: ListenerSets. Builds every ListenerSet's state (listenerset-state.ts), validates its listeners
 * as a Gateway's are validated (protocol, route kinds, TLS, certificateRefs — the ListenerSet is the
 * referrer of its certificates: "ReferenceGrants applied to a Gateway are not inherited by child
 * ListenerSets", ListenerSet CRD "ReferenceGrant Semantics" —, and the Gateway's client certificate
 * validation, GatewayTLSConfig "for entire gateway"), applies the conflicts of the merged
 * listener list (listenerset-conflicts.ts) and merges the listeners into their Gateway's view, after
 * the Gateway's own, in precedence order. Runs after the Gateways' own listener rules and before
 * routes attach (a route attaches to ListenerSet listeners through a parentRef of kind ListenerSet).
 */
import type { Ctx, GatewayState } from "./context";
import { checkListener } from "./listener-validity";
import { checkCertificateRefs } from "./certificate-refs";
import { checkListenerValidation } from "./frontend-validation";
import { applyConflicts } from "./listener-conflicts";
import { listenerSetConflicts } from "./listenerset-conflicts";
import { type ListenerSetState, byPrecedence, isListenerSetKind, listenerSetState } from "./listenerset-state";

export function runListenerSets(ctx: Ctx): void {
  const byGateway = new Map<GatewayState, ListenerSetState[]>();
  const env = ctx.envResources;
  for (let i = 0; i < env.length; i++) {
    const r = env[i];
    if (!r.known || !isListenerSetKind(r.group, r.kind)) continue;
    const set = listenerSetState(ctx, r);
    ctx.listenerSets.push(set);
    ctx.listenerSetByKey.set(set.key, set);
    for (const ls of set.listeners) {
      checkListener(ctx, ls);
      checkCertificateRefs(ctx, ls);
      // The Gateway's client certificate validation (spec.tls.frontend) covers the listeners it takes.
      if (!set.refusal) checkListenerValidation(ctx, ls);
    }
    if (!set.gw) continue;
    const list = byGateway.get(set.gw);
    if (list) list.push(set);
    else byGateway.set(set.gw, [set]);
  }
  for (const [gw, sets] of byGateway) {
    sets.sort(byPrecedence);
    applyConflicts(ctx, listenerSetConflicts(gw, sets.filter((s) => s.refusal === null)));
    // Listeners of sets the Gateway does not take are shown too (not Accepted: the matcher skips them).
    for (const set of sets) for (const ls of set.listeners) gw.view.listeners.push(ls.view);
  }
}
