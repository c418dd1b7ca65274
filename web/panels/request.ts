/**
 * The simulator form's text fields ⇄ the request object (the conformance request-case shape).
 * The URL field takes `scheme://host:port/path?query` (http, https, grpc, tls, tcp, udp) or the
 * same without a scheme; headers are lines `Name: value`. Parsing is by hand rather than with
 * `URL`, which would normalise the path (`/a/../b`, percent-encoding) that the matcher must see as sent.
 */
import { defaultPort, type Protocol, type RequestSpec, type SimRequest } from "../../src/model/request";

const SCHEMES: Record<string, Protocol> = { http: "HTTP", https: "HTTPS", grpc: "GRPC", tls: "TLS", tcp: "TCP", udp: "UDP" };
const SCHEME_OF: Record<Protocol, string> = { HTTP: "http", HTTPS: "https", GRPC: "grpc", TLS: "tls", TCP: "tcp", UDP: "udp" };

export interface ParsedTarget {
  spec: RequestSpec;
  error?: string;
}

/** Decode a query component the way servers do (`+` is a space); malformed escapes are kept as written. */
function decodeComponent(s: string): string {
  const plus = s.replace(/\+/g, " ");
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** `a=1&a=2&b` → `{ a: ["1", "2"], b: "" }` (a repeated name becomes a list, as in the conformance data). */
export function parseQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const part of raw.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? "" : decodeComponent(part.slice(eq + 1));
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function formatQuery(q: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(x)}`);
  return parts.join("&");
}

/** Parse the URL field; `protocol` is kept from `current` when the text has no scheme. */
export function parseTarget(text: string, current: Protocol = "HTTP"): ParsedTarget {
  let rest = text.trim();
  let protocol = current;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    const p = SCHEMES[m[1].toLowerCase()];
    if (!p) return { spec: { protocol }, error: `unknown scheme ${m[1]}: use http, https, grpc, tls, tcp or udp` };
    protocol = p;
    rest = rest.slice(m[0].length);
  }
  const hashAt = rest.indexOf("#");
  if (hashAt !== -1) rest = rest.slice(0, hashAt); // fragments never reach a server
  const authEnd = rest.search(/[/?]/);
  const authority = authEnd === -1 ? rest : rest.slice(0, authEnd);
  let pathAndQuery = authEnd === -1 ? "" : rest.slice(authEnd);
  let host = authority;
  let port: number | undefined;
  const pm = /^(\[[^\]]*\]|[^:]*):(\d*)$/.exec(authority);
  if (pm) {
    host = pm[1];
    if (pm[2]) {
      port = Number(pm[2]);
      if (!(port >= 1 && port <= 65535)) return { spec: { protocol, host }, error: `port ${pm[2]} is not between 1 and 65535` };
    }
  }
  if (!pathAndQuery.startsWith("/") && !pathAndQuery.startsWith("?")) pathAndQuery = "/" + pathAndQuery;
  const q = pathAndQuery.indexOf("?");
  const path = (q === -1 ? pathAndQuery : pathAndQuery.slice(0, q)) || "/";
  const spec: RequestSpec = { protocol, host, path };
  if (port !== undefined) spec.port = port;
  if (q !== -1) {
    spec.rawQuery = pathAndQuery.slice(q + 1);
    spec.query = parseQuery(spec.rawQuery);
  }
  if (protocol === "GRPC") {
    // A gRPC call is a POST to /package.Service/Method.
    const g = /^\/([^/]+)\/([^/]+)$/.exec(path);
    if (!g) return { spec, error: "a gRPC target is grpc://host/package.Service/Method" };
    spec.grpc = { service: g[1], method: g[2] };
  }
  return { spec };
}

/** The URL field's text for a request. */
export function formatTarget(spec: RequestSpec): string {
  const protocol = spec.protocol ?? "HTTP";
  const port = spec.port !== undefined && spec.port !== defaultPort(protocol) ? `:${spec.port}` : "";
  const path = protocol === "GRPC" && spec.grpc ? `/${spec.grpc.service ?? ""}/${spec.grpc.method ?? ""}` : spec.path ?? "/";
  const query = spec.rawQuery ?? (spec.query && Object.keys(spec.query).length ? formatQuery(spec.query) : "");
  return `${SCHEME_OF[protocol]}://${spec.host ?? ""}${port}${path}${query ? `?${query}` : ""}`;
}

export interface ParsedHeaders {
  headers: Record<string, string | string[]>;
  /** 1-based line numbers that are not `Name: value`. */
  badLines: number[];
}

/** Header lines `Name: value`; blank lines are skipped, a repeated name becomes a list. */
export function parseHeaders(text: string): ParsedHeaders {
  const headers: Record<string, string | string[]> = {};
  const badLines: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const colon = line.indexOf(":");
    const name = colon === -1 ? "" : line.slice(0, colon).trim();
    // RFC 9110 field names are tokens: no spaces or separators.
    if (!name || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      badLines.push(i + 1);
      return;
    }
    const value = line.slice(colon + 1).trim();
    const prev = headers[name];
    headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  });
  return { headers, badLines };
}

export function formatHeaders(headers: Record<string, string | string[]> | undefined): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(headers ?? {})) for (const x of Array.isArray(v) ? v : [v]) lines.push(`${k}: ${x}`);
  return lines.join("\n");
}

/** A request from the form's fields. */
export function buildRequest(gateway: string, target: ParsedTarget, method: string, headers: ParsedHeaders): SimRequest {
  const spec: RequestSpec = { ...target.spec, method: method || "GET", headers: headers.headers };
  return { gateway, request: spec };
}

/**
 * The request the URL field describes, sent to the same target (gateway or mesh Service) as
 * `current`. A gRPC call carries no method (it is always a POST); a `tls://`, `tcp://` or `udp://`
 * URL becomes a connection request (host as SNI for TLS; TCP and UDP carry no hostname).
 */
export function withTarget(current: SimRequest, target: ParsedTarget, method: string, headers: ParsedHeaders): SimRequest {
  const t = target.spec;
  let spec: RequestSpec;
  if (t.protocol === "TLS") spec = { protocol: "TLS", host: t.host ?? "", sni: t.host ?? "", port: t.port ?? defaultPort("TLS") };
  else if (t.protocol === "TCP" || t.protocol === "UDP") spec = t.port === undefined ? { protocol: t.protocol, host: "" } : { protocol: t.protocol, host: "", port: t.port };
  else if (t.protocol === "GRPC") spec = { ...t, headers: headers.headers };
  else spec = { ...t, method: method || "GET", headers: headers.headers };
  return { ...current, request: spec };
}

/** One line naming a request, for sample lists: `GET shop.example.com/cart`, `TCP :5432`, `mesh qa → ns/svc:80 GET /`. */
export function describeRequest(r: SimRequest): string {
  const s = r.request;
  const port = s.port !== undefined && s.port !== defaultPort(s.protocol) ? `:${s.port}` : "";
  let what: string;
  if (s.protocol === "GRPC" && s.grpc) what = `gRPC ${s.host ?? ""} ${s.grpc.service ?? ""}/${s.grpc.method ?? ""}`;
  else if (s.protocol === "TLS") what = `TLS ${s.sni ?? s.host ?? ""}${s.port !== undefined ? `:${s.port}` : ""}`;
  else if (s.protocol === "TCP" || s.protocol === "UDP") what = `${s.protocol} ${s.host ?? ""}:${s.port ?? "?"}`;
  else {
    const scheme = s.protocol && s.protocol !== "HTTP" ? `${SCHEME_OF[s.protocol]}://` : "";
    const q = s.rawQuery ?? (s.query && Object.keys(s.query).length ? formatQuery(s.query) : "");
    what = `${s.method ?? "GET"} ${scheme}${s.host ?? ""}${r.mesh ? "" : port}${s.path ?? "/"}${q ? `?${q}` : ""}`;
  }
  if (!r.mesh) return what;
  const from = r.mesh.client ? `${r.mesh.client.includes("/") ? r.mesh.client.split("/")[0] : "default"} → ` : "";
  const to = r.mesh.service ?? r.mesh.pod ?? "?";
  return `mesh ${from}${to}${r.mesh.port !== undefined ? `:${r.mesh.port}` : ""} · ${what}`;
}
