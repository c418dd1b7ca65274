/**
 * Who may talk to the server. A browser page on another site can make the victim's browser send
 * requests here, and DNS rebinding can even make such a page look same-origin under a hostile name.
 * So: the Host header must be one of our own (`localhost`, an IP literal — rebinding needs a DNS
 * name — or the exact --host value) with our port; an Origin header, when present, must be our own
 * origin; API calls must not be cross-site (Sec-Fetch-Site) and must carry the token.
 */
import { isIP } from "node:net";
import { tokenMatches } from "./token";

export interface GuardConfig {
  /** The --host value the server listens on. */
  host: string;
  /** The port actually bound. */
  port: number;
}

/** Split `host[:port]`, with IPv6 literals in brackets. */
function splitHost(value: string): { name: string; port: string } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  return m ? { name: m[1].toLowerCase(), port: m[2] ?? "" } : null;
}

/** Whether a Host header (or an Origin's host) names this server. */
export function hostAllowed(value: string | undefined, cfg: GuardConfig): boolean {
  if (!value) return false;
  const h = splitHost(value.trim());
  if (!h || h.port !== String(cfg.port)) return false;
  const bare = h.name.replace(/^\[|\]$/g, "");
  const own = cfg.host.toLowerCase().replace(/^\[|\]$/g, "");
  return bare === "localhost" || isIP(bare) !== 0 || bare === own;
}

/** Whether an Origin header is acceptable: absent, or exactly `http://` + an allowed host. */
export function originAllowed(origin: string | undefined, cfg: GuardConfig): boolean {
  if (origin === undefined) return true;
  const m = /^http:\/\/([^/?#]+)$/.exec(origin.trim());
  return m !== null && hostAllowed(m[1], cfg);
}

/** Sec-Fetch-Site, when the browser sends it: API calls come from our own pages only. */
export function fetchSiteAllowed(site: string | undefined): boolean {
  return site === undefined || site === "same-origin" || site === "none";
}

/** The token of an API request: `Authorization: Bearer …`, or `?token=` where the route allows it. */
export function requestToken(authorization: string | undefined, query: URLSearchParams, allowQuery: boolean): string | undefined {
  const m = authorization ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization.trim()) : null;
  if (m) return m[1];
  return allowQuery ? (query.get("token") ?? undefined) : undefined;
}

/** Whether the request carries the launch token. */
export function authorized(authorization: string | undefined, query: URLSearchParams, allowQuery: boolean, token: string): boolean {
  return tokenMatches(requestToken(authorization, query, allowQuery), token);
}
