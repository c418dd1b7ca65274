/**
 * The editor's JSON Schema, generated from the npm packages' declarations (scripts/gen-schemas.ts).
 * Rows resolve a field path in a kind's schema and say what the editor must know about it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { generateSchemas, type GeneratedSchemas } from "../../scripts/gen-schemas";
import type { JsonSchema } from "../../scripts/schemas/toJsonSchema";
import { cleanDoc } from "../../scripts/schemas/dts";

let gen: GeneratedSchemas;
beforeAll(() => {
  gen = generateSchemas(process.cwd());
});

function deref(s: JsonSchema | undefined): JsonSchema | undefined {
  let out = s;
  for (let i = 0; out?.$ref && i < 20; i++) {
    const target = gen.schema.definitions?.[out.$ref.replace("#/definitions/", "")];
    const { $ref: _ref, ...own } = out;
    out = { ...target, ...own }; // own keys win, as in yaml-language-server's $ref merge
  }
  return out;
}

/** The schema at `path` ("spec.rules[].matches[].path.type") in the kind's branch. */
function at(apiVersion: string, kind: string, path: string): JsonSchema | undefined {
  const branch = gen.schema.allOf?.find((b) => b.if?.properties?.apiVersion?.const === apiVersion && b.if?.properties?.kind?.const === kind);
  let s = deref(branch?.then);
  for (const part of path.split(".").filter(Boolean)) {
    const name = part.replace(/\[\]$/, "");
    s = deref(s?.properties?.[name]);
    if (part.endsWith("[]")) s = deref(s?.items);
  }
  return s;
}

const GW = "gateway.networking.k8s.io";
const XGW = "gateway.networking.x-k8s.io";

describe("generated Kubernetes schemas", () => {
  const kindRows: { apiVersion: string; kinds: string[] }[] = [
    { apiVersion: `${GW}/v1`, kinds: ["BackendTLSPolicy", "GRPCRoute", "Gateway", "GatewayClass", "HTTPRoute", "ListenerSet", "ReferenceGrant", "TCPRoute", "TLSRoute", "UDPRoute"] },
    { apiVersion: `${GW}/v1beta1`, kinds: ["Gateway", "GatewayClass", "HTTPRoute", "ReferenceGrant"] },
    { apiVersion: `${GW}/v1alpha2`, kinds: ["GRPCRoute", "ReferenceGrant", "TCPRoute", "TLSRoute", "UDPRoute"] },
    { apiVersion: `${GW}/v1alpha3`, kinds: ["BackendTLSPolicy", "TLSRoute"] },
    { apiVersion: `${XGW}/v1alpha1`, kinds: ["XBackendTrafficPolicy", "XMesh"] },
    { apiVersion: "v1", kinds: ["ConfigMap", "Namespace", "Secret", "Service"] },
  ];
  it.each(kindRows)("has a branch for every kind of $apiVersion", ({ apiVersion, kinds }) => {
    const have = gen.kinds.filter((k) => k.apiVersion === apiVersion).map((k) => k.kind).sort();
    expect(have).toEqual([...kinds].sort());
    for (const kind of kinds) expect(at(apiVersion, kind, "metadata.name")?.type).toBe("string");
  });

  it("leaves List kinds out", () => {
    expect(gen.kinds.some((k) => k.kind.endsWith("List"))).toBe(false);
  });

  const fieldRows: { apiVersion: string; kind: string; path: string; expect: Partial<JsonSchema> & { doc?: RegExp; props?: string[] } }[] = [
    { apiVersion: `${GW}/v1`, kind: "HTTPRoute", path: "spec.rules[].matches[].path.type", expect: { enum: ["Exact", "PathPrefix", "RegularExpression"], doc: /how to match against the path Value/ } },
    { apiVersion: `${GW}/v1`, kind: "HTTPRoute", path: "spec.rules[].backendRefs[].weight", expect: { type: "number", doc: /proportion of requests forwarded/ } },
    { apiVersion: `${GW}/v1`, kind: "HTTPRoute", path: "spec.hostnames", expect: { type: "array", doc: /RFC 1123/ } },
    { apiVersion: `${GW}/v1`, kind: "HTTPRoute", path: "spec", expect: { props: ["hostnames", "parentRefs", "rules"] } },
    { apiVersion: `${GW}/v1`, kind: "Gateway", path: "spec", expect: { required: ["gatewayClassName", "listeners"] } },
    { apiVersion: `${GW}/v1`, kind: "Gateway", path: "spec.listeners[]", expect: { required: ["name", "port", "protocol"], additionalProperties: false } },
    { apiVersion: `${GW}/v1`, kind: "Gateway", path: "spec.listeners[].tls.mode", expect: { enum: ["Terminate", "Passthrough"] } },
    { apiVersion: `${GW}/v1beta1`, kind: "HTTPRoute", path: "spec.rules[].filters[].type", expect: { type: "string", doc: /Type identifies the type of filter/ } },
    { apiVersion: `${GW}/v1`, kind: "TCPRoute", path: "spec.rules[].backendRefs[].port", expect: { type: "number" } },
    { apiVersion: `${GW}/v1alpha3`, kind: "BackendTLSPolicy", path: "spec.targetRefs[]", expect: { required: ["group", "kind", "name"] } },
    { apiVersion: "v1", kind: "Service", path: "spec.ports[].targetPort", expect: { type: ["string", "number"] } },
    { apiVersion: "v1", kind: "Secret", path: "data", expect: { type: "object" } },
    { apiVersion: "v1", kind: "ConfigMap", path: "metadata.labels", expect: { type: "object", additionalProperties: { type: "string" } } },
    // An empty interface is free-form JSON, not an object that allows no field.
    { apiVersion: "v1", kind: "Namespace", path: "metadata.managedFields[].fieldsV1", expect: { type: "object", additionalProperties: undefined } },
    // apiVersion/kind stay open inside the definition (the branch's `if` pins them) and keep TypeMeta's doc.
    { apiVersion: `${GW}/v1`, kind: "GRPCRoute", path: "kind", expect: { type: "string", const: undefined, doc: /REST resource this object represents/ } },
  ];
  it.each(fieldRows)("$kind $apiVersion: $path", ({ apiVersion, kind, path, expect: want }) => {
    const s = at(apiVersion, kind, path);
    expect(s, path).toBeDefined();
    const { doc, props, ...plain } = want;
    for (const [k, v] of Object.entries(plain)) {
      if (k === "required" || k === "enum") expect([...((s as Record<string, unknown[]>)[k] ?? [])].sort(), k).toEqual([...(v as unknown[])].sort());
      else expect((s as Record<string, unknown>)[k], k).toEqual(v);
    }
    if (doc) expect(s?.markdownDescription).toMatch(doc);
    if (props) expect(Object.keys(s?.properties ?? {})).toEqual(expect.arrayContaining(props));
  });

  it("shares one definition between versions that use the same type", () => {
    expect(at(`${GW}/v1beta1`, "HTTPRoute", "spec.rules[]")).toEqual(at(`${GW}/v1`, "HTTPRoute", "spec.rules[]"));
    const tcpV1 = gen.kinds.find((k) => k.apiVersion === `${GW}/v1` && k.kind === "TCPRoute");
    const tcpV1a2 = gen.kinds.find((k) => k.apiVersion === `${GW}/v1alpha2` && k.kind === "TCPRoute");
    expect(tcpV1?.definition).toBe(tcpV1a2?.definition);
  });

  it("every $ref points at a definition", () => {
    const refs = JSON.stringify(gen.schema).match(/"\$ref":"#\/definitions\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(100);
    for (const r of new Set(refs)) expect(gen.schema.definitions).toHaveProperty([r.slice('"$ref":"#/definitions/'.length, -1)]);
  });

  it("matches each branch on apiVersion and kind", () => {
    for (const b of gen.schema.allOf ?? []) expect(b.if?.required).toEqual(["apiVersion", "kind"]);
  });

  // While completing, yaml-language-server accepts a const that merely starts with the value typed
  // ("Gateway" for "GatewayClass"); the strict `pattern` must keep every other branch out.
  it("each branch's condition accepts its own apiVersion/kind and no other's", () => {
    const branches = (gen.schema.allOf ?? []).map((b) => b.if!.properties!);
    const accepts = (cond: Record<string, JsonSchema>, apiVersion: string, kind: string) =>
      new RegExp(cond.apiVersion.pattern!, "u").test(apiVersion) && new RegExp(cond.kind.pattern!, "u").test(kind) && cond.apiVersion.const === apiVersion && cond.kind.const === kind;
    for (const [i, cond] of branches.entries()) {
      for (const [j, other] of branches.entries()) {
        expect(accepts(cond, other.apiVersion.const as string, other.kind.const as string), `${i} vs ${j}`).toBe(i === j);
      }
    }
    const gateway = branches.find((c) => c.kind.const === "GatewayClass")!;
    expect(new RegExp(gateway.kind.pattern!, "u").test("Gateway")).toBe(false);
  });
});

describe("cleanDoc", () => {
  const rows: { raw: string; expect: string }[] = [
    { raw: "*\n * One line.\n ", expect: "One line." },
    { raw: "*\n * A\n *\n *\n *\n * B\n ", expect: "A\n\nB" },
    { raw: "*\n * Wildcard \\*.example.com\n ", expect: "Wildcard *.example.com" },
    { raw: "*\n * Rules.\n *\n * <gateway:experimental:validation:XValidation:message=\"x\",rule=\"y\">\n ", expect: "Rules." },
  ];
  it.each(rows)("cleans %#", ({ raw, expect: want }) => {
    expect(cleanDoc(raw)).toBe(want);
  });
});
