/**
 * Edits on every real-world file of the shared corpus: a no-op edit returns the text byte for byte,
 * and representative edits (weights, a listener's port, a new listener, one more hostname, a
 * rename, a deletion) change exactly the lines they should. Skipped when ../shared is absent.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { applyEdit, targetOf } from "./index";
import { parse, ParseCache } from "../parse";
import { refKey } from "../model/ids";
import type { Resource } from "../model/resource";
import { SHARED_DIR } from "../testing/conformance";
import { checkResult, lineDiff, valueAt } from "./testing/helpers";
import type { Edit } from "./types";

const DIR = join(SHARED_DIR, "corpus", "gateway");
/** One parse cache for the file parses below: an edited file re-parses only the documents that changed. */
const cache = new ParseCache();
const present = existsSync(DIR);
const SKIP = `corpus not found at ${DIR} (it lives in ../shared beside the repository); skipping`;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : /\.(ya?ml|json)$/i.test(n) ? [p] : [];
    });
}

/** Errors an edit may give on a real file: a document the `yaml` package rejects, or YAML aliases. */
const ACCEPTABLE = /YAML errors|aliases/;

interface Case {
  file: string;
  text: string;
  resources: Resource[];
}

function cases(): Case[] {
  return walk(DIR).map((file) => {
    const text = readFileSync(file, "utf8");
    const all = parse({ name: file, text }).resources.filter((r) => !r.name.includes("<generated>"));
    const seen = new Map<string, number>();
    for (const r of all) seen.set(refKey(r), (seen.get(refKey(r)) ?? 0) + 1);
    // Objects defined twice in a file: an edit names the first; leave them out of the line checks.
    return { file: relative(DIR, file), text, resources: all.filter((r) => seen.get(refKey(r)) === 1) };
  });
}

/** Apply an edit; null when it failed for an acceptable reason (recorded in `skipped`). */
function tryEdit(c: Case, edit: Edit, problems: string[], skipped: string[]): string | null {
  const r = applyEdit(c.text, edit);
  if (!r.ok) {
    if (ACCEPTABLE.test(r.error)) skipped.push(`${c.file}: ${r.error}`);
    else problems.push(`${c.file}: ${edit.op}: ${r.error}`);
    return null;
  }
  try {
    return checkResult(c.text, r);
  } catch (e) {
    problems.push(`${c.file}: ${edit.op}: ${(e as Error).message.slice(0, 300)}`);
    return null;
  }
}

describe.skipIf(!present)("edits on the corpus", () => {
  if (!present) {
    console.warn(SKIP);
    it.skip(SKIP, () => {});
  }
  const all = present ? cases() : [];

  it("has files to edit", () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it("a no-op edit returns every file byte for byte", () => {
    const problems: string[] = [];
    const skipped: string[] = [];
    let edits = 0;
    for (const c of all) {
      expect(applyEdit(c.text, { op: "batch", edits: [] })).toEqual({ ok: true, text: c.text, changed: [], patches: [] });
      for (const r of c.resources) {
        for (const edit of [
          { op: "set", target: targetOf(r), path: ["metadata", "name"], value: r.name },
          { op: "set", target: targetOf(r), path: ["spec"], value: r.obj.spec ?? null },
        ] as Edit[]) {
          if (edit.op === "set" && edit.value === null) continue;
          const res = applyEdit(c.text, edit);
          edits++;
          if (!res.ok) (ACCEPTABLE.test(res.error) ? skipped : problems).push(`${c.file}: ${r.kind}/${r.name}: ${res.error}`);
          else if (res.text !== c.text || res.changed.length) problems.push(`${c.file}: ${r.kind}/${r.name}: no-op changed ${JSON.stringify(lineDiff(c.text, res.text))}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(edits).toBeGreaterThan(1000);
    // Documents the `yaml` package rejects are few; say which.
    expect(skipped.length).toBeLessThan(edits / 50);
  });

  it("weights: only weight lines change", () => {
    const problems: string[] = [];
    const skipped: string[] = [];
    let done = 0;
    for (const c of all) {
      for (const r of c.resources) {
        const refs = r.obj.spec?.rules?.[0]?.backendRefs;
        if (!Array.isArray(refs) || !refs.length || !refs.every((b) => b && typeof b === "object")) continue;
        const weights = refs.map((b: { weight?: number }, i: number) => (typeof b.weight === "number" ? b.weight + 1 : 7 + i));
        const after = tryEdit(c, { op: "setWeights", target: targetOf(r), rule: 0, weights }, problems, skipped);
        if (after === null) continue;
        done++;
        const d = lineDiff(c.text, after);
        if (![...d.removed, ...d.added].every((l) => /weight/.test(l))) problems.push(`${c.file}: ${r.name}: ${JSON.stringify(d)}`);
        const read = valueAt(after, r.kind, r.name, ["spec", "rules", 0, "backendRefs"], r.namespace) as { weight?: number }[];
        if (JSON.stringify(read.map((b) => b.weight)) !== JSON.stringify(weights)) problems.push(`${c.file}: ${r.name}: weights read back as ${JSON.stringify(read.map((b) => b.weight))}`);
      }
    }
    expect(problems).toEqual([]);
    expect(done).toBeGreaterThan(100);
  });

  it("listeners: a port changes one line; a new listener only adds lines", () => {
    const problems: string[] = [];
    const skipped: string[] = [];
    let done = 0;
    for (const c of all) {
      for (const r of c.resources.filter((x) => x.kind === "Gateway")) {
        const first = r.obj.spec?.listeners?.[0];
        if (!first || typeof first.name !== "string" || typeof first.port !== "number") continue;
        const moved = tryEdit(c, { op: "updateListener", target: targetOf(r), listener: first.name, changes: { port: first.port + 1 } }, problems, skipped);
        if (moved !== null) {
          done++;
          const d = lineDiff(c.text, moved);
          if (d.removed.length !== 1 || d.added.length !== 1 || !/port/.test(d.added[0])) problems.push(`${c.file}: ${r.name}: port ${JSON.stringify(d)}`);
        }
        const added = tryEdit(c, { op: "addListener", target: targetOf(r), listener: { name: "edit-test" } }, problems, skipped);
        if (added !== null) {
          const d = lineDiff(c.text, added);
          const n = (valueAt(added, "Gateway", r.name, ["spec", "listeners"], r.namespace) as unknown[]).length;
          if (d.removed.length || d.added.length < 3 || n !== r.obj.spec.listeners.length + 1) problems.push(`${c.file}: ${r.name}: addListener ${JSON.stringify(d)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(done).toBeGreaterThan(50);
  });

  it("hostnames: one more is one added line (or one rewritten flow line)", () => {
    const problems: string[] = [];
    const skipped: string[] = [];
    let done = 0;
    for (const c of all) {
      for (const r of c.resources.filter((x) => x.kind === "HTTPRoute")) {
        const cur: string[] = Array.isArray(r.obj.spec?.hostnames) ? r.obj.spec.hostnames : [];
        const after = tryEdit(c, { op: "setHostnames", target: targetOf(r), hostnames: [...cur, "edit-test.example.com"] }, problems, skipped);
        if (after === null) continue;
        done++;
        const d = lineDiff(c.text, after);
        if (!d.added.some((l) => l.includes("edit-test.example.com")) || d.removed.some((l) => !/hostnames|\[/.test(l))) problems.push(`${c.file}: ${r.name}: hostnames ${JSON.stringify(d)}`);
        if (JSON.stringify(valueAt(after, "HTTPRoute", r.name, ["spec", "hostnames"], r.namespace)) !== JSON.stringify([...cur, "edit-test.example.com"])) problems.push(`${c.file}: ${r.name}: hostnames read back wrong`);
      }
    }
    expect(problems).toEqual([]);
    expect(done).toBeGreaterThan(100);
  });

  it("renames change only the lines naming the object, with or without the parse as context", () => {
    const problems: string[] = [];
    const skipped: string[] = [];
    let done = 0;
    for (const c of all) {
      const resources = parse({ name: c.file, text: c.text }, cache).resources;
      for (const r of c.resources.slice(0, 2)) {
        const rename: Edit = { op: "rename", target: targetOf(r), newName: `${r.name}-renamed` };
        const renamed = tryEdit(c, rename, problems, skipped);
        if (renamed === null) continue;
        done++;
        // With the file's parse as context (positions from source trees, no document parsed): the same text.
        const withContext = applyEdit(c.text, rename, { resources });
        if (!withContext.ok || withContext.text !== renamed) problems.push(`${c.file}: rename ${r.name} with context differs`);
        const d = lineDiff(c.text, renamed);
        if (d.removed.length !== d.added.length || !d.removed.length || !d.removed.every((l) => l.includes(r.name)) || !d.added.every((l) => l.includes(`${r.name}-renamed`))) problems.push(`${c.file}: rename ${r.name}: ${JSON.stringify(d)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(done).toBeGreaterThan(500);
  });

  it("deleting a resource removes it and nothing else", () => {
    const problems: string[] = [];
    const skipped: string[] = [];
    let done = 0;
    for (const c of all) {
      for (const r of c.resources.slice(0, 2)) {
        const deleted = tryEdit(c, { op: "deleteResource", target: targetOf(r) }, problems, skipped);
        if (deleted === null) continue;
        done++;
        const before = c.resources.map(refKey).filter((k) => k !== refKey(r));
        const left = parse({ name: c.file, text: deleted }, cache).resources.filter((x) => !x.name.includes("<generated>")).map(refKey);
        if (!before.every((k) => left.includes(k)) || left.includes(refKey(r))) problems.push(`${c.file}: delete ${refKey(r)} left ${JSON.stringify(left)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(done).toBeGreaterThan(500);
  });
});
