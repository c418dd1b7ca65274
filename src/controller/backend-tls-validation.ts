/**
 * BackendTLSPolicy.spec.validation (v1, v1alpha3; v1alpha2 wrote it as `spec.tls` with
 * `caCertRefs`/`wellKnownCACerts`): what the gateway uses to connect to the backend over TLS, and
 * the problems a controller reports.
 * - hostname: "MUST be used as the SNI to connect to the backend" and, without subjectAltNames,
 *   "MUST match the certificate served by the matching backend"; required.
 * - caCertificateRefs: missing, or a ConfigMap (or Secret, implementation-specific) without `ca.crt`
 *   → ResolvedRefs=False/InvalidCACertificateRef; unknown or unsupported kind → InvalidKind; "If ALL CACertificateRefs
 *   are invalid … Accepted … False, with a Reason NoValidCACertificate".
 * - wellKnownCACertificates: "If an implementation does not support the WellKnownCACertificates
 *   field, or the supplied value is not recognized … Accepted … False, with a Reason Invalid"
 *   ("System" is recognized).
 * - CEL: "must not contain both CACertificateRefs and WellKnownCACertificates", "must specify either";
 *   SubjectAltName: Hostname type needs `hostname` and no `uri`, URI type needs `uri` and no `hostname`.
 */
import type { Resource } from "../model/resource";
import type { BackendTLSView } from "../model/model";
import type { PathSegment } from "../model/source";
import { cond, type Condition } from "../model/status";
import { type Ctx, arr, isRecord, str } from "./context";
import { readRef } from "./refs";
import { caConfigMapProblem, secretProblemOrAssume, secretValue } from "./secrets";
import { relation } from "./shared";

/** RFC 1123 DNS name, lower case (the CRD's pattern for validation.hostname). */
const HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** SubjectAltName.hostname: the same, with an optional leading `*.`. */
const SAN_HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** SubjectAltName.uri: "MUST include both a scheme … and a scheme-specific-part" (the CRD's pattern). */
const SAN_URI = /^(([^:/?#]+):)(\/\/([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?/;

export interface TLSValidation {
  view: BackendTLSView;
  /** Accepted when the validation alone decides it (else null: targets and conflicts decide). */
  rejected: Condition | null;
  resolved: Condition;
}

/** Where the validation block is, in the policy's version. */
function block(policy: Resource): { v: Record<string, unknown>; path: PathSegment[]; legacy: boolean } {
  const spec = isRecord(policy.spec) ? policy.spec : {};
  if (isRecord(spec.validation)) return { v: spec.validation, path: ["spec", "validation"], legacy: false };
  if (isRecord(spec.tls)) return { v: spec.tls, path: ["spec", "tls"], legacy: true };
  return { v: {}, path: ["spec", "validation"], legacy: false };
}

/** Read and check a policy's validation, relating its CA references. */
export function readTLSValidation(ctx: Ctx, policy: Resource): TLSValidation {
  const { v, path, legacy } = block(policy);
  const who = `BackendTLSPolicy ${policy.namespace}/${policy.name}`;
  const invalid: string[] = [];
  const fail = (at: PathSegment[], message: string): void => {
    invalid.push(message);
    ctx.report(policy, [...path, ...at], "error", "Invalid", `${who}: ${message}`);
  };
  const hostname = str(v.hostname);
  if (!hostname) fail([], "validation.hostname is required (it is the SNI sent to the backend)");
  else if (!HOSTNAME.test(hostname)) fail(["hostname"], `hostname ${JSON.stringify(hostname)} is not a lower-case DNS name`);
  // RFC 6066 (the hostname "MUST be used as the SNI"): "Literal IPv4 and IPv6 addresses are not permitted in HostName".
  else if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) ctx.report(policy, [...path, "hostname"], "warning", "sni-ip-literal", `${who}: hostname ${hostname} is an IP address, which TLS does not allow as SNI (RFC 6066); clients and backends will not see it`);
  checkOptions(ctx, policy, who);
  const refsField = legacy ? "caCertRefs" : "caCertificateRefs";
  const refs = arr(v[refsField]);
  const wellKnown = str(legacy ? v.wellKnownCACerts : v.wellKnownCACertificates);
  if (refs.length > 0 && wellKnown) fail([], "must not contain both CACertificateRefs and WellKnownCACertificates");
  const sans: string[] = [];
  arr(v.subjectAltNames).forEach((s, i) => {
    const at: PathSegment[] = ["subjectAltNames", i];
    const type = isRecord(s) ? s.type : undefined;
    const h = isRecord(s) ? str(s.hostname) : "";
    const u = isRecord(s) ? str(s.uri) : "";
    if (type === "Hostname") {
      if (!h || u) fail(at, "SubjectAltName of type Hostname must contain hostname and no uri");
      else if (!SAN_HOSTNAME.test(h)) fail([...at, "hostname"], `SubjectAltName hostname ${JSON.stringify(h)} is not a DNS name`);
      else sans.push(`Hostname:${h}`);
    } else if (type === "URI") {
      if (!u || h) fail(at, "SubjectAltName of type URI must contain uri and no hostname");
      else if (!SAN_URI.test(u)) fail([...at, "uri"], `SubjectAltName uri ${JSON.stringify(u)} needs a scheme and an authority (e.g. spiffe://trust.domain/path)`);
      else sans.push(`URI:${u}`);
    } else fail(at, `SubjectAltName type ${JSON.stringify(type)} is not Hostname or URI`);
  });
  const { caRefs, problem, valid } = checkCARefs(ctx, policy, refs, [...path, refsField]);
  const view: BackendTLSView = { hostname, caCertificateRefs: caRefs, wellKnownCACertificates: wellKnown || null, subjectAltNames: sans };
  const resolved = problem ? cond("ResolvedRefs", false, problem.reason, problem.message) : cond("ResolvedRefs", true, "ResolvedRefs", "all references resolved");
  let rejected: Condition | null = null;
  if (invalid.length > 0) rejected = cond("Accepted", false, "Invalid", invalid.join("; "));
  else if (refs.length > 0 && valid === 0) rejected = cond("Accepted", false, "NoValidCACertificate", "no valid CA certificate");
  else if (refs.length === 0 && wellKnown !== "System") {
    const message = wellKnown ? `wellKnownCACertificates ${wellKnown} is not supported (System is)` : "neither caCertificateRefs nor wellKnownCACertificates is set";
    rejected = cond("Accepted", false, "Invalid", message);
    ctx.report(policy, path, "error", "Invalid", `${who}: ${message}`);
  }
  return { view, rejected, resolved };
}

/** Check the CA references (local ConfigMaps with `ca.crt`), relating each. */
function checkCARefs(ctx: Ctx, policy: Resource, refs: unknown[], path: PathSegment[]): { caRefs: BackendTLSView["caCertificateRefs"]; problem: { reason: string; message: string } | null; valid: number } {
  const caRefs: BackendTLSView["caCertificateRefs"] = [];
  let problem: { reason: string; message: string } | null = null;
  let valid = 0;
  refs.forEach((raw, index) => {
    // LocalObjectReference: always the policy's namespace ("It refers to a resource in another namespace" is invalid).
    const ref = readRef(raw, { group: "", kind: "ConfigMap", namespace: policy.namespace });
    const key = `${ref.kind}/${policy.namespace}/${ref.name}`;
    let reason = "";
    let message = "";
    if (ref.group !== "" || (ref.kind !== "ConfigMap" && ref.kind !== "Secret")) {
      reason = "InvalidKind";
      message = `caCertificateRef kind ${ref.group ? ref.group + "/" : ""}${ref.kind} is not supported (core ConfigMap, or Secret)`;
    } else {
      // Core support is a ConfigMap; a Secret with `ca.crt` is "other kinds of resources"
      // (implementation-specific), which common implementations accept: so does the simulator.
      const obj = ctx.get("", ref.kind, policy.namespace, ref.name);
      const p = !obj ? `${ref.kind} ${policy.namespace}/${ref.name} not found` : ref.kind === "ConfigMap" ? caConfigMapProblem(obj) : secretProblemOrAssume(ctx, obj, ctx.key(policy), "a CA certificate (ca.crt)", caSecretProblem);
      if (p) {
        reason = "InvalidCACertificateRef";
        message = p;
      } else if (ref.kind === "Secret") {
        ctx.report(policy, [...path, index], "info", "ImplementationSpecific", `BackendTLSPolicy ${policy.namespace}/${policy.name}: a Secret as CA certificate is implementation-specific (Core support is a ConfigMap)`);
      }
    }
    if (reason) {
      problem ??= { reason, message };
      ctx.report(policy, [...path, index], "error", reason, `BackendTLSPolicy ${policy.namespace}/${policy.name}: ${message}`);
    } else valid++;
    caRefs.push(reason ? { key, valid: false, reason } : { key, valid: true });
    ctx.relate(relation("caCertificateRef", ctx.key(policy), key, !reason, [...path, index], reason || undefined));
  });
  return { caRefs, problem, valid };
}

/** Why a Secret cannot serve as a CA bundle (it needs `ca.crt`), or null. */
function caSecretProblem(secret: Resource): string | null {
  const v = secretValue(secret, "ca.crt");
  if (v === undefined) return `Secret ${secret.namespace}/${secret.name} lacks ca.crt`;
  if (v === null) return `Secret ${secret.namespace}/${secret.name} holds ca.crt data that is not base64`;
  return null;
}

/**
 * spec.options: "implementation-specific definitions MUST use domain-prefixed names … Un-prefixed
 * names are reserved for key names defined by Gateway API" (none are defined yet).
 */
function checkOptions(ctx: Ctx, policy: Resource, who: string): void {
  const options = isRecord(policy.spec) ? policy.spec.options : undefined;
  if (!isRecord(options)) return;
  for (const k of Object.keys(options)) {
    if (!k.includes("/")) ctx.report(policy, ["spec", "options", k], "warning", "reserved-option", `${who}: option ${JSON.stringify(k)} has no domain prefix; un-prefixed names are reserved for Gateway API, which defines none, so it has no defined meaning`);
  }
}
