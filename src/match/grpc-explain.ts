/**
 * The trace of the GRPCRoute losers: matches that failed (on the service, the method or a header),
 * matches that held but lost on precedence (and on which criterion), and the GRPCRoutes of the
 * listener that serve other hostnames. Runs only with tracing on.
 */
import type { KindConflicts } from "./grpc-kinds";
import { bucketsFor, readyBucket, type GrpcListenerIndex, type GrpcWinner } from "./grpc-index";
import { explainMethodMismatch, type GrpcCall, type GrpcCandidate } from "./grpc-candidates";
import { grpcPrecedenceReason } from "./grpc-precedence";
import type { NormalizedRequest } from "./normalize";
import { explainMismatch, type CompiledPath } from "./predicates";
import { bestHostname, MAX_CANDIDATE_STEPS, MAX_HOSTNAME_STEPS } from "./explain";
import { routeHostRank } from "./hostname";
import type { Trace } from "./trace";

/** A path part every path satisfies: header mismatches are explained without the path standing in for the method. */
const ANY_PATH: CompiledPath = { kind: "PathPrefix", value: "/", norm: "/", rx: null };

/** Adds the losing GRPCRoute rules and matches of the listener to the trace. */
export function explainGrpc(g: GrpcListenerIndex, k: KindConflicts, req: NormalizedRequest, call: GrpcCall, winner: GrpcWinner | null, t: Trace): void {
  const listed = new Set<string>();
  let shown = 0;
  let hidden = 0;
  bucketsFor(g, req.host, (b, hostname) => {
    const added: string[] = [];
    for (const c of readyBucket(b).all) {
      if (listed.has(c.routeRef)) continue;
      if (!added.includes(c.routeRef)) added.push(c.routeRef);
      if (winner && c === winner.candidate) continue;
      if (shown >= MAX_CANDIDATE_STEPS) {
        hidden++;
        continue;
      }
      shown++;
      const why = mismatch(c, req, call);
      if (why !== null) t.add("candidate", `${label(c)} does not match: ${why}`, [c.routeRef]);
      else if (winner) {
        const w = winner.candidate;
        const reason = routeHostRank(hostname) !== routeHostRank(winner.hostname) ? `more specific hostname (${winner.hostname} beats ${hostname ?? "any hostname"})` : grpcPrecedenceReason(w, c);
        t.add("precedence", `${label(c)} also matches but loses to ${label(w)}: ${reason}`, [c.routeRef]);
      } else t.add("candidate", `${label(c)} matches but was not selected`, [c.routeRef]);
    }
    for (const r of added) listed.add(r);
    return false;
  });
  if (hidden > 0) t.add("candidate", `${hidden} more GRPCRoute matches on this listener are not listed`, []);
  // GRPCRoutes whose hostnames do not match: every route is in a visited bucket (listed), in no
  // bucket (unindexed), or serves other hostnames; the first few of those are named.
  const host = req.host;
  const serves = (r: (typeof g.routes)[number]) => bestHostname(r.hosts, host) !== undefined;
  let unlisted = 0;
  for (const r of g.unindexed) if (serves(r)) unlisted++;
  const others = g.routes.length - listed.size - unlisted;
  if (others <= 0) return;
  const shownHost = host === "" ? "the Gateway's address" : JSON.stringify(host);
  let named = 0;
  for (const r of g.routes) {
    if (named >= MAX_HOSTNAME_STEPS) break;
    if (listed.has(r.ref) || k.rejected.has(r.ref) || serves(r)) continue;
    named++;
    t.add("hostname", `${r.ref}: its hostnames (${r.hosts.join(", ")}) do not match ${shownHost}`, [r.ref]);
  }
  if (others > named) t.add("hostname", `${others - named} more GRPCRoutes on this listener serve other hostnames`, []);
}

/** Why a candidate does not take the call, or null when it matches. */
function mismatch(c: GrpcCandidate, req: NormalizedRequest, call: GrpcCall): string | null {
  if (c.match.invalid !== null) return c.match.invalid;
  return explainMethodMismatch(c.grpc, call) ?? explainMismatch({ ...c.match, path: ANY_PATH }, req);
}

/** `GRPCRoute/ns/name rule 0 match 1 (service …, method …)`, made once per candidate. */
function label(c: GrpcCandidate): string {
  if (c.label === undefined) c.label = `${c.routeRef} rule ${c.ruleIndex} ${c.match.index < 0 ? "default match" : `match ${c.match.index}`} (${c.describe})`;
  return c.label;
}
