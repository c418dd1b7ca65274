/**
 * Generates the editor's JSON Schema for every Kubernetes kind Switchyard reads, from the type
 * declarations of the npm packages `@kubernetes-models/gateway-api` (every Gateway API kind and
 * version it ships: gateway.networking.k8s.io v1, v1beta1, v1alpha2, v1alpha3 and
 * gateway.networking.x-k8s.io v1alpha1) and `kubernetes-models` (core Service, Namespace, Secret,
 * ConfigMap). Field types, required fields, enums and the API reference text (TSDoc) all come from
 * the packages; nothing is written by hand except which files are roots.
 *
 * The result is ONE schema: `allOf` of `if {apiVersion, kind} then {$ref kind}` branches over a
 * shared `definitions` table (v1beta1 kinds reuse v1 types, every kind shares ObjectMeta…), which is
 * how monaco-yaml matches each YAML document to its kind.
 *
 * Used by the Vite plugin (scripts/vite-plugin-k8s-schemas.ts) at dev and build time; runnable alone:
 *   npx tsx scripts/gen-schemas.ts [--out web/editor/generated/k8s-schemas.json]
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DtsProgram, type Decl } from "./schemas/dts.ts";
import { SchemaBuilder, type JsonSchema } from "./schemas/toJsonSchema.ts";

/** One kind the schema recognises. */
export interface KindEntry {
  apiVersion: string;
  kind: string;
  /** Definition holding its shape. */
  definition: string;
}

export interface GeneratedSchemas {
  schema: JsonSchema;
  kinds: KindEntry[];
}

const GATEWAY_PKG = "@kubernetes-models/gateway-api";
const GROUP_DIRS = ["gateway.networking.k8s.io", "gateway.networking.x-k8s.io"];
const CORE = ["Service", "Namespace", "Secret", "ConfigMap"];

/**
 * Versions the npm package predates but the engine accepts with another version's shape — the same
 * table as SAME_SHAPE in src/parse/schema.ts (TCPRoute and UDPRoute v1 have the v1alpha2 shape).
 */
const SAME_SHAPE: { apiVersion: string; kind: string; as: string }[] = [
  { apiVersion: "gateway.networking.k8s.io/v1", kind: "TCPRoute", as: "gateway.networking.k8s.io/v1alpha2" },
  { apiVersion: "gateway.networking.k8s.io/v1", kind: "UDPRoute", as: "gateway.networking.k8s.io/v1alpha2" },
];

/** Build the schema. `root` is the project directory whose node_modules hold the packages. */
export function generateSchemas(root: string): GeneratedSchemas {
  const program = new DtsProgram();
  const builder = new SchemaBuilder(program);
  const anchor = join(root, "package.json");
  const kinds: KindEntry[] = [];
  const add = (decl: Decl): void => {
    const meta = typeMeta(decl);
    if (!meta || meta.kind.endsWith("List")) return;
    builder.ref(decl);
    kinds.push({ ...meta, definition: decl.id });
  };

  const gatewayDir = dirname(program.resolve(GATEWAY_PKG, anchor));
  for (const group of GROUP_DIRS) {
    for (const version of readdirSync(join(gatewayDir, group), { withFileTypes: true })) {
      if (!version.isDirectory()) continue;
      const dir = join(gatewayDir, group, version.name);
      for (const f of readdirSync(dir).sort()) {
        if (!f.endsWith(".d.ts") || f === "index.d.ts") continue;
        const mod = program.module(join(dir, f));
        const decl = mod.decls.get(`I${f.replace(/\.d\.ts$/, "")}`);
        if (decl) add(decl);
      }
    }
  }
  for (const kind of CORE) {
    const mod = program.module(program.resolve(`kubernetes-models/v1/${kind}`, anchor));
    const decl = mod.decls.get(`I${kind}`);
    if (!decl) throw new Error(`kubernetes-models has no ${kind}`);
    add(decl);
  }
  for (const s of SAME_SHAPE) {
    const source = kinds.find((k) => k.apiVersion === s.as && k.kind === s.kind);
    if (source && !kinds.some((k) => k.apiVersion === s.apiVersion && k.kind === s.kind)) {
      kinds.push({ apiVersion: s.apiVersion, kind: s.kind, definition: source.definition });
    }
  }

  for (const k of kinds) openTypeMeta(builder.definitions[k.definition]);
  // No root `title`: yaml-language-server would print it atop every hover. The root's own apiVersion
  // and kind are what completion offers in an empty document (once, not once per branch).
  const typeMetaDoc = builder.definitions[kinds[0].definition]?.properties ?? {};
  const schema: JsonSchema = {
    type: "object",
    properties: { apiVersion: typeMetaDoc.apiVersion ?? { type: "string" }, kind: typeMetaDoc.kind ?? { type: "string" } },
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: exactly(k.apiVersion), kind: exactly(k.kind) }, required: ["apiVersion", "kind"] },
      // oxlint-disable-next-line unicorn/no-thenable -- `then` is the JSON Schema keyword, not a promise
      then: { $ref: `#/definitions/${k.definition}` },
    })),
    definitions: builder.definitions,
  };
  return { schema, kinds };
}

/**
 * `const` alone is not enough: while completing, yaml-language-server takes a value for equal to a
 * const it is a prefix of ("Gateway" → "GatewayClass", ".../v1" → ".../v1beta1"), which mixed
 * GatewayClass fields into a Gateway's suggestions. A `pattern` is checked strictly; the `const`
 * stays for completing the value of `kind:` / `apiVersion:` themselves; `doNotSuggest` leaves the
 * key names to the root's properties.
 */
function exactly(value: string): JsonSchema {
  return { doNotSuggest: true, const: value, pattern: `^${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$` };
}

/** apiVersion and kind of a resource interface (both string literals), or undefined. */
function typeMeta(decl: Decl): { apiVersion: string; kind: string } | undefined {
  if (decl.node.type !== "TSInterfaceDeclaration") return undefined;
  const lit = (name: string): string | undefined => {
    for (const m of decl.node.type === "TSInterfaceDeclaration" ? decl.node.body.body : []) {
      if (m.type !== "TSPropertySignature" || !m.typeAnnotation) continue;
      const key = m.key.type === "Literal" ? m.key.value : m.key.type === "Identifier" ? m.key.name : undefined;
      const t = m.typeAnnotation.typeAnnotation;
      if (key === name && t.type === "TSLiteralType" && t.literal.type === "Literal" && typeof t.literal.value === "string") return t.literal.value;
    }
    return undefined;
  };
  const apiVersion = lit("apiVersion");
  const kind = lit("kind");
  return apiVersion && kind ? { apiVersion, kind } : undefined;
}

/**
 * The `if` of each branch already pins apiVersion and kind; inside the kind's definition they stay
 * plain strings so one definition can serve several versions (SAME_SHAPE) without a false warning.
 */
function openTypeMeta(def: JsonSchema | undefined): void {
  for (const key of ["apiVersion", "kind"]) {
    const p = def?.properties?.[key];
    if (p && "const" in p) def!.properties![key] = { type: "string", ...(p.markdownDescription ? { markdownDescription: p.markdownDescription } : {}) };
  }
}

function main(argv: string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const started = performance.now();
  const { schema, kinds } = generateSchemas(root);
  const json = JSON.stringify(schema);
  const outAt = argv.indexOf("--out");
  if (outAt !== -1 && argv[outAt + 1]) {
    const out = resolve(argv[outAt + 1]);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, json);
    console.log(`wrote ${out}`);
  }
  const ms = Math.round(performance.now() - started);
  console.log(`${kinds.length} kinds, ${Object.keys(schema.definitions ?? {}).length} definitions, ${json.length} bytes, ${ms} ms`);
  for (const k of kinds) console.log(`  ${k.apiVersion} ${k.kind} → ${k.definition}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
