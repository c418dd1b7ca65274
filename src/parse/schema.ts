/**
 * Schema validation with the compiled validators of `@kubernetes-models/gateway-api` (and
 * `kubernetes-models` for core kinds), mapped back to source ranges through the source tree.
 */
import { validate as gwV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1Gateway";
import { validate as gcV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1GatewayClass";
import { validate as hrV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1HTTPRoute";
import { validate as grV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1GRPCRoute";
import { validate as tlsV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1TLSRoute";
import { validate as rgV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1ReferenceGrant";
import { validate as lsV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1ListenerSet";
import { validate as btlsV1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1BackendTLSPolicy";
import { validate as gwV1b1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1Gateway";
import { validate as gcV1b1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1GatewayClass";
import { validate as hrV1b1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1HTTPRoute";
import { validate as rgV1b1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1ReferenceGrant";
import { validate as grV1a2 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2GRPCRoute";
import { validate as rgV1a2 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2ReferenceGrant";
import { validate as tcpV1a2 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2TCPRoute";
import { validate as tlsV1a2 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2TLSRoute";
import { validate as udpV1a2 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2UDPRoute";
import { validate as btlsV1a3 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha3BackendTLSPolicy";
import { validate as tlsV1a3 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha3TLSRoute";
import { validate as xbtpV1a1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisxV1alpha1XBackendTrafficPolicy";
import { validate as xmeshV1a1 } from "@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisxV1alpha1XMesh";
import { validate as svcV1 } from "kubernetes-models/_schemas/IoK8sApiCoreV1Service";
import { validate as nsV1 } from "kubernetes-models/_schemas/IoK8sApiCoreV1Namespace";
import { validate as secretV1 } from "kubernetes-models/_schemas/IoK8sApiCoreV1Secret";
import { validate as cmV1 } from "kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap";
import type { PathSegment } from "../model/source";

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const G = "gateway.networking.k8s.io";
const X = "gateway.networking.x-k8s.io";

/** apiVersion + kind → validator. A known kind at a version with no validator is validated by nobody (said in `hasSchema`). */
const VALIDATORS: Record<string, Validator> = {
  [`${G}/v1/Gateway`]: gwV1,
  [`${G}/v1/GatewayClass`]: gcV1,
  [`${G}/v1/HTTPRoute`]: hrV1,
  [`${G}/v1/GRPCRoute`]: grV1,
  [`${G}/v1/TLSRoute`]: tlsV1,
  [`${G}/v1/ReferenceGrant`]: rgV1,
  [`${G}/v1/ListenerSet`]: lsV1,
  [`${G}/v1/BackendTLSPolicy`]: btlsV1,
  [`${G}/v1beta1/Gateway`]: gwV1b1,
  [`${G}/v1beta1/GatewayClass`]: gcV1b1,
  [`${G}/v1beta1/HTTPRoute`]: hrV1b1,
  [`${G}/v1beta1/ReferenceGrant`]: rgV1b1,
  [`${G}/v1alpha2/GRPCRoute`]: grV1a2,
  [`${G}/v1alpha2/ReferenceGrant`]: rgV1a2,
  [`${G}/v1alpha2/TCPRoute`]: tcpV1a2,
  [`${G}/v1alpha2/TLSRoute`]: tlsV1a2,
  [`${G}/v1alpha2/UDPRoute`]: udpV1a2,
  [`${G}/v1alpha3/BackendTLSPolicy`]: btlsV1a3,
  [`${G}/v1alpha3/TLSRoute`]: tlsV1a3,
  [`${X}/v1alpha1/XBackendTrafficPolicy`]: xbtpV1a1,
  [`${X}/v1alpha1/XMesh`]: xmeshV1a1,
  [`v1/Service`]: svcV1,
  [`v1/Namespace`]: nsV1,
  [`v1/Secret`]: secretV1,
  [`v1/ConfigMap`]: cmV1,
};

/** Versions with no validator of their own that share another version's schema. */
const SAME_SHAPE: Record<string, string> = {
  [`${G}/v1/TCPRoute`]: `${G}/v1alpha2`,
  [`${G}/v1/UDPRoute`]: `${G}/v1alpha2`,
};

export interface SchemaError {
  path: PathSegment[];
  /** Whether the error is about a key (an unknown field) rather than a value. */
  onKey: boolean;
  message: string;
}

export function hasSchema(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in VALIDATORS || `${apiVersion}/${kind}` in SAME_SHAPE;
}

/** Validate an object against its kind's schema; [] when valid or when no schema is known. */
export function validateSchema(apiVersion: string, kind: string, obj: unknown): SchemaError[] {
  let v = VALIDATORS[`${apiVersion}/${kind}`];
  const sameShape = SAME_SHAPE[`${apiVersion}/${kind}`];
  if (!v && sameShape) {
    // TCPRoute and UDPRoute v1 have the v1alpha2 shape; the npm package predates v1.
    v = VALIDATORS[`${sameShape}/${kind}`];
    obj = { ...(obj as object), apiVersion: sameShape };
  }
  if (!v) return [];
  // Status is written by controllers; a document copied from a cluster may carry any status.
  let data = obj;
  if (obj && typeof obj === "object" && "status" in obj) {
    const { status: _status, ...rest } = obj as Record<string, unknown>;
    data = rest;
  }
  // The API server drops fields set to null (`uid: null`, `key:` with no value) before validating
  // ("null values for fields that … don't specify nullable … will be pruned"): so do we.
  if (hasNullField(data)) data = withoutNullFields(data);
  if (v(data)) return [];
  return summarize(v.errors ?? []);
}

function hasNullField(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasNullField);
  if (v === null || typeof v !== "object") return false;
  for (const x of Object.values(v)) if (x === null || hasNullField(x)) return true;
  return false;
}

/** A copy without null-valued object fields (array items stay: their indexes are paths). */
function withoutNullFields(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNullFields);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNullFields(x);
  return out;
}

function toPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(e: AjvError): { path: PathSegment[]; onKey: boolean; message: string } {
  const path = toPath(e.instancePath);
  const where = path.length ? path.join(".") : "object";
  switch (e.keyword) {
    case "additionalProperties":
      return { path: [...path, String(e.params.additionalProperty)], onKey: true, message: `unknown field "${String(e.params.additionalProperty)}" in ${where}` };
    case "required":
      return { path, onKey: false, message: `${where}: missing required field "${String(e.params.missingProperty)}"` };
    case "enum":
      return { path, onKey: false, message: `${where}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}` };
    case "pattern":
      return { path, onKey: false, message: `${where}: must match the pattern ${String(e.params.pattern)}` };
    // The compiled validators carry no messages; say what the keyword means.
    case "type":
      return { path, onKey: false, message: `${where}: must be ${article(String(e.params.type).replace(/,/g, " or "))}` };
    case "format":
      return { path, onKey: false, message: e.params.format === "byte" ? `${where}: must be base64-encoded` : `${where}: must be a valid ${String(e.params.format)}` };
    case "minLength":
    case "maxLength":
      return { path, onKey: false, message: `${where}: must be at ${e.keyword === "minLength" ? "least" : "most"} ${String(e.params.limit)} character${e.params.limit === 1 ? "" : "s"} long` };
    case "minItems":
    case "maxItems":
      return { path, onKey: false, message: `${where}: must have at ${e.keyword === "minItems" ? "least" : "most"} ${String(e.params.limit)} item${e.params.limit === 1 ? "" : "s"}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { path, onKey: false, message: `${where}: must be ${String(e.params.comparison ?? (e.keyword === "minimum" ? ">=" : "<="))} ${String(e.params.limit)}` };
    case "const":
      return { path, onKey: false, message: `${where}: must be ${JSON.stringify(e.params.allowedValue)}` };
    default:
      return { path, onKey: false, message: `${where}: ${e.message ?? e.keyword}` };
  }
}

/** Ajv repeats errors and adds anyOf/oneOf noise; keep one readable error per place. */
function summarize(errors: AjvError[]): SchemaError[] {
  const out: SchemaError[] = [];
  const seen = new Set<string>();
  const specific = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf" && e.keyword !== "if");
  for (const e of specific.length ? specific : errors) {
    const d = describe(e);
    const key = d.message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
