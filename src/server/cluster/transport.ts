/**
 * The only way Switchyard talks to a cluster: a client that can send GET and nothing else. Every
 * request goes through {@link ReadOnlyClient.request}, which refuses any other verb before a socket
 * is opened, accepts only API paths made of plain segments and a fixed set of query parameters, and
 * never writes a request body.
 */
import http from "node:http";
import https from "node:https";
import { GoneError, ReadOnlyViolation, UpstreamError, problemOfStatus, toUpstreamError } from "./errors";
import type { ClusterLimits } from "./limits";
import { LineSplitter } from "./ndjson";
import type { ClusterTarget } from "./target";

/** Query parameters the proxy uses (list paging and watches); any other is refused. */
const QUERY_KEYS = new Set(["limit", "continue", "watch", "resourceVersion", "resourceVersionMatch", "allowWatchBookmarks", "timeoutSeconds"]);
/** `/api` or `/apis` followed by plain segments (no `..`, no encoded characters, no empty segment). */
const API_PATH = /^\/apis?(\/[A-Za-z0-9][A-Za-z0-9.-]*)*$/;
const USER_AGENT = "switchyard-readonly/0.1";

export interface RequestSpec {
  path: string;
  query?: Record<string, string>;
  /** The Accept header; JSON by default. */
  accept?: string;
  /** Abort (for watches). */
  signal?: AbortSignal;
  /** Socket inactivity timeout. */
  timeoutMs: number;
}

export interface ReadOnlyClient {
  /**
   * Open a request. `method` exists so that the refusal is one tested gate: anything but "GET"
   * rejects with ReadOnlyViolation and nothing is sent.
   */
  request(method: string, spec: RequestSpec): Promise<http.IncomingMessage>;
  /** GET a JSON document (discovery, a list page, one object). 410 rejects with GoneError. */
  getJson(path: string, opts?: { query?: Record<string, string>; accept?: string }): Promise<unknown>;
  /**
   * GET a watch stream and call `onEvent` with each parsed line. Resolves when the server ends the
   * stream or `signal` aborts; rejects on HTTP errors (410 → GoneError), bad lines and idle timeouts.
   */
  watch(path: string, query: Record<string, string>, handlers: WatchHandlers, signal: AbortSignal): Promise<void>;
}

export interface WatchHandlers {
  /** The API server accepted the watch (HTTP 200). */
  onOpen?: () => void;
  /** One parsed line of the stream. Throwing ends the watch with that error. */
  onEvent: (event: unknown) => void;
}

/** Check a path and query before they become a URL. Throws ReadOnlyViolation. */
export function checkRequest(path: string, query: Record<string, string> = {}): void {
  if (!API_PATH.test(path)) throw new ReadOnlyViolation(`refused path ${JSON.stringify(path)}`);
  for (const k of Object.keys(query)) if (!QUERY_KEYS.has(k)) throw new ReadOnlyViolation(`refused query parameter ${JSON.stringify(k)}`);
}

/** A GET-only client toward `target`. Credentials are asked of the kubeconfig at most every `authCacheMs`. */
export function createReadOnlyClient(target: ClusterTarget, limits: ClusterLimits): ReadOnlyClient {
  const mod = target.server.protocol === "https:" ? https : http;
  const prefix = target.server.pathname.replace(/\/+$/, "");
  let auth: { at: number; opts: Promise<https.RequestOptions> } | null = null;

  const authOptions = (): Promise<https.RequestOptions> => {
    if (!auth || Date.now() - auth.at > limits.authCacheMs) {
      const opts: https.RequestOptions = {};
      const p = target.applyAuth(opts).then(
        () => opts,
        (e: unknown) => {
          auth = null; // ask again next time (an exec plugin may succeed later)
          throw new UpstreamError("credentials", e instanceof Error ? e.message : String(e));
        },
      );
      auth = { at: Date.now(), opts: p };
    }
    return auth.opts;
  };

  const request = async (method: string, spec: RequestSpec): Promise<http.IncomingMessage> => {
    if (method !== "GET") throw new ReadOnlyViolation(`refused ${JSON.stringify(method)}: the cluster proxy only reads`);
    checkRequest(spec.path, spec.query);
    const a = await authOptions();
    const qs = spec.query && Object.keys(spec.query).length > 0 ? "?" + new URLSearchParams(spec.query).toString() : "";
    const opts: https.RequestOptions = {
      ...a,
      protocol: target.server.protocol,
      hostname: target.server.hostname.replace(/^\[|\]$/g, ""),
      port: target.server.port || undefined,
      path: prefix + spec.path + qs,
      headers: { ...(a.headers as Record<string, string> | undefined), Accept: spec.accept ?? "application/json", "User-Agent": USER_AGENT },
      signal: spec.signal,
      // client-node's agent carries the kubeconfig's proxy-url, if any; otherwise one connection per request.
      agent: a.agent ?? false,
    };
    opts.method = "GET"; // last word, whatever the auth options carried
    return new Promise((resolve, reject) => {
      const req = mod.request(opts, resolve);
      req.setTimeout(spec.timeoutMs, () => req.destroy(Object.assign(new Error("socket idle timeout"), { code: "ETIMEDOUT" })));
      req.on("error", (e) => reject(toUpstreamError(e)));
      req.end(); // no body, ever
    });
  };

  const failure = async (res: http.IncomingMessage): Promise<never> => {
    const body = await readBody(res, 4096).catch(() => "");
    if (res.statusCode === 401) auth = null; // expired credentials: ask the kubeconfig again
    if (res.statusCode === 410) throw new GoneError(`HTTP 410 ${body.slice(0, 200)}`);
    throw new UpstreamError(problemOfStatus(res.statusCode ?? 0), `HTTP ${res.statusCode} ${body.slice(0, 200)}`, res.statusCode);
  };

  const getJson = async (path: string, o: { query?: Record<string, string>; accept?: string } = {}): Promise<unknown> => {
    const res = await request("GET", { path, query: o.query, accept: o.accept, timeoutMs: limits.requestTimeoutMs });
    if (res.statusCode !== 200) return failure(res);
    const text = await readBody(res, limits.maxResponseBytes);
    try {
      return JSON.parse(text);
    } catch {
      throw new UpstreamError("bad-response", `not JSON from ${path}`);
    }
  };

  const watch = async (path: string, query: Record<string, string>, handlers: WatchHandlers, signal: AbortSignal): Promise<void> => {
    let res: http.IncomingMessage;
    try {
      res = await request("GET", { path, query, signal, timeoutMs: limits.watchIdleMs });
    } catch (e) {
      if (signal.aborted) return;
      throw e;
    }
    if (res.statusCode !== 200) return failure(res);
    handlers.onOpen?.();
    const lines = new LineSplitter(limits.maxWatchLineBytes);
    const handle = (batch: string[]) => {
      for (const line of batch) {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          throw new UpstreamError("bad-response", `watch line is not JSON`);
        }
        handlers.onEvent(value);
      }
    };
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        res.destroy();
        reject(e);
      };
      res.on("data", (chunk: Buffer) => {
        try {
          handle(lines.push(chunk));
        } catch (e) {
          fail(e);
        }
      });
      res.on("end", () => {
        try {
          handle(lines.end());
          resolve();
        } catch (e) {
          fail(e);
        }
      });
      // An aborted or reset stream: a normal end when we aborted it, an error otherwise.
      res.on("error", (e) => (signal.aborted ? resolve() : reject(toUpstreamError(e))));
      res.on("close", () => (signal.aborted ? resolve() : reject(new UpstreamError("unreachable", "watch stream closed before its end"))));
    });
  };

  return { request, getJson, watch };
}

/** Read a response body as text, refusing more than `max` bytes. */
export function readBody(res: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        res.destroy();
        reject(new UpstreamError("too-large", `response over ${max} bytes`));
        return;
      }
      parts.push(chunk);
    });
    res.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    res.on("error", (e) => reject(toUpstreamError(e)));
  });
}
