/**
 * The cluster as the proxy knows it: discovery, one informer per served kind (shared by every
 * browser client, however many subscribe), the referenced Secrets, and the per-kind and overall
 * status. Subscribers get events in order; a new subscriber starts from {@link ClusterSession.snapshot}.
 */
import { Backoff, sleep } from "./backoff";
import { WATCHED_KINDS, kindKey, type WantedKind } from "./catalog";
import { discover, type ServedKind } from "./discovery";
import { PROBLEM_MESSAGES, type UpstreamError, toUpstreamError } from "./errors";
import { Informer } from "./informer";
import { DEFAULT_LIMITS, type ClusterLimits } from "./limits";
import { REFERENCED_CONFIG_MAPS, SecretTracker } from "./secrets";
import { kindRoleOf } from "./roles";
import type { ReadOnlyClient } from "./transport";
import { connectionOf } from "./connection";
import { CLUSTER_STREAM_VERSION, type ClusterEvent, type ClusterObject, type ClusterObjectKey, type ConnectionStatus, type KindState, type KindStatus, type SnapshotEvent } from "./types";

export interface SessionOptions {
  limits?: Partial<ClusterLimits>;
  /** Lines for the operator's terminal (state changes with upstream detail). */
  log?: (line: string) => void;
  wanted?: readonly WantedKind[];
  /** The kubeconfig context's name, sent in every snapshot (the app shows it beside "read-only"). */
  context?: string;
}

const SECRET_KEY = "/Secret";
const CONFIG_MAP_KEY = "/ConfigMap";

export class ClusterSession {
  readonly limits: ClusterLimits;
  private readonly wanted: readonly WantedKind[];
  private readonly context: string | undefined;
  private readonly log: (line: string) => void;
  private readonly informers = new Map<string, Informer>();
  private readonly statuses = new Map<string, KindStatus>();
  private readonly listeners = new Set<(e: ClusterEvent) => void>();
  private readonly secrets: SecretTracker;
  /** ConfigMaps named by CA references (caCertificateRefs), reduced to their `ca.crt`. */
  private readonly configMaps: SecretTracker;
  private readonly abort = new AbortController();
  private discovered = false;
  private discoveryError: UpstreamError | null = null;
  private lastConnection = "";
  private rediscover: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly client: ReadOnlyClient,
    options: SessionOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.wanted = options.wanted ?? WATCHED_KINDS;
    this.context = options.context;
    this.log = options.log ?? (() => {});
    for (const w of this.wanted) this.statuses.set(kindKey(w), { group: w.group, kind: w.kind, version: null, namespaced: w.namespaced, state: "pending", count: 0 });
    this.statuses.set(SECRET_KEY, { group: "", kind: "Secret", version: "v1", namespaced: true, state: "synced", count: 0 });
    this.secrets = new SecretTracker(client, this.limits, {
      changed: (up, del) => this.emitChanges(up, del, SECRET_KEY, this.secrets.objects.size),
      state: (s, err) => this.setState(SECRET_KEY, s, err),
    });
    this.statuses.set(CONFIG_MAP_KEY, { group: "", kind: "ConfigMap", version: "v1", namespaced: true, state: "synced", count: 0 });
    this.configMaps = new SecretTracker(
      client,
      this.limits,
      {
        changed: (up, del) => this.emitChanges(up, del, CONFIG_MAP_KEY, this.configMaps.objects.size),
        state: (s, err) => this.setState(CONFIG_MAP_KEY, s, err),
      },
      REFERENCED_CONFIG_MAPS,
    );
  }

  /** Start discovery and the watches (once). Failures are retried in the background. */
  start(): void {
    this.loop ??= this.discoveryLoop();
    this.secrets.start();
    this.configMaps.start();
  }

  /** Stop every watch and timer. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.rediscover?.();
    await this.loop;
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
    await this.secrets.stop();
    await this.configMaps.stop();
  }

  /** Receive every event from now on; returns the unsubscribe function. */
  subscribe(fn: (e: ClusterEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Number of current subscribers. */
  get subscribers(): number {
    return this.listeners.size;
  }

  /** Everything known now. */
  snapshot(): SnapshotEvent {
    const objects: ClusterObject[] = [];
    for (const inf of this.informers.values()) for (const o of inf.objects.values()) objects.push(o);
    for (const o of this.secrets.objects.values()) objects.push(o);
    for (const o of this.configMaps.objects.values()) objects.push(o);
    const snap: SnapshotEvent = { type: "snapshot", version: CLUSTER_STREAM_VERSION, connection: this.connection(), kinds: this.kinds(), objects };
    if (this.context !== undefined) snap.context = this.context;
    return snap;
  }

  kinds(): KindStatus[] {
    return [...this.statuses.values()].map((s) => ({ ...s }));
  }

  connection(): ConnectionStatus {
    return connectionOf(this.discovered, this.discoveryError, [...this.statuses.values()]);
  }

  /** The informer of a kind, if it is being watched (tests look at resourceVersions). */
  informer(group: string, kind: string): Informer | undefined {
    return this.informers.get(kindKey({ group, kind }));
  }

  private emit(e: ClusterEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  private async discoveryLoop(): Promise<void> {
    const backoff = new Backoff(this.limits);
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        const d = await discover(this.client, this.wanted);
        backoff.reset();
        this.discovered = true;
        this.discoveryError = null;
        this.apply(d.served);
      } catch (e) {
        if (signal.aborted) break;
        const err = toUpstreamError(e) as UpstreamError;
        this.log(`cluster discovery failed: ${err.problem} (${err.detail})`);
        // Once discovered, the watches speak for the connection; a failed rediscovery changes nothing.
        if (!this.discovered) {
          this.discoveryError = err;
          this.publishStatus();
        }
        await sleep(backoff.next(), signal);
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.limits.rediscoverMs);
        this.rediscover = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.rediscover = null;
    }
  }

  /** Start informers for newly served kinds, restart those whose version changed, stop vanished ones. */
  private apply(served: Map<string, ServedKind>): void {
    for (const w of this.wanted) {
      const key = kindKey(w);
      const s = served.get(key);
      const inf = this.informers.get(key);
      if (inf && (!s || s.version !== inf.kind.version || s.resource !== inf.kind.resource)) this.drop(key, inf);
      if (!s) {
        this.setState(key, "not-installed", undefined, null);
        continue;
      }
      if (this.informers.has(key)) continue;
      const next = new Informer(s, this.client, this.limits, {
        changed: (k, up, del) => this.informerChanged(k, up, del),
        state: (k, st, err) => this.setState(kindKey(k), st, err, k.version),
        vanished: (k) => {
          if (this.informers.get(kindKey(k)) === next) this.informers.delete(kindKey(k));
          this.rediscover?.();
        },
      });
      this.informers.set(key, next);
      this.setState(key, "pending", undefined, s.version);
      next.start();
    }
    this.publishStatus();
  }

  /** Stop an informer and report its objects gone. */
  private drop(key: string, inf: Informer): void {
    this.informers.delete(key);
    void inf.stop();
    const deletes = [...inf.objects.values()].map((o) => ({ group: inf.kind.group, kind: inf.kind.kind, namespace: o.metadata.namespace ?? "", name: o.metadata.name }));
    if (deletes.length > 0) this.informerChanged(inf.kind, [], deletes);
  }

  private informerChanged(kind: ServedKind, upserts: ClusterObject[], deletes: ClusterObjectKey[]): void {
    const key = kindKey(kind);
    if (kindRoleOf(kind.group, kind.kind) === "references-secrets") {
      for (const tracker of [this.secrets, this.configMaps]) {
        for (const d of deletes) tracker.setOwner(`${key}/${d.namespace}/${d.name}`, null);
        for (const o of upserts) tracker.setOwner(`${key}/${o.metadata.namespace ?? ""}/${o.metadata.name}`, o);
      }
    }
    this.emitChanges(upserts, deletes, key, this.informers.get(key)?.objects.size ?? 0);
  }

  private emitChanges(upserts: ClusterObject[], deletes: ClusterObjectKey[], key: string, count: number): void {
    const st = this.statuses.get(key);
    this.emit({ type: "changes", upserts, deletes });
    if (st && st.count !== count) {
      st.count = count;
      this.emit({ type: "kinds", kinds: this.kinds() });
    }
  }

  private setState(key: string, state: KindState, err?: UpstreamError, version?: string | null): void {
    const st = this.statuses.get(key);
    if (!st) return;
    const problem = err?.problem;
    if (st.state === state && st.problem === problem && (version === undefined || st.version === version)) return;
    if (err) this.log(`${st.kind}: ${state}: ${err.problem} (${err.detail})`);
    st.state = state;
    if (version !== undefined) st.version = version;
    if (problem) {
      st.problem = problem;
      st.message = PROBLEM_MESSAGES[problem];
    } else {
      delete st.problem;
      delete st.message;
    }
    if (state === "not-installed") st.count = 0;
    this.publishStatus();
  }

  /** Send the kinds, and the connection when it changed. */
  private publishStatus(): void {
    this.emit({ type: "kinds", kinds: this.kinds() });
    const c = this.connection();
    const json = JSON.stringify(c);
    if (json !== this.lastConnection) {
      this.lastConnection = json;
      this.emit({ type: "connection", connection: c });
    }
  }
}
