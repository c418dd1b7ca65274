/**
 * Test support: reads the upstream conformance suite transcribed as data in ../shared/conformance
 * and turns a test (plus optional `after` steps) into the configuration a cluster would hold.
 * Not part of the engine; tests only (it reads files with node:fs).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type InputFile } from "../parse";
import type { Resource } from "../model/resource";
import type { SimRequest } from "../model/request";

/** ../shared beside the repository (or $SWITCHYARD_SHARED). */
export const SHARED_DIR = process.env.SWITCHYARD_SHARED ?? join(import.meta.dirname, "..", "..", "..", "shared");
export const CONFORMANCE_DIR = join(SHARED_DIR, "conformance");
/** Whether the conformance data is present (a user's clone has no ../shared). */
export const HAVE_CONFORMANCE = existsSync(join(CONFORMANCE_DIR, "index.json"));
/** Say why conformance tests are skipped. */
export const SKIP_REASON = `conformance data not found at ${CONFORMANCE_DIR} (it lives in ../shared beside the repository); skipping`;

/** The class and controller names substituted for the suite's placeholders. */
export const CLASS_NAME = "switchyard-conformance";
export const CONTROLLER_NAME = "switchyard.dev/simulated-controller";

export interface AfterOp {
  op: "delete" | "patch";
  kind: string;
  namespace?: string;
  name: string;
  patch?: unknown;
}

export interface Expect {
  backend?: string | null;
  backendNamespace?: string;
  backendWorkload?: string;
  statusCode?: number;
  statusCodes?: number[];
  grpcStatus?: string;
  requestHeaders?: Record<string, string>;
  absentHeaders?: string[];
  rewrittenPath?: string;
  rewrittenHost?: string;
  responseHeaders?: Record<string, string>;
  absentResponseHeaders?: string[];
  redirect?: { scheme?: string; host?: string; port?: number; path?: string };
  mirroredTo?: { backend: string; percent?: number }[];
  weights?: Record<string, number>;
  weightTolerance?: number;
  backendOneOf?: string[];
  [other: string]: unknown;
}

export interface RequestCase extends SimRequest {
  name?: string;
  group?: string;
  expect: Expect;
  after?: AfterOp[];
  [other: string]: unknown;
}

export interface StatusCondition {
  type: string;
  status?: string;
  reason?: string;
}

export interface StatusCase {
  kind: string;
  namespace?: string;
  name: string;
  parent?: string;
  parentKind?: string;
  namespaceRequired?: boolean;
  noAcceptedParents?: boolean;
  conditions?: StatusCondition[];
  listeners?: { name: string; conditions?: StatusCondition[]; attachedRoutes?: number; supportedKinds?: { group?: string; kind: string }[] }[];
  listenersExact?: boolean;
  allListeners?: { conditions: StatusCondition[] };
  zeroAttachedRoutes?: boolean;
  attachedListenerSets?: number;
  latestObservedGeneration?: boolean;
  generationChanged?: boolean;
  case?: string;
  after?: AfterOp[];
  [other: string]: unknown;
}

export interface ExtraObject {
  createdAfter: string;
  delaySeconds?: number;
  object: Record<string, unknown>;
}

export interface ConformanceTest {
  name: string;
  category: string;
  description: string;
  manifests: string[];
  features: string[];
  provisional?: boolean;
  partial?: boolean;
  skipIfFeatures?: string[];
  runOnlyIfFeatures?: string[];
  extraObjects?: ExtraObject[];
  requests: RequestCase[];
  status: StatusCase[];
  notes?: string[];
}

/** Every transcribed test (with its category from index.json), optionally filtered. [] when the data is absent. */
export function loadConformanceTests(filter?: (t: ConformanceTest) => boolean): ConformanceTest[] {
  if (!HAVE_CONFORMANCE) return [];
  const index = JSON.parse(readFileSync(join(CONFORMANCE_DIR, "index.json"), "utf8")) as { tests: { name: string; file: string; category: string }[] };
  const tests = index.tests.map((e) => {
    const t = JSON.parse(readFileSync(join(CONFORMANCE_DIR, e.file), "utf8")) as Omit<ConformanceTest, "category">;
    return { ...t, requests: t.requests ?? [], status: t.status ?? [], category: e.category };
  });
  return filter ? tests.filter(filter) : tests;
}

/** Tests of the given categories (as named in index.json). */
export function byCategory(...categories: string[]): (t: ConformanceTest) => boolean {
  return (t) => categories.includes(t.category);
}

function substitute(text: string): string {
  return text.replaceAll("{GATEWAY_CLASS_NAME}", CLASS_NAME).replaceAll("{GATEWAY_CONTROLLER_NAME}", CONTROLLER_NAME);
}

/**
 * Data of the objects the suite creates from code. Upstream generates fresh certificates each run;
 * the data records only names and keys. The controller checks PEM framing (a malformed Secret is
 * InvalidCertificateRef), so these get PEM-framed placeholders, as the real ones have.
 */
const PEM: Record<string, string> = {
  "tls.crt": "-----BEGIN CERTIFICATE-----\nc2ltdWxhdGVk\n-----END CERTIFICATE-----\n",
  "tls.key": "-----BEGIN PRIVATE KEY-----\nc2ltdWxhdGVk\n-----END PRIVATE KEY-----\n",
  "ca.crt": "-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n",
  "key.crt": "-----BEGIN PRIVATE KEY-----\nY2E=\n-----END PRIVATE KEY-----\n",
};

/** Objects the suite creates from code before the tests: TLS Secrets and CA ConfigMaps. */
function programmaticObjects(): Record<string, unknown>[] {
  const pr = JSON.parse(readFileSync(join(CONFORMANCE_DIR, "programmatic-resources.json"), "utf8")) as {
    objects: { kind: string; type?: string; namespace: string; name: string; keys: string[] }[];
  };
  return pr.objects.map((o) => ({
    apiVersion: "v1",
    kind: o.kind,
    metadata: { name: o.name, namespace: o.namespace },
    ...(o.type ? { type: o.type } : {}),
    // Secrets carry base64 data; ConfigMaps carry the PEM text itself.
    data: Object.fromEntries(o.keys.map((k) => [k, o.kind === "Secret" ? Buffer.from(PEM[k] ?? "", "ascii").toString("base64") : (PEM[k] ?? "")])),
  }));
}

/**
 * The input files a cluster would hold for a test, in the order they were applied: the
 * implementation's GatewayClass, the programmatic Secrets/ConfigMaps, then each manifest, each
 * followed by the extra objects created after it.
 */
export function configFilesFor(test: ConformanceTest): InputFile[] {
  const files: InputFile[] = [];
  const gatewayClass = { apiVersion: "gateway.networking.k8s.io/v1", kind: "GatewayClass", metadata: { name: CLASS_NAME }, spec: { controllerName: CONTROLLER_NAME } };
  files.push({ name: "conformance/gatewayclass.json", text: JSON.stringify(gatewayClass, null, 1) });
  files.push({ name: "conformance/programmatic.json", text: JSON.stringify({ apiVersion: "v1", kind: "List", items: programmaticObjects() }, null, 1) });
  for (const m of test.manifests) {
    files.push({ name: `manifests/${m}`, text: substitute(readFileSync(join(CONFORMANCE_DIR, "manifests", m), "utf8")) });
    (test.extraObjects ?? [])
      .filter((x) => x.createdAfter === m)
      .forEach((x, i) => files.push({ name: `extra/${m}#${i}.json`, text: substitute(JSON.stringify(x.object, null, 1)) }));
  }
  return files;
}

const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);

/**
 * The resources of a test after `after` steps, as a cluster would hold them: every object gets
 * `metadata.generation` (1, bumped when a patch changes its spec) and a `creationTimestamp` in apply
 * order, one second apart (upstream waits `delaySeconds` before creating extra objects).
 */
export function configFor(test: ConformanceTest, after: AfterOp[] = []): Resource[] {
  const parsed = parse(configFilesFor(test));
  let resources = parsed.resources.map((r, i) => withMeta(r, { generation: r.metadata.generation ?? 1, creationTimestamp: r.metadata.creationTimestamp ?? new Date(T0 + i * 1000).toISOString() }));
  for (const op of after) resources = applyOp(resources, op);
  return resources;
}

function matches(r: Resource, op: AfterOp): boolean {
  return r.kind === op.kind && r.name === op.name && (op.namespace === undefined || r.namespace === (op.namespace || "default") || (!r.namespace && !op.namespace));
}

function applyOp(resources: Resource[], op: AfterOp): Resource[] {
  if (op.op === "delete") return resources.filter((r) => !matches(r, op));
  return resources.map((r) => {
    if (!matches(r, op)) return r;
    const obj = mergePatch(structuredClone(r.obj), op.patch) as Record<string, unknown>;
    const specChanged = JSON.stringify(obj.spec) !== JSON.stringify(r.obj.spec);
    const reparsed = parse({ name: `${r.source.file}#patched`, text: JSON.stringify(obj, null, 1) }).resources[0];
    const generation = (r.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    return withMeta(reparsed, { generation, creationTimestamp: r.metadata.creationTimestamp });
  });
}

function withMeta(r: Resource, meta: { generation?: number; creationTimestamp?: string }): Resource {
  const obj = { ...r.obj, metadata: { ...r.obj.metadata, ...meta } };
  return { ...r, obj, metadata: { ...r.metadata, ...meta } };
}

/** RFC 7386 JSON merge patch: objects merge, null deletes, anything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
