/**
 * TypeScript declarations → JSON Schema (draft-07 subset that monaco-yaml / yaml-language-server
 * understands): interfaces become closed objects with their TSDoc as `markdownDescription`, unions of
 * literals become enums, `Array<T>` arrays, `{ [key: string]: T }` maps, named types `$ref`s into one
 * shared `definitions` table.
 */
import type { ESTree } from "rolldown/utils";
import type { Decl, DtsModule, DtsProgram } from "./dts.ts";

/** The JSON Schema shapes this generator emits. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  doNotSuggest?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  title?: string;
  markdownDescription?: string;
  definitions?: Record<string, JsonSchema>;
  defaultSnippets?: { label: string; markdownDescription?: string; body: unknown }[];
}

/** Builds definitions on demand; one definition per declaration, shared by every kind that uses it. */
export class SchemaBuilder {
  readonly definitions: Record<string, JsonSchema> = {};

  constructor(private readonly program: DtsProgram) {}

  /** A `$ref` to the definition of a declaration, building it (and what it uses) the first time. */
  ref(decl: Decl): JsonSchema {
    if (!(decl.id in this.definitions)) {
      this.definitions[decl.id] = {}; // placeholder first: recursive types (JSONSchemaProps…) terminate
      this.definitions[decl.id] = this.declSchema(decl);
    }
    return { $ref: `#/definitions/${decl.id}` };
  }

  /** The schema of a declaration itself (not a reference to it). */
  declSchema(decl: Decl): JsonSchema {
    const body = decl.node.type === "TSInterfaceDeclaration" ? this.interfaceSchema(decl) : this.type(decl.node.typeAnnotation, decl.module);
    return withDoc(body, decl.doc);
  }

  private interfaceSchema(decl: Decl): JsonSchema {
    const node = decl.node as ESTree.TSInterfaceDeclaration;
    // An empty interface (FieldsV1, RawExtension…) stands for free-form JSON, not for "no fields".
    if (!node.extends.length && !node.body.body.length) return { type: "object" };
    const properties: Record<string, JsonSchema> = {};
    const required = new Set<string>();
    // Inherited members first (flattened, not allOf: `additionalProperties: false` only sees own properties).
    for (const h of node.extends) {
      if (h.expression.type !== "Identifier") continue;
      const base = this.program.lookup(decl.module, h.expression.name);
      if (!base || base.node.type !== "TSInterfaceDeclaration") continue;
      const inherited = this.interfaceSchema(base);
      Object.assign(properties, inherited.properties);
      for (const r of inherited.required ?? []) required.add(r);
    }
    for (const member of node.body.body) {
      if (member.type !== "TSPropertySignature" || !member.typeAnnotation) continue;
      const name = propertyName(member.key);
      if (name === undefined) continue;
      const own = this.type(member.typeAnnotation.typeAnnotation, decl.module);
      // A redeclared member without its own doc (apiVersion: "…/v1") keeps the base's (TypeMeta's) doc.
      const doc = decl.module.docAt(member.start) ?? properties[name]?.markdownDescription;
      properties[name] = withDoc(own, doc);
      if (member.optional) required.delete(name);
      else required.add(name);
    }
    const out: JsonSchema = { type: "object", properties, additionalProperties: false };
    if (required.size) out.required = [...required];
    return out;
  }

  /** Schema of a type expression written in `mod`. */
  type(t: ESTree.TSType, mod: DtsModule): JsonSchema {
    switch (t.type) {
      case "TSStringKeyword":
        return { type: "string" };
      case "TSNumberKeyword":
        return { type: "number" };
      case "TSBooleanKeyword":
        return { type: "boolean" };
      case "TSNullKeyword":
        return { type: "null" };
      case "TSLiteralType":
        return literal(t);
      case "TSUnionType":
        return this.union(t.types, mod);
      case "TSArrayType":
        return { type: "array", items: this.type(t.elementType, mod) };
      case "TSParenthesizedType":
        return this.type(t.typeAnnotation, mod);
      case "TSTypeLiteral":
        return this.typeLiteral(t, mod);
      case "TSTypeReference":
        return this.reference(t, mod);
      default:
        // any / unknown / object and shapes these packages never use: accept anything.
        return {};
    }
  }

  private union(types: ESTree.TSType[], mod: DtsModule): JsonSchema {
    const parts = types.map((t) => this.type(t, mod));
    if (parts.every((p) => "const" in p && Object.keys(p).length === 1)) {
      const values = parts.map((p) => p.const);
      const kinds = [...new Set(values.map((v) => (v === null ? "null" : typeof v)))];
      return { type: kinds.length === 1 ? kinds[0] : kinds, enum: values };
    }
    // `string | number` (IntOrString) → a type list, which yaml-language-server reports plainly.
    if (parts.every((p) => typeof p.type === "string" && Object.keys(p).length === 1)) {
      return { type: parts.map((p) => p.type as string) };
    }
    return { anyOf: parts };
  }

  private typeLiteral(t: ESTree.TSTypeLiteral, mod: DtsModule): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    let additional: JsonSchema | undefined;
    for (const m of t.members) {
      if (m.type === "TSIndexSignature") additional = this.type(m.typeAnnotation.typeAnnotation, mod);
      else if (m.type === "TSPropertySignature" && m.typeAnnotation) {
        const name = propertyName(m.key);
        if (name === undefined) continue;
        properties[name] = withDoc(this.type(m.typeAnnotation.typeAnnotation, mod), mod.docAt(m.start));
        if (!m.optional) required.push(name);
      }
    }
    if (additional && !Object.keys(properties).length) return { type: "object", additionalProperties: additional };
    const out: JsonSchema = { type: "object", properties, additionalProperties: additional ?? false };
    if (required.length) out.required = required;
    return out;
  }

  private reference(t: ESTree.TSTypeReference, mod: DtsModule): JsonSchema {
    const name = t.typeName.type === "Identifier" ? t.typeName.name : undefined;
    const args = t.typeArguments?.params ?? [];
    if ((name === "Array" || name === "ReadonlyArray") && args.length === 1) return { type: "array", items: this.type(args[0], mod) };
    if (name === "Record" && args.length === 2) return { type: "object", additionalProperties: this.type(args[1], mod) };
    const decl = name ? this.program.lookup(mod, name) : undefined;
    return decl ? this.ref(decl) : {};
  }
}

function literal(t: ESTree.TSLiteralType): JsonSchema {
  const l = t.literal;
  if (l.type === "Literal") return { const: l.value };
  return {};
}

function propertyName(key: ESTree.PropertyKey): string | undefined {
  if (key.type === "Identifier") return key.name;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  return undefined;
}

function withDoc(s: JsonSchema, doc: string | undefined): JsonSchema {
  return doc ? { ...s, markdownDescription: doc } : s;
}
