/**
 * One kind kept in sync with the cluster: a paged list (limit/continue), then a watch from the list's
 * resourceVersion, resumed from the last resourceVersion seen (events and bookmarks) whenever the
 * stream ends or breaks. 410 Gone (an HTTP status or an ERROR event) means that version is no longer
 * available: list again and report the difference with what was known, so no change is lost. Other
 * failures are retried with exponential backoff.
 */
import { Backoff, sleep } from "./backoff";
import { collectionPath, type ServedKind } from "./discovery";
import { GoneError, UpstreamError, problemOfStatus, toUpstreamError } from "./errors";
import type { ClusterLimits } from "./limits";
import { sanitizeObject } from "./sanitize";
import type { ReadOnlyClient } from "./transport";
import type { ClusterObject, ClusterObjectKey, KindState } from "./types";

/** Where an informer reports. Called synchronously, in order. */
export interface InformerSink {
  changed(kind: ServedKind, upserts: ClusterObject[], deletes: ClusterObjectKey[]): void;
  state(kind: ServedKind, state: KindState, error?: UpstreamError): void;
  /** The kind is no longer served (404): the informer has stopped and removed its objects. */
  vanished(kind: ServedKind): void;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const objKey = (o: ClusterObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;

export class Informer {
  /** The objects known, by `namespace/name`. */
  readonly objects = new Map<string, ClusterObject>();
  private rv = "";
  private readonly abort = new AbortController();
  private synced = false;
  private current: KindState = "pending";
  private running: Promise<void> | null = null;

  constructor(
    readonly kind: ServedKind,
    private readonly client: ReadOnlyClient,
    private readonly limits: ClusterLimits,
    private readonly sink: InformerSink,
  ) {}

  /** Start the list/watch loop (once). */
  start(): void {
    this.running ??= this.loop();
  }

  /** Stop watching; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  /** The resourceVersion the next watch resumes from ("" before the first list). */
  get resourceVersion(): string {
    return this.rv;
  }

  private async loop(): Promise<void> {
    const backoff = new Backoff(this.limits);
    const signal = this.abort.signal;
    let goneInARow = 0;
    while (!signal.aborted) {
      const started = Date.now();
      let progressed = false;
      try {
        if (!this.rv) {
          await this.relist();
          progressed = true;
          backoff.reset();
          this.setSynced();
        }
        const delivered = await this.watchOnce();
        if (delivered) goneInARow = 0;
        progressed = delivered || progressed;
        // A stream the server ended at once with nothing in it must not turn into a busy loop.
        if (!progressed && Date.now() - started < 1000) await sleep(backoff.next(), signal);
      } catch (e) {
        if (signal.aborted) break;
        if (e instanceof GoneError) {
          this.rv = ""; // relist at once: the list's difference replaces the events we missed
          // …but a server that keeps answering 410 must not turn that into a busy loop.
          if (goneInARow++ > 0) await sleep(backoff.next(), signal);
          continue;
        }
        const err = toUpstreamError(e) as UpstreamError;
        if (err.problem === "not-found") {
          this.vanish();
          return;
        }
        const state: KindState = err.problem === "forbidden" ? "forbidden" : this.synced ? "reconnecting" : "failed";
        this.current = state;
        this.sink.state(this.kind, state, err);
        await sleep(backoff.next(), signal);
      }
    }
  }

  private setSynced(): void {
    this.synced = true;
    this.current = "synced";
    this.sink.state(this.kind, "synced");
  }

  /** List every page, replace the known objects, report the difference. */
  private async relist(): Promise<void> {
    const path = collectionPath(this.kind);
    const fresh = new Map<string, ClusterObject>();
    let rv = "";
    let cont = "";
    do {
      const query: Record<string, string> = { limit: String(this.limits.pageSize) };
      if (cont) query.continue = cont;
      const page = await this.client.getJson(path, { query });
      if (!isRecord(page) || !Array.isArray(page.items) || !isRecord(page.metadata)) throw new UpstreamError("bad-response", `list of ${this.kind.kind} is not a list`);
      for (const item of page.items) {
        const o = sanitizeObject(item, this.kind, this.limits.maxObjectBytes);
        if (o) fresh.set(objKey(o), o);
      }
      if (fresh.size > this.limits.maxObjectsPerKind) throw new UpstreamError("too-large", `more than ${this.limits.maxObjectsPerKind} ${this.kind.kind} objects`);
      // Every page of one list carries the list's resourceVersion; the first one is authoritative.
      if (!rv && typeof page.metadata.resourceVersion === "string") rv = page.metadata.resourceVersion;
      cont = typeof page.metadata.continue === "string" ? page.metadata.continue : "";
    } while (cont && !this.abort.signal.aborted);
    if (this.abort.signal.aborted) return;
    if (!rv) throw new UpstreamError("bad-response", `list of ${this.kind.kind} has no resourceVersion`);
    const upserts: ClusterObject[] = [];
    const deletes: ClusterObjectKey[] = [];
    for (const [k, o] of fresh) {
      const old = this.objects.get(k);
      if (!old || old.metadata.resourceVersion !== o.metadata.resourceVersion) upserts.push(o);
    }
    for (const [k, o] of this.objects) if (!fresh.has(k)) deletes.push(this.keyOf(o));
    this.objects.clear();
    for (const [k, o] of fresh) this.objects.set(k, o);
    this.rv = rv;
    if (upserts.length > 0 || deletes.length > 0) this.sink.changed(this.kind, upserts, deletes);
  }

  /** Watch from the current resourceVersion until the stream ends; true when it delivered anything. */
  private async watchOnce(): Promise<boolean> {
    let delivered = false;
    const query = { watch: "1", resourceVersion: this.rv, allowWatchBookmarks: "true", timeoutSeconds: String(this.limits.watchTimeoutSeconds) };
    await this.client.watch(
      collectionPath(this.kind),
      query,
      {
        onOpen: () => {
          if (this.current !== "synced") this.setSynced();
        },
        onEvent: (ev) => {
          this.apply(ev);
          delivered = true;
        },
      },
      this.abort.signal,
    );
    return delivered;
  }

  /** One watch event. Throws GoneError or UpstreamError for ERROR events and malformed ones. */
  private apply(ev: unknown): void {
    if (!isRecord(ev) || typeof ev.type !== "string" || !isRecord(ev.object)) throw new UpstreamError("bad-response", "malformed watch event");
    const raw = ev.object;
    if (ev.type === "ERROR") {
      const code = typeof raw.code === "number" ? raw.code : 0;
      if (code === 410) throw new GoneError(`watch ERROR ${String(raw.reason ?? "")}`);
      throw new UpstreamError(problemOfStatus(code), `watch ERROR ${code} ${String(raw.message ?? "").slice(0, 200)}`, code);
    }
    const rv = isRecord(raw.metadata) && typeof raw.metadata.resourceVersion === "string" ? raw.metadata.resourceVersion : "";
    if (ev.type === "BOOKMARK") {
      if (rv) this.rv = rv;
      return;
    }
    const o = sanitizeObject(raw, this.kind, this.limits.maxObjectBytes);
    if (!o) throw new UpstreamError("bad-response", "watch event without an object name");
    const k = objKey(o);
    if (ev.type === "ADDED" || ev.type === "MODIFIED") {
      if (!this.objects.has(k) && this.objects.size >= this.limits.maxObjectsPerKind) throw new UpstreamError("too-large", `more than ${this.limits.maxObjectsPerKind} ${this.kind.kind} objects`);
      this.objects.set(k, o);
      this.sink.changed(this.kind, [o], []);
    } else if (ev.type === "DELETED") {
      if (this.objects.delete(k)) this.sink.changed(this.kind, [], [this.keyOf(o)]);
    } else throw new UpstreamError("bad-response", `unknown watch event type ${ev.type.slice(0, 20)}`);
    if (rv) this.rv = rv;
  }

  private keyOf(o: ClusterObject): ClusterObjectKey {
    return { group: this.kind.group, kind: this.kind.kind, namespace: o.metadata.namespace ?? "", name: o.metadata.name };
  }

  /** The kind disappeared (404): drop everything and stop. */
  private vanish(): void {
    const deletes = [...this.objects.values()].map((o) => this.keyOf(o));
    this.objects.clear();
    this.rv = "";
    if (deletes.length > 0) this.sink.changed(this.kind, [], deletes);
    this.sink.state(this.kind, "not-installed");
    this.sink.vanished(this.kind);
  }
}
