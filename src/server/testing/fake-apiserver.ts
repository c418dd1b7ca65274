/**
 * A fake Kubernetes API server on node:http (or node:https) for tests: legacy discovery, paged lists
 * (limit/continue) carrying resourceVersions, NDJSON watches (ADDED/MODIFIED/DELETED/BOOKMARK, 410
 * Gone as an ERROR event or as an HTTP status), PartialObjectMetadata for single GETs, bearer-token
 * authentication, per-resource 403, injected failures, and restarts that keep the data. It records
 * every request; it answers anything but GET with 405 so a test can prove none was sent.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { FakeStore, fakeKindKey, type FakeKind, type HistoryEvent } from "./fake-store";
import { apiGroupList, apiGroup, resourceList, status, versionsOf } from "./fake-discovery";

export interface FakeApiServerOptions {
  /** Port to listen on (0: any free port). */
  port?: number;
  /** HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /** Require `Authorization: Bearer <token>`. */
  token?: string;
  kinds?: FakeKind[];
  /** 410 for an expired resourceVersion as an HTTP status instead of a watch ERROR event. */
  goneAsHttpStatus?: boolean;
  /** Answer single GETs in full even when PartialObjectMetadata is asked (a misbehaving server). */
  ignorePartialMetadata?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
}

interface Watch {
  key: string;
  namespace?: string;
  version: string;
  bookmarks: boolean;
  res: http.ServerResponse;
}

/** A parsed resource path: which kind, version, namespace and name. */
interface Target {
  kind: FakeKind;
  version: string;
  namespace?: string;
  name?: string;
}

export class FakeApiServer {
  readonly store: FakeStore;
  readonly requests: RecordedRequest[] = [];
  /** Resources (plural names) that answer 403. */
  readonly forbidden = new Set<string>();
  private readonly watches = new Set<Watch>();
  private failures: { match: RegExp; status: number; times: number }[] = [];
  private server: http.Server | null = null;
  private port: number;

  constructor(private readonly options: FakeApiServerOptions = {}) {
    this.store = new FakeStore(options.kinds);
    this.port = options.port ?? 0;
    this.store.onChange = (e) => this.broadcast(e);
  }

  /** `http(s)://127.0.0.1:PORT`. */
  get url(): string {
    return `${this.options.tls ? "https" : "http"}://127.0.0.1:${this.port}`;
  }

  /** Watches currently open, optionally of one resource (plural). */
  openWatches(plural?: string): number {
    return [...this.watches].filter((w) => !plural || this.store.kinds.get(w.key)?.plural === plural).length;
  }

  async start(): Promise<void> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => this.handle(req, res);
    const server = this.options.tls ? https.createServer({ key: this.options.tls.key, cert: this.options.tls.cert }, handler) : http.createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stop listening and cut every connection (watches included); the data stays. */
  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = null;
    for (const w of this.watches) w.res.destroy();
    this.watches.clear();
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Stop and start again on the same port (a restart mid-watch); `compact` forgets history too. */
  async restart(opts: { compact?: boolean } = {}): Promise<void> {
    await this.stop();
    if (opts.compact) this.store.compact();
    await this.start();
  }

  /** End every open watch cleanly (as an API server does at its timeout). */
  endWatches(): void {
    for (const w of this.watches) w.res.end();
    this.watches.clear();
  }

  /** Send a BOOKMARK with the current resourceVersion to every watch that allows them. */
  bookmark(): void {
    for (const w of this.watches) {
      if (!w.bookmarks) continue;
      const k = this.store.kinds.get(w.key)!;
      this.write(w.res, { type: "BOOKMARK", object: { kind: k.kind, apiVersion: apiVersionOf(k, w.version), metadata: { resourceVersion: String(this.store.rv) } } });
    }
  }

  /** The next `times` requests whose path matches answer `status`. */
  failNext(match: RegExp, statusCode: number, times = 1): void {
    this.failures.push({ match, status: statusCode, times });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://fake");
    this.requests.push({ method: req.method ?? "", path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers });
    if (req.method !== "GET") return this.send(res, 405, status(405, "MethodNotAllowed", "the fake API server only reads"));
    if (this.options.token && req.headers.authorization !== `Bearer ${this.options.token}`) return this.send(res, 401, status(401, "Unauthorized", "Unauthorized"));
    const f = this.failures.find((x) => x.times > 0 && x.match.test(url.pathname + url.search));
    if (f) {
      f.times--;
      return this.send(res, f.status, status(f.status, "Injected", `injected ${f.status}`));
    }
    const p = url.pathname;
    if (p === "/api") return this.send(res, 200, { kind: "APIVersions", versions: ["v1"] });
    if (p === "/api/v1") return this.send(res, 200, resourceList(this.store, "", "v1"));
    if (p === "/apis") return this.send(res, 200, apiGroupList(this.store));
    const g = /^\/apis\/([^/]+)$/.exec(p);
    if (g) return this.sendOr404(res, apiGroup(this.store, g[1]));
    const gv = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p);
    if (gv) return this.sendOr404(res, versionsOf(this.store, gv[1]).includes(gv[2]) ? resourceList(this.store, gv[1], gv[2]) : null);
    const t = this.target(p);
    if (!t) return this.send(res, 404, status(404, "NotFound", "the server could not find the requested resource"));
    if (this.forbidden.has(t.kind.plural)) return this.send(res, 403, status(403, "Forbidden", `${t.kind.plural} is forbidden: User "test" cannot list`));
    if (t.name) return this.getOne(req, res, t);
    if (url.searchParams.get("watch") === "1" || url.searchParams.get("watch") === "true") return this.watch(res, t, url.searchParams);
    return this.list(res, t, url.searchParams);
  }

  /** `/api/v1/[namespaces/NS/]PLURAL[/NAME]` or `/apis/G/V/[namespaces/NS/]PLURAL[/NAME]`. */
  private target(p: string): Target | null {
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.*)$/.exec(p);
    if (!m) return null;
    const group = m[2] ?? "";
    const version = m[1] ?? m[3];
    let rest = m[4].split("/");
    let namespace: string | undefined;
    if (rest[0] === "namespaces" && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const kind = [...this.store.kinds.values()].find((k) => k.group === group && k.plural === rest[0] && k.versions.includes(version));
    if (!kind || rest.length > 2) return null;
    return { kind, version, namespace: kind.namespaced ? namespace : undefined, name: rest[1] };
  }

  private getOne(req: http.IncomingMessage, res: http.ServerResponse, t: Target): void {
    const key = fakeKindKey(t.kind.group, t.kind.kind);
    const o = this.store.get(key, t.namespace ?? "", t.name!);
    if (!o) return this.send(res, 404, status(404, "NotFound", `${t.kind.plural} "${t.name}" not found`));
    const partial = /as=PartialObjectMetadata/.test(String(req.headers.accept ?? "")) && !this.options.ignorePartialMetadata;
    if (partial) return this.send(res, 200, { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata });
    this.send(res, 200, { ...o, apiVersion: apiVersionOf(t.kind, t.version) });
  }

  private list(res: http.ServerResponse, t: Target, q: URLSearchParams): void {
    const key = fakeKindKey(t.kind.group, t.kind.kind);
    const limit = Number(q.get("limit") ?? "0");
    let listRv = this.store.rv;
    let after = "";
    const cont = q.get("continue");
    if (cont) {
      const c = JSON.parse(Buffer.from(cont, "base64url").toString("utf8")) as { rv: number; after: string };
      if (c.rv < this.store.compactedRv) return this.send(res, 410, status(410, "Expired", "The provided continue parameter is too old"));
      listRv = c.rv;
      after = c.after;
    }
    const all = this.store.list(key, t.namespace).filter((o) => `${o.metadata.namespace ?? ""}/${o.metadata.name}` > after);
    const page = limit > 0 ? all.slice(0, limit) : all;
    const metadata: Record<string, unknown> = { resourceVersion: String(listRv) };
    if (page.length < all.length) {
      const last = page[page.length - 1];
      metadata.continue = Buffer.from(JSON.stringify({ rv: listRv, after: `${last.metadata.namespace ?? ""}/${last.metadata.name}` })).toString("base64url");
      metadata.remainingItemCount = all.length - page.length;
    }
    // Items of built-in kinds come without apiVersion and kind, as a real API server sends them.
    const items = page.map((o) => (t.kind.group === "" ? { ...o, apiVersion: undefined, kind: undefined } : { ...o, apiVersion: apiVersionOf(t.kind, t.version) }));
    this.send(res, 200, { kind: `${t.kind.kind}List`, apiVersion: apiVersionOf(t.kind, t.version), metadata, items });
  }

  private watch(res: http.ServerResponse, t: Target, q: URLSearchParams): void {
    const key = fakeKindKey(t.kind.group, t.kind.kind);
    const from = Number(q.get("resourceVersion") || "0");
    if (from !== 0 && from < this.store.compactedRv) {
      const gone = status(410, "Expired", `too old resource version: ${from} (${this.store.compactedRv})`);
      if (this.options.goneAsHttpStatus) return this.send(res, 410, gone);
      res.writeHead(200, { "Content-Type": "application/json" });
      this.write(res, { type: "ERROR", object: gone });
      return void res.end();
    }
    res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    const w: Watch = { key, namespace: t.namespace, version: t.version, bookmarks: q.get("allowWatchBookmarks") === "true", res };
    if (from === 0) for (const o of this.store.list(key, t.namespace)) this.write(res, { type: "ADDED", object: this.shape(t.kind, t.version, o) });
    else for (const e of this.store.history) if (e.rv > from && this.wants(w, e)) this.write(res, { type: e.type, object: this.shape(t.kind, t.version, e.object) });
    this.watches.add(w);
    const timeout = Number(q.get("timeoutSeconds") ?? "0");
    const timer = timeout > 0 ? setTimeout(() => res.end(), timeout * 1000) : null;
    res.on("close", () => {
      if (timer) clearTimeout(timer);
      this.watches.delete(w);
    });
  }

  private wants(w: Watch, e: HistoryEvent): boolean {
    return e.kindKey === w.key && (w.namespace === undefined || e.object.metadata === undefined || (e.object.metadata as Record<string, unknown>).namespace === w.namespace);
  }

  private broadcast(e: HistoryEvent): void {
    for (const w of this.watches) {
      if (!this.wants(w, e)) continue;
      const k = this.store.kinds.get(w.key);
      if (k) this.write(w.res, { type: e.type, object: this.shape(k, w.version, e.object) });
    }
  }

  private shape(k: FakeKind, version: string, o: Record<string, unknown>): Record<string, unknown> {
    return { ...o, apiVersion: apiVersionOf(k, version), kind: k.kind };
  }

  private write(res: http.ServerResponse, event: unknown): void {
    if (!res.destroyed && !res.writableEnded) res.write(JSON.stringify(event) + "\n");
  }

  private send(res: http.ServerResponse, code: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  }

  private sendOr404(res: http.ServerResponse, body: unknown): void {
    if (body) this.send(res, 200, body);
    else this.send(res, 404, status(404, "NotFound", "the server could not find the requested resource"));
  }
}

function apiVersionOf(k: FakeKind, version: string): string {
  return k.group ? `${k.group}/${version}` : version;
}
