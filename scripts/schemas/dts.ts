/**
 * A small reader of the declaration files (`.d.ts`) of the `kubernetes-models` packages: it parses
 * them with oxc (through `rolldown/utils`, the parser Vite 8 itself runs on — the repository's
 * TypeScript 7 has no JS compiler API), keeps each file's interfaces and type aliases with their
 * TSDoc, and follows imports and `export type { A as B }` re-exports across files and packages.
 *
 * Build-time only (Node): never imported by the app or the engine.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseSync, type ESTree } from "rolldown/utils";

/** An interface or type alias found in a declaration file. */
export interface Decl {
  /** A name unique across all files read (the package's long alias, e.g. `IoK8sSigsGatewayApiApisV1HTTPRoute`). */
  id: string;
  node: ESTree.TSInterfaceDeclaration | ESTree.TSTypeAliasDeclaration;
  /** Cleaned TSDoc text, if any. */
  doc?: string;
  module: DtsModule;
}

/** One parsed declaration file. */
export interface DtsModule {
  file: string;
  /** Local declarations by local name. */
  decls: Map<string, Decl>;
  /** Local name → where it is imported from. */
  imports: Map<string, { from: string; name: string }>;
  /** Exported name → local name (`export type { IHTTPRoute as IIoK8s…HTTPRoute }`). */
  exports: Map<string, string>;
  /** Specifiers of `export * from "…"`. */
  exportAll: string[];
  /** TSDoc of the node that starts at this offset, if a doc comment ends right before it. */
  docAt(start: number): string | undefined;
}

/** Reads declaration files on demand, resolving module specifiers the way Node would. */
export class DtsProgram {
  private readonly modules = new Map<string, DtsModule>();
  private readonly ids = new Map<string, Decl>();

  /** The module at an absolute `.d.ts` path (parsed once). */
  module(file: string): DtsModule {
    const known = this.modules.get(file);
    if (known) return known;
    const text = readFileSync(file, "utf8");
    const parsed = parseSync(file, text, { lang: "dts" });
    if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message}`);
    const docs = new Map<number, string>();
    for (const c of parsed.comments) {
      if (c.type !== "Block" || !c.value.startsWith("*")) continue;
      let next = c.end;
      while (next < text.length && /\s/.test(text[next])) next++;
      docs.set(next, cleanDoc(c.value));
    }
    const mod: DtsModule = {
      file,
      decls: new Map(),
      imports: new Map(),
      exports: new Map(),
      exportAll: [],
      docAt: (start) => docs.get(start) || undefined,
    };
    this.modules.set(file, mod);
    for (const stmt of parsed.program.body) this.collect(mod, stmt);
    for (const decl of mod.decls.values()) this.assignId(mod, decl);
    return mod;
  }

  /** The declaration a name denotes inside a module (local, imported or re-exported). */
  lookup(mod: DtsModule, name: string, seen = new Set<string>()): Decl | undefined {
    const key = `${mod.file}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const local = mod.decls.get(name);
    if (local) return local;
    const imported = mod.imports.get(name);
    if (imported) return this.exported(this.module(this.resolve(imported.from, mod.file)), imported.name, seen);
    return undefined;
  }

  /** The declaration a module exports under a name. */
  exported(mod: DtsModule, name: string, seen = new Set<string>()): Decl | undefined {
    const local = mod.exports.get(name) ?? name;
    const found = this.lookup(mod, local, seen);
    if (found) return found;
    for (const spec of mod.exportAll) {
      const via = this.exported(this.module(this.resolve(spec, mod.file)), name, seen);
      if (via) return via;
    }
    return undefined;
  }

  /** Absolute `.d.ts` path of a module specifier imported from `fromFile`. */
  resolve(spec: string, fromFile: string): string {
    if (spec.startsWith(".")) return dtsPath(resolve(dirname(fromFile), spec));
    const parts = spec.split("/");
    const pkg = spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    const sub = parts.slice(pkg.split("/").length).join("/");
    const pkgDir = findPackage(pkg, dirname(fromFile));
    const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as PackageJson;
    const types = exportedTypes(manifest, sub ? `./${sub}` : ".");
    return types ? join(pkgDir, types) : dtsPath(join(pkgDir, sub || "index"));
  }

  private collect(mod: DtsModule, stmt: ESTree.Directive | ESTree.Statement): void {
    if (stmt.type === "ImportDeclaration") {
      for (const s of stmt.specifiers) {
        if (s.type === "ImportSpecifier") mod.imports.set(s.local.name, { from: stmt.source.value, name: nameOf(s.imported) });
      }
      return;
    }
    if (stmt.type === "ExportAllDeclaration" && !stmt.exported) {
      mod.exportAll.push(stmt.source.value);
      return;
    }
    if (stmt.type !== "ExportNamedDeclaration") return;
    const d = stmt.declaration;
    if (d && (d.type === "TSInterfaceDeclaration" || d.type === "TSTypeAliasDeclaration")) {
      // The doc comment sits before `export`, not before `interface`.
      mod.decls.set(d.id.name, { id: "", node: d, doc: mod.docAt(stmt.start) ?? mod.docAt(d.start), module: mod });
    }
    for (const s of stmt.specifiers) {
      const exported = nameOf(s.exported);
      if (!stmt.source) mod.exports.set(exported, nameOf(s.local));
      // `export { type TypeMeta } from "./meta.js"`: an import under the exported name.
      else mod.imports.set(exported, { from: stmt.source.value, name: nameOf(s.local) });
    }
  }

  /** Ids come from the package's globally unique alias (`IIoK8s…` minus the `I`) when it has one. */
  private assignId(mod: DtsModule, decl: Decl): void {
    const local = decl.node.id.name;
    let base = local;
    for (const [exported, l] of mod.exports) if (l === local && /^IIo[A-Z]/.test(exported)) base = exported.slice(1);
    let id = base;
    for (let n = 2; this.ids.has(id) && this.ids.get(id) !== decl; n++) id = `${base}${n}`;
    decl.id = id;
    this.ids.set(id, decl);
  }
}

interface PackageJson {
  types?: string;
  typings?: string;
  exports?: Record<string, unknown> | string;
}

function exportedTypes(manifest: PackageJson, sub: string): string | undefined {
  const { exports } = manifest;
  if (exports && typeof exports === "object") {
    const entry = sub in exports ? exports[sub] : sub === "." && "types" in exports ? exports : undefined;
    if (entry && typeof entry === "object" && typeof (entry as { types?: unknown }).types === "string") {
      return (entry as { types: string }).types;
    }
  }
  if (sub === ".") return manifest.types ?? manifest.typings;
  return undefined;
}

function findPackage(pkg: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", pkg);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`package ${pkg} not found from ${from}`);
  }
}

/** `./X.js` and `./X` both name `./X.d.ts` (or `./X/index.d.ts`). */
function dtsPath(p: string): string {
  const bare = p.replace(/\.(js|mjs|d\.ts)$/, "");
  return existsSync(`${bare}.d.ts`) ? `${bare}.d.ts` : join(bare, "index.d.ts");
}

function nameOf(n: ESTree.ModuleExportName | ESTree.IdentifierName | ESTree.IdentifierReference): string {
  return n.type === "Literal" ? String(n.value) : n.name;
}

/**
 * TSDoc body → text: comment stars off, the generator's escaping of `*` undone, and the kubebuilder
 * markers the CRD generator leaves in descriptions (`<gateway:experimental:…>`) dropped.
 */
export function cleanDoc(raw: string): string {
  const lines = raw
    .replace(/^\*/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, "").trimEnd())
    .filter((l) => !/^\s*<gateway:[^>]*>\s*$/.test(l))
    .map((l) => l.replace(/\\\*/g, "*"));
  const text = lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  return text;
}
