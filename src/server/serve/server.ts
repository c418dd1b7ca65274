/**
 * The `switchyard serve` HTTP server: the built app and, with a cluster session, the read-only API.
 * Every request passes the same gate, in this order: our own Host (DNS rebinding), our own Origin
 * when one is sent, GET only, then per route: the app's files, or API routes that also need a
 * same-origin fetch and the launch token. There are no other routes and no other methods.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { ClusterSession } from "../cluster/session";
import { CLUSTER_EVENTS_PATH, CLUSTER_SNAPSHOT_PATH, CLUSTER_TOKEN_PARAM } from "../cluster/types";
import { authorized, fetchSiteAllowed, hostAllowed, originAllowed, type GuardConfig } from "./guard";
import { DEFAULT_SSE, SseStream, type SseOptions } from "./sse";
import { serveApp } from "./static";
import { newToken } from "./token";

export interface ServeOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built app's directory (index.html inside). */
  appDir: string;
  /** The cluster, when a kubeconfig was given. */
  session?: ClusterSession;
  /** The launch token (a fresh one when absent). */
  token?: string;
  sse?: Partial<SseOptions>;
  /** Concurrent event streams. */
  maxStreams?: number;
  /** Largest JSON snapshot answered (characters). */
  maxSnapshotChars?: number;
}

export interface ServeHandle {
  /** The URL to open: with the token in the fragment when there is a cluster. */
  url: string;
  /** `http://host:port`. */
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Headers on every response: no Referer leaves our pages, no framing, no sniffing, no cross-origin reads. */
const SECURITY_HEADERS: Record<string, string> = {
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "frame-ancestors 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
};

function refuse(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...extra });
  res.end(body);
}

/** Format a host for a URL (IPv6 in brackets; a wildcard address as loopback). */
export function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const token = options.token ?? newToken();
  const session = options.session;
  const sse = { ...DEFAULT_SSE, ...options.sse };
  const maxStreams = options.maxStreams ?? 32;
  const maxSnapshot = options.maxSnapshotChars ?? 256 * 1024 * 1024;
  const streams = new Set<SseStream>();
  const guard: GuardConfig = { host: options.host, port: options.port };

  const api = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const route = url.pathname;
    if (!session || (route !== CLUSTER_EVENTS_PATH && route !== CLUSTER_SNAPSHOT_PATH)) return refuse(res, 404, "not found");
    if (!fetchSiteAllowed(req.headers["sec-fetch-site"] as string | undefined)) return refuse(res, 403, "cross-site request refused");
    // EventSource cannot send headers: the events route alone also takes the token from the query.
    if (!authorized(req.headers.authorization, url.searchParams, route === CLUSTER_EVENTS_PATH, token)) return refuse(res, 401, "missing or wrong token", { "WWW-Authenticate": "Bearer" });
    if (route === CLUSTER_SNAPSHOT_PATH) {
      const body = JSON.stringify(session.snapshot());
      if (body.length > maxSnapshot) return refuse(res, 503, "snapshot over the size limit");
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      return void res.end(body);
    }
    if (streams.size >= maxStreams) return refuse(res, 503, "too many event streams");
    const s = new SseStream(res, session, sse);
    streams.add(s);
    s.onClose = () => streams.delete(s);
    s.start();
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!hostAllowed(req.headers.host, guard)) return refuse(res, 403, "unknown host");
    if (!originAllowed(req.headers.origin, guard)) return refuse(res, 403, "foreign origin");
    if (req.method !== "GET") return refuse(res, 405, "method not allowed", { Allow: "GET" });
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      return refuse(res, 400, "bad request");
    }
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return api(req, res, url);
    serveApp(options.appDir, url.pathname, res);
  };

  const server = http.createServer(handler);
  // CONNECT and protocol upgrades (WebSocket) bypass the request handler: refuse them here.
  const refuseRaw = (_req: http.IncomingMessage, socket: Duplex) => socket.end("HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  server.on("connect", refuseRaw);
  server.on("upgrade", refuseRaw);
  // Nothing we serve needs a request body; refuse slow or huge requests early.
  server.headersTimeout = 10_000;
  server.requestTimeout = 0; // event streams are long-lived responses
  server.maxHeadersCount = 100;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  const origin = `http://${urlHost(options.host)}:${port}`;
  return {
    url: session ? `${origin}/#${CLUSTER_TOKEN_PARAM}=${token}` : `${origin}/`,
    origin,
    port,
    token,
    close: async () => {
      for (const s of streams) s.close("shutdown"); // a Set tolerates deletion while iterating
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
