/**
 * User regular expressions (RegularExpression path, header and query matches) with RE2 semantics.
 * HTTPPathMatch.type: "Support: Implementation-specific (RegularExpression)"; HTTPHeaderMatch.type:
 * "implementations can support POSIX, PCRE or any other dialects". Switchyard uses RE2 (the dialect
 * of Envoy's safe_regex, used by most Gateway API implementations) through re2js: linear time, so a
 * hostile pattern cannot hang the simulator. A pattern must match the whole value, as Envoy's
 * safe_regex does.
 */
import { RE2JS } from "re2js";

/** A compiled pattern, or why it failed to compile (the match then fails, and the trace says why). */
export interface CompiledRegex {
  pattern: string;
  re: RE2JS | null;
  error: string | null;
}

const cache = new Map<string, CompiledRegex>();
/** Bound on cached patterns: configurations are edited live, so stale patterns must not pile up. */
const MAX_CACHED = 10_000;

/** Compiles (once per pattern) a RE2 expression; never throws. */
export function compileRegex(pattern: string): CompiledRegex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let out: CompiledRegex;
  try {
    out = { pattern, re: RE2JS.compile(pattern), error: null };
  } catch (e) {
    out = { pattern, re: null, error: e instanceof Error ? e.message : String(e) };
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pattern, out);
  return out;
}

/** Whether the whole of `value` matches; an invalid pattern matches nothing. */
export function fullMatch(rx: CompiledRegex, value: string): boolean {
  if (!rx.re) return false;
  try {
    return rx.re.matches(value);
  } catch {
    return false;
  }
}
