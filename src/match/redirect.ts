/**
 * The Location of a RequestRedirect filter (HTTPRequestRedirectFilter) and URL rewrites of paths.
 */
import type { Redirect } from "../model/outcome";
import { replacePrefix } from "./path";
import type { Candidate } from "./precedence";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** The request as the redirect sees it. */
export interface RedirectInput {
  /** "http" or "https": the listener's protocol. */
  scheme: string;
  /** Hostname of the request's Host header (no port), or the Gateway's address. */
  hostname: string;
  /** The listener's port (the port the request came in on). */
  listenerPort: number;
  path: string;
  rawQuery: string;
}

/** The well-known port of a scheme (HTTPRequestRedirectFilter.port: "http" to 80, "https" to 443). */
function wellKnownPort(scheme: string): number | null {
  return scheme === "http" ? 80 : scheme === "https" ? 443 : null;
}

/**
 * The path after an HTTPPathModifier (URLRewrite.path or RequestRedirect.path), or an error when
 * the modifier cannot apply. ReplacePrefixMatch: "is only compatible with a `PathPrefix`
 * HTTPRouteMatch".
 */
export function modifyPath(path: string, mod: Raw, c: Candidate): { path: string; error?: string } {
  if (!mod || typeof mod !== "object") return { path };
  if (mod.type === "ReplaceFullPath") {
    // HTTPPathModifier.replaceFullPath: "the value with which to replace the full path".
    return { path: typeof mod.replaceFullPath === "string" ? mod.replaceFullPath : path };
  }
  if (mod.type === "ReplacePrefixMatch") {
    if (c.match.path.kind !== "PathPrefix") {
      return { path, error: `ReplacePrefixMatch needs a PathPrefix match, the matched path is ${c.match.path.kind}` };
    }
    const rep = typeof mod.replacePrefixMatch === "string" ? mod.replacePrefixMatch : "/";
    return { path: replacePrefix(path, c.match.path.value, rep) };
  }
  return { path, error: `unsupported path modifier type ${JSON.stringify(mod.type)}` };
}

/**
 * Builds the redirect answer. HTTPRequestRedirectFilter:
 * - scheme: "When empty, the scheme of the request is used."
 * - hostname: "When empty, the hostname in the `Host` header of the request is used."
 * - port: "If redirect scheme is not-empty, the redirect port MUST be the well-known port associated
 *   with the redirect scheme [...] If the redirect scheme does not have a well-known port, the
 *   listener port of the Gateway SHOULD be used. If redirect scheme is empty, the redirect port
 *   MUST be the Gateway Listener port." and "Implementations SHOULD NOT add the port number in the
 *   'Location' header" for http on 80 and https on 443.
 * - statusCode: default 302 (the API's default).
 * The query string is kept, as proxies do by default.
 */
export function buildRedirect(f: Raw, input: RedirectInput, c: Candidate): { redirect: Redirect; error?: string } {
  const r = f && typeof f === "object" ? f : {};
  const scheme = typeof r.scheme === "string" && r.scheme !== "" ? r.scheme.toLowerCase() : input.scheme;
  const hostname = typeof r.hostname === "string" && r.hostname !== "" ? r.hostname : input.hostname;
  let port: number;
  if (typeof r.port === "number") port = r.port;
  else if (typeof r.scheme === "string" && r.scheme !== "") port = wellKnownPort(scheme) ?? input.listenerPort;
  else port = input.listenerPort;
  const showPort = port !== wellKnownPort(scheme);
  const mod = modifyPath(input.path, r.path, c);
  const query = input.rawQuery ? `?${input.rawQuery}` : "";
  const location = `${scheme}://${hostname}${showPort ? `:${port}` : ""}${mod.path}${query}`;
  const statusCode = typeof r.statusCode === "number" ? r.statusCode : 302;
  return mod.error ? { redirect: { statusCode, location }, error: mod.error } : { redirect: { statusCode, location } };
}
