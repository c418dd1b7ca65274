/**
 * One-line summaries of route rules (matches → filters) for node labels. Summaries are cached by the
 * rule's raw object: the parse cache keeps unchanged documents' objects, so an edit re-summarises
 * only the rules it touched.
 */

const cache = new WeakMap<object, string>();

/** At most this many matches are spelled out per rule; the rest are counted. */
const MAX_MATCHES = 2;

function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

function names(list: unknown): string[] {
  const out: string[] = [];
  if (Array.isArray(list)) for (const h of list) if (h && typeof h === "object") out.push(str((h as Record<string, unknown>).name));
  return out.filter(Boolean);
}

/**
 * One HTTPRouteMatch / GRPCRouteMatch as text. HTTPRouteMatch.path defaults to
 * `PathPrefix /` ("If no value is specified, ... a default of a prefix match on the '/' path").
 */
function matchText(m: Record<string, unknown>, grpc: boolean): string {
  const parts: string[] = [];
  if (grpc) {
    const meth = m.method as Record<string, unknown> | undefined;
    if (meth && typeof meth === "object") {
      const type = str(meth.type) || "Exact";
      const svc = str(meth.service) || "*";
      const name = str(meth.method) || "*";
      parts.push(`${type === "Exact" ? "" : type + " "}${svc}/${name}`);
    }
  } else {
    const path = m.path as Record<string, unknown> | undefined;
    const type = path && typeof path === "object" ? str(path.type) || "PathPrefix" : "PathPrefix";
    const value = path && typeof path === "object" ? str(path.value) || "/" : "/";
    parts.push(`${type} ${value}`);
    if (typeof m.method === "string") parts.push(m.method);
  }
  const headers = names(m.headers);
  if (headers.length) parts.push(`header ${headers.join(",")}`);
  const query = names(m.queryParams);
  if (query.length) parts.push(`query ${query.join(",")}`);
  return parts.join(" ");
}

/** The filter types of a rule (`RequestHeaderModifier`, `RequestMirror`…), in order, deduplicated. */
function filterText(filters: unknown): string {
  if (!Array.isArray(filters)) return "";
  const types: string[] = [];
  for (const f of filters) {
    const t = f && typeof f === "object" ? str((f as Record<string, unknown>).type) : "";
    if (t && !types.includes(t)) types.push(t);
  }
  return types.join(", ");
}

/**
 * A rule as `matches → filters`, e.g. `PathPrefix /api GET header x-canary → RequestHeaderModifier`.
 * A rule without matches reads `any` (the match-all default); TLS/TCP/UDP rules have no matches.
 */
export function ruleSummary(raw: unknown, kind: string): string {
  if (!raw || typeof raw !== "object") return "any";
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const rule = raw as Record<string, unknown>;
  const grpc = kind === "GRPCRoute";
  let text = "any";
  if (Array.isArray(rule.matches) && rule.matches.length > 0) {
    const ms = rule.matches.filter((m): m is Record<string, unknown> => !!m && typeof m === "object");
    text = ms.slice(0, MAX_MATCHES).map((m) => matchText(m, grpc)).join(" | ");
    if (ms.length > MAX_MATCHES) text += ` (+${ms.length - MAX_MATCHES})`;
  }
  const filters = filterText(rule.filters);
  if (filters) text += ` → ${filters}`;
  cache.set(raw, text);
  return text;
}
