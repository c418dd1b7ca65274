/**
 * The Secrets that listeners and policies reference, and only those, fetched one by one as metadata
 * (PartialObjectMetadata): the API server sends no data, and sanitizeObject drops it anyway should a
 * server ignore the Accept header. A Secret is fetched when it becomes referenced, dropped when no
 * longer referenced, and fetched again every `secretRefreshMs` (creation and deletion are noticed).
 * Only the `get` verb on Secrets is needed (no list, no watch).
 *
 * The same tracker, with {@link REFERENCED_CONFIG_MAPS}, fetches the ConfigMaps that CA references
 * (caCertificateRefs) name: whole, because the CA bundle is what a controller checks, and then cut
 * down by sanitizeObject to their `ca.crt` (public certificates) and identity — nothing else a
 * ConfigMap holds reaches the browser.
 */
import { GoneError, UpstreamError, toUpstreamError } from "./errors";
import type { ClusterLimits } from "./limits";
import { isDns1123Label, isDns1123Subdomain } from "./names";
import { sanitizeObject } from "./sanitize";
import { configMapRefs, secretRefs } from "./secret-refs";
import type { ReadOnlyClient } from "./transport";
import type { ClusterObject, ClusterObjectKey, KindState } from "./types";

export const PARTIAL_METADATA_ACCEPT = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";
const CONCURRENCY = 4;

/** A core kind read one object at a time, only when referenced. */
export interface ReferencedKind {
  kind: "Secret" | "ConfigMap";
  /** The resource's plural in the core API path. */
  resource: string;
  /** The Accept header of the GET (metadata only for Secrets). */
  accept?: string;
  /** `namespace/name` of the objects a referencing object's spec names. */
  refs: (spec: unknown, namespace: string) => Set<string>;
}

export const REFERENCED_SECRETS: ReferencedKind = { kind: "Secret", resource: "secrets", accept: PARTIAL_METADATA_ACCEPT, refs: secretRefs };
export const REFERENCED_CONFIG_MAPS: ReferencedKind = { kind: "ConfigMap", resource: "configmaps", refs: configMapRefs };

export interface SecretSink {
  changed(upserts: ClusterObject[], deletes: ClusterObjectKey[]): void;
  state(state: KindState, error?: UpstreamError): void;
}


export class SecretTracker {
  /** Fetched objects (for Secrets: metadata only), by `namespace/name`. */
  readonly objects = new Map<string, ClusterObject>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly counts = new Map<string, number>();
  private scheduled: ReturnType<typeof setTimeout> | null = null;
  private refresher: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private dirty = false;
  private refetchAll = false;
  private stopped = false;
  private fetched = new Set<string>();

  constructor(
    private readonly client: ReadOnlyClient,
    private readonly limits: ClusterLimits,
    private readonly sink: SecretSink,
    private readonly what: ReferencedKind = REFERENCED_SECRETS,
  ) {}

  private keyOf(k: string): ClusterObjectKey {
    const [namespace, name] = k.split("/");
    return { group: "", kind: this.what.kind, namespace, name };
  }

  /** Start refreshing periodically. */
  start(): void {
    this.refresher ??= setInterval(() => {
      this.refetchAll = true;
      this.schedule();
    }, this.limits.secretRefreshMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.refresher) clearInterval(this.refresher);
    if (this.scheduled) clearTimeout(this.scheduled);
    await this.running;
  }

  /** How many Secrets are referenced. */
  get referenced(): number {
    return this.counts.size;
  }

  /** An object that may reference Secrets was added or changed (`obj`), or removed (null). */
  setOwner(ownerKey: string, obj: ClusterObject | null): void {
    const before = this.byOwner.get(ownerKey);
    const after = obj ? this.what.refs(obj.spec, obj.metadata.namespace ?? "") : new Set<string>();
    if (before) for (const k of before) if (!after.has(k)) this.decrement(k);
    for (const k of after) if (!before?.has(k)) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    if (after.size > 0) this.byOwner.set(ownerKey, after);
    else this.byOwner.delete(ownerKey);
    this.schedule();
  }

  private decrement(k: string): void {
    const n = (this.counts.get(k) ?? 1) - 1;
    if (n > 0) this.counts.set(k, n);
    else this.counts.delete(k);
  }

  /** Coalesce the changes of one turn of the event loop into one sync. */
  private schedule(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = null;
      if (this.running) {
        this.dirty = true;
        return;
      }
      this.running = this.sync().finally(() => {
        this.running = null;
        if (this.dirty) {
          this.dirty = false;
          this.schedule();
        }
      });
    }, 0);
  }

  private async sync(): Promise<void> {
    const deletes: ClusterObjectKey[] = [];
    for (const k of this.fetched) {
      if (this.counts.has(k)) continue;
      this.fetched.delete(k);
      if (this.objects.delete(k)) deletes.push(this.keyOf(k));
    }
    if (deletes.length > 0) this.sink.changed([], deletes);
    const all = this.refetchAll;
    this.refetchAll = false;
    const todo = [...this.counts.keys()].filter((k) => all || !this.fetched.has(k));
    let failure: UpstreamError | null = null;
    const work = async () => {
      for (let k = todo.shift(); k !== undefined && !this.stopped; k = todo.shift()) {
        const err = await this.fetchOne(k);
        if (err && (!failure || err.problem === "forbidden")) failure = err;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, work));
    if (this.stopped) return;
    const f = failure as UpstreamError | null;
    if (f) this.sink.state(f.problem === "forbidden" ? "forbidden" : "reconnecting", f);
    else this.sink.state("synced");
  }

  /** Fetch one Secret's metadata; report the change; return the error, if any. */
  private async fetchOne(k: string): Promise<UpstreamError | null> {
    const [ns, name] = k.split("/");
    if (!isDns1123Label(ns) || !isDns1123Subdomain(name)) return null;
    try {
      const raw = await this.client.getJson(`/api/v1/namespaces/${ns}/${this.what.resource}/${name}`, this.what.accept ? { accept: this.what.accept } : undefined);
      if (!this.counts.has(k)) return null; // unreferenced while in flight
      this.fetched.add(k);
      const o = sanitizeObject(raw, { group: "", version: "v1", kind: this.what.kind }, this.limits.maxObjectBytes);
      if (!o) return new UpstreamError("bad-response", `${this.what.kind} without a name`);
      const old = this.objects.get(k);
      this.objects.set(k, o);
      if (!old || old.metadata.resourceVersion !== o.metadata.resourceVersion) this.sink.changed([o], []);
      return null;
    } catch (e) {
      const err = e instanceof GoneError ? new UpstreamError("bad-response", e.message) : (toUpstreamError(e) as UpstreamError);
      if (err.problem === "not-found") {
        this.fetched.add(k); // known to be absent until the next refresh
        if (this.objects.delete(k)) this.sink.changed([], [this.keyOf(k)]);
        return null;
      }
      return err;
    }
  }
}
