/** Path matching and path rewriting helpers (HTTPPathMatch, HTTPPathModifier). */

/**
 * The prefix a PathPrefix value stands for, without its trailing "/" ("/" stays "/").
 * HTTPPathModifier.replacePrefixMatch (and PathMatchType PathPrefix): "This matches full path
 * elements. [...] When specified, a trailing `/` is ignored."
 */
export function normalizePrefix(value: string): string {
  let v = value;
  while (v.length > 1 && v.charCodeAt(v.length - 1) === 47 /* / */) v = v.slice(0, -1);
  return v === "" ? "/" : v;
}

/**
 * Whether `path` matches the (normalized) prefix element by element.
 * PathMatchType PathPrefix: "the paths `/abc`, `/abc/`, and `/abc/def` would all match the prefix
 * `/abc`, but the path `/abcd` would not." Matching is case-sensitive.
 */
export function prefixMatches(norm: string, path: string): boolean {
  if (norm === "/") return true;
  if (!path.startsWith(norm)) return false;
  return path.length === norm.length || path.charCodeAt(norm.length) === 47;
}

/**
 * The path after ReplacePrefixMatch. HTTPPathModifier.replacePrefixMatch: "a request to "/foo/bar"
 * with a prefix match of "/foo" and a ReplacePrefixMatch of "/xyz" would be modified to "/xyz/bar"";
 * the API's table: /foo/ + prefix /foo + "/xyz" → /xyz/; /foo/bar + "" → /bar; /foo + "" or "/" → /.
 * Trailing slashes of the prefix and of the replacement are ignored.
 */
export function replacePrefix(path: string, prefixValue: string, replacement: string): string {
  const norm = normalizePrefix(prefixValue);
  const rest = norm === "/" ? path : prefixMatches(norm, path) ? path.slice(norm.length) : path;
  let rep = replacement;
  while (rep.length > 0 && rep.charCodeAt(rep.length - 1) === 47) rep = rep.slice(0, -1);
  let out = rep + rest;
  if (out === "") out = "/";
  else if (out.charCodeAt(0) !== 47) out = "/" + out;
  return out;
}
