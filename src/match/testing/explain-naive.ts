/**
 * Reference implementation of the losers trace (the original, route-by-route one), for tests: the
 * indexed explainer (explain.ts) must say the same about every candidate. The trace of the losers: routes whose hostnames did not match, matches that failed (and on which
 * field), and matches that held but lost on precedence (and on which criterion). Runs only with
 * tracing on, after the index has picked the winner.
 */
import type { ListenerIndex } from "../compile";
import type { Winner } from "../lookup";
import type { NormalizedRequest } from "../normalize";
import { compareCandidates, precedenceReason, type Candidate } from "../precedence";
import { explainMismatch, describeMatch } from "../predicates";
import { hostnameMatches, routeHostRank } from "../hostname";
import { listenerRef, type Trace } from "../trace";

/** At most this many candidate steps; large configurations would otherwise drown the trace. */
const MAX_CANDIDATE_STEPS = 200;
/** At most this many "hostnames do not match" steps (the rest are counted in one step). */
const MAX_HOSTNAME_STEPS = 20;

/**
 * The route hostname of `hostnames` that matches `host` most specifically (null entry = any),
 * or undefined when none matches.
 */
export function bestHostname(hostnames: (string | null)[], host: string): string | null | undefined {
  let best: string | null | undefined;
  for (const h of hostnames) {
    if (h === null) {
      if (best === undefined) best = null;
    } else if (host !== "" && hostnameMatches(h, host) && (best === undefined || routeHostRank(h) > routeHostRank(best))) {
      best = h;
    }
  }
  return best;
}

/** Adds the losing routes, rules and matches of the listener to the trace. */
export function explainLosersNaive(li: ListenerIndex, req: NormalizedRequest, winner: Winner | null, t: Trace): void {
  const shownHost = req.host === "" ? "the Gateway's address" : JSON.stringify(req.host);
  let otherHosts = 0;
  // The candidates of routes whose hostnames match, with the hostname each matched by.
  const live: { c: Candidate; host: string | null }[] = [];
  for (const r of li.routes) {
    if (r.attachment.route.kind !== "HTTPRoute") {
      t.add("candidate", `${r.ref} is attached but ${r.attachment.route.kind} matching is not simulated for this request`, [r.ref]);
      continue;
    }
    const best = bestHostname(r.hosts, req.host);
    if (best !== undefined) {
      for (const c of r.candidates) live.push({ c, host: best });
    } else if (++otherHosts <= MAX_HOSTNAME_STEPS) {
      t.add("hostname", `${r.ref}: its hostnames (${r.hosts.join(", ")}) do not match ${shownHost}`, [r.ref]);
    }
  }
  if (otherHosts > MAX_HOSTNAME_STEPS) t.add("hostname", `${otherHosts - MAX_HOSTNAME_STEPS} more routes on this listener serve other hostnames`, [listenerRef(li.id)]);
  live.sort((a, b) => routeHostRank(b.host) - routeHostRank(a.host) || compareCandidates(a.c, b.c));
  let shown = 0;
  let hidden = 0;
  const w = winner?.candidate ?? null;
  const wRank = winner ? routeHostRank(winner.hostname) : 0;
  for (const { c, host } of live) {
    if (c === w) continue;
    const why = explainMismatch(c.match, req);
    let step: string;
    let detail: string;
    if (why !== null) {
      step = "candidate";
      detail = `${label(c)} does not match: ${why}`;
    } else if (w) {
      step = "precedence";
      const rank = routeHostRank(host);
      const reason = rank !== wRank
        ? `more specific hostname (${winner!.hostname} beats ${host ?? "any hostname"})`
        : precedenceReason(w, c);
      detail = `${label(c)} also matches but loses to ${label(w)}: ${reason}`;
    } else {
      // A match held but nothing won: cannot happen with a consistent index; say so rather than hide it.
      step = "candidate";
      detail = `${label(c)} matches but was not selected`;
    }
    if (shown < MAX_CANDIDATE_STEPS) {
      t.add(step, detail, [c.routeRef]);
      shown++;
    } else hidden++;
  }
  if (hidden > 0) t.add("candidate", `${hidden} more candidate matches on this listener are not listed`, [listenerRef(li.id)]);
}

function label(c: Candidate): string {
  const m = c.match.index < 0 ? "default match" : `match ${c.match.index}`;
  return `${c.routeRef} rule ${c.ruleIndex} ${m} (${describeMatch(c.match)})`;
}
