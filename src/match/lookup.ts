/**
 * The fast path: the winning candidate of a listener for a request, using the prebuilt index.
 * Hostname buckets are visited from the most specific (HTTPRoute.spec.hostnames: "precedence must
 * be given to rules from the HTTPRoute with the largest number of: Characters in a matching
 * non-wildcard hostname. Characters in a matching hostname."), and inside a bucket path groups in
 * precedence order (Exact, RegularExpression, PathPrefix longest first — see precedence.ts). Every
 * list is pre-sorted, so the first candidate that matches wins.
 */
import { pathIndexOf, type ListenerIndex, type PathIndex } from "./compile";
import type { NormalizedRequest } from "./normalize";
import type { Candidate } from "./precedence";
import { matchesRequest } from "./predicates";

/** The winner and the hostname bucket it came from (null = the listener's any-host bucket). */
export interface Winner {
  candidate: Candidate;
  /** The route hostname that matched: exact name, `*.suffix`, or null for "any". */
  hostname: string | null;
}

/** The winning candidate among a listener's routes, or null (→ 404). */
export function findWinner(li: ListenerIndex, req: NormalizedRequest): Winner | null {
  const b = li.http;
  const host = req.host;
  if (host !== "") {
    if (b.exact.size > 0) {
      const bk = b.exact.get(host);
      if (bk) {
        const c = searchPath(bk.index ?? pathIndexOf(bk), req);
        if (c) return { candidate: c, hostname: host };
      }
    }
    if (b.wildcard.size > 0) {
      // Longest suffix first: "*.b.example.com" before "*.example.com" (more characters).
      for (let i = host.indexOf("."); i > 0 && i < host.length - 1; i = host.indexOf(".", i + 1)) {
        const suffix = host.slice(i);
        const bk = b.wildcard.get(suffix);
        if (bk) {
          const c = searchPath(bk.index ?? pathIndexOf(bk), req);
          if (c) return { candidate: c, hostname: "*" + suffix };
        }
      }
    }
  }
  if (b.any) {
    const c = searchPath(b.any.index ?? pathIndexOf(b.any), req);
    if (c) return { candidate: c, hostname: null };
  }
  return null;
}

/** The first candidate of a bucket that matches, in precedence order. */
export function searchPath(pi: PathIndex, req: NormalizedRequest): Candidate | null {
  const path = req.path;
  if (pi.exact.size > 0) {
    const list = pi.exact.get(path);
    if (list) {
      for (let i = 0; i < list.length; i++) if (matchesRequest(list[i].match, req, true)) return list[i];
    }
  }
  const rx = pi.regex;
  for (let i = 0; i < rx.length; i++) if (matchesRequest(rx[i].match, req)) return rx[i];
  if (pi.prefix.size === 0) return null;
  // The prefix keys that can match this path, longest first (see path.ts forEachPrefixKey).
  const lens = pi.prefixLen;
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  for (;;) {
    if (end <= 1) return firstMatch(pi.prefix.get("/"), req);
    if (end < lens.length && lens[end] === 1) {
      const c = firstMatch(pi.prefix.get(end === path.length ? path : path.slice(0, end)), req);
      if (c) return c;
    }
    end = path.lastIndexOf("/", end - 1);
    while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  }
}

function firstMatch(list: Candidate[] | undefined, req: NormalizedRequest): Candidate | null {
  if (!list) return null;
  for (let i = 0; i < list.length; i++) if (matchesRequest(list[i].match, req, true)) return list[i];
  return null;
}
